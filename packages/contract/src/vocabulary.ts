import { z } from 'zod';

/** The 50 states and DC: where a client lives decides which licences count. */
export const usStates = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
} as const;
export type UsStateCode = keyof typeof usStates;
export const usStateCodes = Object.keys(usStates) as [UsStateCode, ...UsStateCode[]];
export const UsState = z.enum(usStateCodes, { error: 'Choose one of the 50 states or DC (two-letter code, e.g. TX).' });

/** What a client wants help with; providers list the same words as expertise. */
export const focusAreas = [
  'anxiety',
  'depression',
  'stress',
  'trauma',
  'relationships',
  'substance_use',
  'grief',
  'lgbtqia',
  'family',
  'work',
  'sleep',
  'eating',
  'bipolar',
  'ocd',
  'adhd',
  'anger',
  'self_esteem',
  'life_transitions',
  'parenting',
  'chronic_illness',
] as const;
export const FocusArea = z.enum(focusAreas);
export type FocusArea = z.infer<typeof FocusArea>;

export const therapyApproaches = [
  'cbt',
  'dbt',
  'act',
  'emdr',
  'psychodynamic',
  'person_centered',
  'solution_focused',
  'mindfulness',
  'ifs',
  'narrative',
  'motivational_interviewing',
  'gottman',
  'exposure',
  'medication_management',
] as const;
export const TherapyApproach = z.enum(therapyApproaches);
export type TherapyApproach = z.infer<typeof TherapyApproach>;

export const credentials = ['LCSW', 'LICSW', 'LPC', 'LPCC', 'LMHC', 'LMFT', 'PsyD', 'PhD', 'PMHNP', 'MD'] as const;
export const Credential = z.enum(credentials);
export type Credential = z.infer<typeof Credential>;

export const modalities = ['messaging', 'video', 'audio', 'chat'] as const;
export const Modality = z.enum(modalities);
export type Modality = z.infer<typeof Modality>;

/** How a client pays; partner-specific acceptance arrives with the coverage ledger. */
export const coverageKinds = ['direct', 'eap', 'health_plan'] as const;
export const CoverageKind = z.enum(coverageKinds);
export type CoverageKind = z.infer<typeof CoverageKind>;

export const genders = ['woman', 'man', 'nonbinary', 'self_described'] as const;
export const Gender = z.enum(genders);
export type Gender = z.infer<typeof Gender>;

/** ISO 639-1 codes. */
export const languageCodes = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et ' +
  'eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk ' +
  'kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny ' +
  'oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk ' +
  'tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ') as [string, ...string[]];
export const LanguageCode = z.enum(languageCodes, { error: 'Use a two-letter ISO 639-1 language code, e.g. en or es.' });
export type LanguageCode = z.infer<typeof LanguageCode>;
