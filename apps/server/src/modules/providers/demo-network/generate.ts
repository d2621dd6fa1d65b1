// A realistic, made-up provider network for demos and benchmarks. Pure and deterministic: the same
// options always give the same providers, and nothing here touches the database or the clock.
import type {
  AvailabilityInput,
  CoverageKind,
  Credential,
  FocusArea,
  Gender,
  Modality,
  TherapyApproach,
  UsStateCode,
  WeeklyWindow,
} from '@haven/contract';
import { addDays, isCalendarDate } from '@haven/domain';
import { drawCredentials, drawLicences, drawNpi, isPrescriber, type DemoLicence } from './credentials.ts';
import { drawHeritage, drawLanguages, drawName } from './names.ts';
import { populationWeights, stateCodes, stateFacts } from './population.ts';
import { createRng, type Rng } from './rng.ts';
import { drawAvailability, drawBusinessHours } from './schedule.ts';
import { composeApproachStatement } from './statement.ts';

export type DemoProvider = {
  firstName: string;
  lastName: string;
  pronouns: string | null;
  gender: Gender;
  email: string;
  credentials: Credential[];
  yearsExperience: number;
  npi: string;
  focusAreas: FocusArea[];
  approaches: TherapyApproach[];
  languages: string[];
  approachStatement: string;
  timeZone: string;
  businessHours: WeeklyWindow[];
  capacity: number;
  modalities: Modality[];
  coverage: CoverageKind[];
  homeState: UsStateCode;
  licences: DemoLicence[];
  availability: AvailabilityInput;
  avatar: { initials: string; hue: number };
};

export type DemoNetworkOptions = { seed: number; size: number; today: string };

const EMAIL_DOMAIN = 'providers.demo.haven.test';
/** From this size on, every state and DC gets at least this many providers living (and licensed) there. */
const STATE_FLOOR = 2;
const STATE_FLOOR_FROM_SIZE = STATE_FLOOR * stateCodes.length;
/** Licences expire 3 months to 2 years after `today`. */
const LICENCE_DAYS_LEFT = { min: 92, max: 730 };

const FOCUS_AREAS: FocusArea[] = [
  'anxiety',
  'depression',
  'stress',
  'relationships',
  'trauma',
  'self_esteem',
  'life_transitions',
  'grief',
  'family',
  'work',
  'lgbtqia',
  'parenting',
  'substance_use',
  'sleep',
  'anger',
  'adhd',
  'ocd',
  'chronic_illness',
  'eating',
  'bipolar',
];
const FOCUS_WEIGHTS = [10, 10, 8, 7, 7, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1.5, 1.5];
const PRESCRIBER_FOCUS = new Set<FocusArea>(['bipolar', 'adhd', 'sleep']);
const PRESCRIBER_FOCUS_WEIGHTS = FOCUS_AREAS.map((area, index) =>
  PRESCRIBER_FOCUS.has(area) ? (FOCUS_WEIGHTS[index] ?? 1) * 4 : (FOCUS_WEIGHTS[index] ?? 1),
);

const APPROACHES: TherapyApproach[] = [
  'cbt',
  'person_centered',
  'mindfulness',
  'act',
  'solution_focused',
  'dbt',
  'psychodynamic',
  'motivational_interviewing',
  'emdr',
  'ifs',
  'narrative',
  'gottman',
  'exposure',
];
const APPROACH_WEIGHTS = [10, 6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2];
/** Approaches that become four times likelier when the provider lists the focus area they suit. */
const APPROACH_FOR_FOCUS: Partial<Record<TherapyApproach, FocusArea>> = {
  emdr: 'trauma',
  exposure: 'ocd',
  gottman: 'relationships',
  motivational_interviewing: 'substance_use',
  dbt: 'anger',
};

const GENDERS: Gender[] = ['woman', 'man', 'nonbinary', 'self_described'];
const GENDER_WEIGHTS = [70, 25, 4, 1];
const OPEN_PRONOUNS = ['they/them', 'she/they', 'he/they', null];
const CAPACITIES = [10, 15, 20, 25, 30, 35, 40];
const CAPACITY_WEIGHTS = [1, 2, 4, 4, 3, 1, 1];
const EXPERIENCE_BANDS: Array<[number, number]> = [
  [1, 2],
  [3, 15],
  [16, 25],
  [26, 35],
];
const EXPERIENCE_WEIGHTS = [8, 70, 17, 5];
const MODALITY_CHANCES: Record<Modality, number> = { messaging: 0.97, video: 0.9, audio: 0.6, chat: 0.4 };
const COVERAGE_CHANCES: Record<CoverageKind, number> = { direct: 0.95, eap: 0.6, health_plan: 0.55 };

export function generateDemoNetwork(options: DemoNetworkOptions): DemoProvider[] {
  const { seed, size, today } = options;
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`size must be a whole number ≥ 0, not ${size}.`);
  if (!isCalendarDate(today)) throw new RangeError(`today must be a date like 2027-01-31, not "${today}".`);
  const rng = createRng(seed);
  const homeStates = rng.shuffle(apportionHomeStates(size));
  const taken = { npis: new Set<string>(), statements: new Set<string>() };
  const { min, max } = LICENCE_DAYS_LEFT;
  const expiryDates = Array.from({ length: max - min + 1 }, (_, offset) => addDays(today, min + offset));
  return homeStates.map((homeState, index) => drawProvider(rng, { homeState, number: index + 1, expiryDates, taken }));
}

