// Rough facts about each state, enough to make a demo network look like the country: where people
// live (2020 census, thousands), the clock they keep, who lives there (percent who speak Spanish at
// home, percent Black, percent Asian; rounded), and which states border it.
import type { UsStateCode } from '@haven/contract';

export type StateFacts = {
  populationThousands: number;
  timeZone: string;
  /** 0–1: share of residents who speak Spanish. */
  spanishShare: number;
  blackShare: number;
  asianShare: number;
  neighbours: UsStateCode[];
};

const EASTERN = 'America/New_York';
const CENTRAL = 'America/Chicago';
const MOUNTAIN = 'America/Denver';
const PACIFIC = 'America/Los_Angeles';

function facts(
  populationThousands: number,
  timeZone: string,
  [spanishPct, blackPct, asianPct]: [number, number, number],
  neighbours: string,
): StateFacts {
  return {
    populationThousands,
    timeZone,
    spanishShare: spanishPct / 100,
    blackShare: blackPct / 100,
    asianShare: asianPct / 100,
    neighbours: neighbours.split(' ') as UsStateCode[],
  };
}

// Alaska and Hawaii have no land neighbours; the state their providers most often also serve stands in.
export const stateFacts: Record<UsStateCode, StateFacts> = {
  AL: facts(5024, CENTRAL, [3, 26, 1.5], 'FL GA MS TN'),
  AK: facts(733, 'America/Anchorage', [4, 3, 6.5], 'WA'),
  AZ: facts(7152, 'America/Phoenix', [20, 5, 3.5], 'CA NV UT NM CO'),
  AR: facts(3012, CENTRAL, [6, 15, 1.7], 'MO TN MS LA TX OK'),
  CA: facts(39538, PACIFIC, [28, 6, 16], 'OR NV AZ'),
  CO: facts(5774, MOUNTAIN, [11, 4, 3.6], 'WY NE KS OK NM UT AZ'),
  CT: facts(3606, EASTERN, [12, 11, 5], 'NY MA RI'),
  DE: facts(990, EASTERN, [7, 22, 4.3], 'MD PA NJ'),
  DC: facts(690, EASTERN, [8, 44, 4.5], 'MD VA'),
  FL: facts(21538, EASTERN, [22, 15, 3], 'GA AL'),
  GA: facts(10712, EASTERN, [7, 31, 4.5], 'FL AL TN NC SC'),
  HI: facts(1455, 'Pacific/Honolulu', [2, 2, 37], 'CA'),
  ID: facts(1839, 'America/Boise', [8, 1, 1.5], 'WA OR NV UT WY MT'),
  IL: facts(12813, CENTRAL, [13, 14, 6], 'WI IA MO KY IN'),
  IN: facts(6786, 'America/Indiana/Indianapolis', [5, 10, 2.7], 'IL MI OH KY'),
  IA: facts(3190, CENTRAL, [4, 4, 2.6], 'MN WI IL MO NE SD'),
  KS: facts(2938, CENTRAL, [8, 6, 3.2], 'NE MO OK CO'),
  KY: facts(4506, EASTERN, [3, 8, 1.7], 'IN OH WV VA TN MO IL'),
  LA: facts(4658, CENTRAL, [4, 31, 1.8], 'TX AR MS'),
  ME: facts(1362, EASTERN, [1, 2, 1.2], 'NH'),
  MD: facts(6177, EASTERN, [7, 30, 7], 'PA DE VA WV DC'),
  MA: facts(7030, EASTERN, [9, 8, 7.5], 'RI CT NY VT NH'),
  MI: facts(10077, 'America/Detroit', [3, 14, 3.5], 'OH IN WI'),
  MN: facts(5706, CENTRAL, [4, 7, 5.3], 'WI IA SD ND'),
  MS: facts(2961, CENTRAL, [2, 37, 1.1], 'LA AR TN AL'),
  MO: facts(6155, CENTRAL, [3, 11, 2.2], 'IA IL KY TN AR OK KS NE'),
  MT: facts(1084, MOUNTAIN, [1, 0.5, 0.8], 'ID WY SD ND'),
  NE: facts(1962, CENTRAL, [7, 5, 2.8], 'SD IA MO KS CO WY'),
  NV: facts(3105, PACIFIC, [20, 10, 9], 'CA OR ID UT AZ'),
  NH: facts(1378, EASTERN, [2, 1.6, 3], 'VT ME MA'),
  NJ: facts(9289, EASTERN, [17, 13, 10], 'NY PA DE'),
  NM: facts(2117, MOUNTAIN, [27, 2, 1.8], 'AZ UT CO OK TX'),
  NY: facts(20201, EASTERN, [15, 15, 9.5], 'NJ PA CT MA VT'),
  NC: facts(10439, EASTERN, [7, 21, 3.3], 'VA TN GA SC'),
  ND: facts(779, CENTRAL, [2, 3, 1.6], 'MN SD MT'),
  OH: facts(11799, EASTERN, [2, 13, 2.6], 'PA WV KY IN MI'),
  OK: facts(3959, CENTRAL, [7, 7, 2.4], 'KS MO AR TX NM CO'),
  OR: facts(4237, PACIFIC, [9, 2, 5], 'WA ID NV CA'),
  PA: facts(13003, EASTERN, [5, 11, 4], 'NY NJ DE MD WV OH'),
  RI: facts(1097, EASTERN, [12, 6, 3.7], 'CT MA'),
  SC: facts(5118, EASTERN, [5, 25, 1.8], 'NC GA'),
  SD: facts(887, CENTRAL, [2, 2, 1.5], 'ND MN IA NE WY MT'),
  TN: facts(6911, CENTRAL, [4, 16, 2], 'KY VA NC GA AL MS AR MO'),
  TX: facts(29146, CENTRAL, [29, 12, 5.5], 'NM OK AR LA'),
  UT: facts(3272, MOUNTAIN, [10, 1, 2.8], 'ID WY CO NM AZ NV'),
  VT: facts(643, EASTERN, [1, 1.4, 1.9], 'NY NH MA'),
  VA: facts(8631, EASTERN, [7, 19, 7.3], 'MD DC WV KY TN NC'),
  WA: facts(7705, PACIFIC, [8, 4, 10], 'ID OR'),
  WV: facts(1794, EASTERN, [1, 3.6, 0.8], 'OH PA MD VA KY'),
  WI: facts(5894, CENTRAL, [4, 6, 3], 'MI MN IA IL'),
  WY: facts(577, MOUNTAIN, [5, 1, 1], 'MT SD NE CO UT ID'),
};

export const stateCodes = Object.keys(stateFacts) as UsStateCode[];
export const populationWeights = stateCodes.map((code) => stateFacts[code].populationThousands);
