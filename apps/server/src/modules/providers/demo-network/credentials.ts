// Credentials and licences as they look in practice: most providers are licensed social workers,
// counselors or family therapists (under each state's own title), a minority are psychologists, and
// a few are prescribers. Licences cover the home state and, for about a third, a few more.
import type { Credential, UsStateCode } from '@haven/contract';
import { populationWeights, stateCodes, stateFacts } from './population.ts';
import type { Rng } from './rng.ts';

export type DemoLicence = { state: UsStateCode; licenceType: Credential; number: string; expiresOn: string };

const LICSW_STATES = new Set<UsStateCode>(['MA', 'WA', 'MN', 'DC', 'RI', 'VT', 'NH']);
const LMHC_STATES = new Set<UsStateCode>(['NY', 'FL', 'MA', 'WA', 'IN', 'RI']);
const LPCC_STATES = new Set<UsStateCode>(['CA', 'OH', 'MN', 'NM', 'KY']);

type Profession = 'social_work' | 'counseling' | 'LMFT' | 'PsyD' | 'PhD' | 'PMHNP' | 'MD';
const PROFESSIONS: Profession[] = ['social_work', 'counseling', 'LMFT', 'PsyD', 'PhD', 'PMHNP', 'MD'];
const PROFESSION_WEIGHTS = [30, 32, 14, 7, 8, 4, 1.5];

function titleIn(profession: Profession, state: UsStateCode): Credential {
  if (profession === 'social_work') return LICSW_STATES.has(state) ? 'LICSW' : 'LCSW';
  if (profession === 'counseling') {
    if (LMHC_STATES.has(state)) return 'LMHC';
    return LPCC_STATES.has(state) ? 'LPCC' : 'LPC';
  }
  return profession;
}

export function isPrescriber(credentials: Credential[]): boolean {
  return credentials.some((credential) => credential === 'PMHNP' || credential === 'MD');
}

/** One credential, or two for some therapists (a second licence or a doctorate); prescribers hold one. */
export function drawCredentials(rng: Rng, homeState: UsStateCode): Credential[] {
  const profession = rng.weightedPick(PROFESSIONS, PROFESSION_WEIGHTS);
  const first = titleIn(profession, homeState);
  if (profession === 'PMHNP' || profession === 'MD' || !rng.chance(0.18)) return [first];
  const doctoral = profession === 'PsyD' || profession === 'PhD';
  const seconds: Credential[] = doctoral
    ? ['LMFT', titleIn('counseling', homeState)]
    : (['LMFT', 'PhD', 'PsyD', titleIn('social_work', homeState), titleIn('counseling', homeState)] as Credential[]);
  return [first, rng.pick(seconds.filter((credential) => credential !== first))];
}

const NUMBER_PREFIX: Partial<Record<Credential, string>> = { PsyD: 'PSY', PhD: 'PSY', PMHNP: 'APRN' };

/**
 * Home state first, then (for ~35%) one to three more: mostly neighbours, otherwise big states.
 * `expiryDates` are the dates a licence may expire on (3 months to 2 years out), computed once.
 */
export function drawLicences(rng: Rng, homeState: UsStateCode, licenceType: Credential, expiryDates: readonly string[]): DemoLicence[] {
  const states: UsStateCode[] = [homeState];
  if (rng.chance(0.35)) {
    const wanted = 1 + rng.weightedPick([1, 2, 3], [6, 3, 1]);
    while (states.length < wanted) {
      const neighbours = stateFacts[homeState].neighbours.filter((state) => !states.includes(state));
      const next = neighbours.length > 0 && rng.chance(0.65) ? rng.pick(neighbours) : rng.weightedPick(stateCodes, populationWeights);
      if (!states.includes(next)) states.push(next);
    }
  }
  const prefix = NUMBER_PREFIX[licenceType] ?? licenceType.toUpperCase();
  return states.map((state) => ({
    state,
    licenceType,
    number: `${prefix}-${String(rng.int(1_000, 9_999_999)).padStart(7, '0')}`,
    expiresOn: rng.pick(expiryDates),
  }));
}

/** Luhn check digit over the digits, as the NPI standard computes it (with the 80840 prefix). */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let position = 0; position < digits.length; position += 1) {
    const digit = Number(digits[digits.length - 1 - position]);
    const weighted = position % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

/** A ten-digit individual NPI (starts with 1) with a valid check digit, not yet in `taken`. */
export function drawNpi(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const body = `1${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    const npi = `${body}${luhnCheckDigit(`80840${body}`)}`;
    if (!taken.has(npi)) {
      taken.add(npi);
      return npi;
    }
  }
}