/**
 * Home states in proportion to population (largest-remainder apportionment, so a 600-provider
 * network looks like the country rather than like one roll of the dice), after a floor of two per
 * state so every client, wherever they live, can be matched.
 */
function apportionHomeStates(size: number): UsStateCode[] {
  const floor = size >= STATE_FLOOR_FROM_SIZE ? STATE_FLOOR : 0;
  const seats = size - floor * stateCodes.length;
  const total = populationWeights.reduce((sum, weight) => sum + weight, 0);
  const quotas = populationWeights.map((weight) => (weight / total) * seats);
  const counts = quotas.map((quota) => Math.floor(quota) + floor);
  const leftover = size - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder.slice(0, leftover)) counts[index] = (counts[index] ?? 0) + 1;
  return stateCodes.flatMap((code, index) => Array<UsStateCode>(counts[index] ?? 0).fill(code));
}

type ProviderContext = {
  homeState: UsStateCode;
  number: number;
  expiryDates: readonly string[];
  taken: { npis: Set<string>; statements: Set<string> };
};

function drawProvider(rng: Rng, { homeState, number, expiryDates, taken }: ProviderContext): DemoProvider {
  const facts = stateFacts[homeState];
  const gender = rng.weightedPick(GENDERS, GENDER_WEIGHTS);
  const heritage = drawHeritage(rng, facts);
  const { firstName, lastName } = drawName(rng, heritage, gender);
  const credentials = drawCredentials(rng, homeState);
  const prescriber = isPrescriber(credentials);
  const yearsExperience = drawYearsExperience(rng);
  const focusAreas = drawFocusAreas(rng, prescriber);
  const approaches = drawApproaches(rng, focusAreas, prescriber);
  const languages = drawLanguages(rng, heritage, facts);
  const statementInput = { focusAreas, approaches, yearsExperience, speaksSpanish: languages.includes('es') };
  let approachStatement = composeApproachStatement(rng, statementInput);
  // Redraw a statement someone already has, so browsing profiles never shows the same words twice.
  for (let attempt = 0; attempt < 20 && taken.statements.has(approachStatement); attempt += 1) {
    approachStatement = composeApproachStatement(rng, statementInput);
  }
  taken.statements.add(approachStatement);
  return {
    firstName,
    lastName,
    pronouns: drawPronouns(rng, gender),
    gender,
    email: `${asciiLower(firstName)}.${asciiLower(lastName)}.${number}@${EMAIL_DOMAIN}`,
    credentials,
    yearsExperience,
    npi: drawNpi(rng, taken.npis),
    focusAreas,
    approaches,
    languages,
    approachStatement,
    timeZone: facts.timeZone,
    businessHours: drawBusinessHours(rng),
    capacity: rng.weightedPick(CAPACITIES, CAPACITY_WEIGHTS),
    modalities: drawSubset(rng, MODALITY_CHANCES),
    coverage: drawSubset(rng, COVERAGE_CHANCES),
    homeState,
    licences: drawLicences(rng, homeState, credentials[0] ?? 'LCSW', expiryDates),
    availability: drawAvailability(rng),
    avatar: { initials: `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase(), hue: rng.int(0, 359) },
  };
}

function drawPronouns(rng: Rng, gender: Gender): string | null {
  if (gender === 'woman') return rng.chance(0.85) ? 'she/her' : null;
  if (gender === 'man') return rng.chance(0.85) ? 'he/him' : null;
  if (gender === 'nonbinary') return rng.weightedPick(OPEN_PRONOUNS, [80, 6, 4, 10]);
  return rng.weightedPick(OPEN_PRONOUNS, [30, 10, 10, 50]);
}

/** 1–35, mostly 3–15: many early- and mid-career clinicians, fewer veterans. */
function drawYearsExperience(rng: Rng): number {
  const [min, max] = rng.weightedPick(EXPERIENCE_BANDS, EXPERIENCE_WEIGHTS);
  return rng.int(min, max);
}

function drawFocusAreas(rng: Rng, prescriber: boolean): FocusArea[] {
  return rng.weightedSample(FOCUS_AREAS, prescriber ? PRESCRIBER_FOCUS_WEIGHTS : FOCUS_WEIGHTS, rng.int(3, 8));
}

/** 1–4 approaches that fit the focus (EMDR with trauma, exposure with OCD…); prescribers manage medication. */
function drawApproaches(rng: Rng, focusAreas: FocusArea[], prescriber: boolean): TherapyApproach[] {
  const weights = APPROACHES.map((approach, index) => {
    const boostedBy = APPROACH_FOR_FOCUS[approach];
    return (APPROACH_WEIGHTS[index] ?? 1) * (boostedBy && focusAreas.includes(boostedBy) ? 4 : 1);
  });
  if (!prescriber) return rng.weightedSample(APPROACHES, weights, rng.int(1, 4));
  return ['medication_management', ...rng.weightedSample(APPROACHES, weights, rng.int(0, 2))];
}

/** Each option independently with its probability, in the order given; never empty. */
function drawSubset<T extends string>(rng: Rng, chances: Record<T, number>): T[] {
  const options = Object.keys(chances) as T[];
  const chosen = options.filter((option) => rng.chance(chances[option]));
  return chosen.length > 0 ? chosen : options.slice(0, 1);
}

/** Lower-case ASCII letters only, for email local parts: "José" → "jose", "Ji-woo" → "jiwoo". */
const asciiCache = new Map<string, string>();
function asciiLower(name: string): string {
  let ascii = asciiCache.get(name);
  if (ascii === undefined) {
    ascii = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    asciiCache.set(name, ascii);
  }
  return ascii;
}
