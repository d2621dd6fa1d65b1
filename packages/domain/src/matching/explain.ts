// An English sentence from the structured reasons, for logs, tests and operators. Clients see the
// web's own wording, translated from the same reasons. The domain takes only types from the
// contract (it has no runtime dependency on it), so state names are repeated here, checked
// against the contract's state codes by the compiler.
import type { FocusArea, Gender, TherapyApproach, UsStateCode } from '@haven/contract';
import type { Reason } from './types.ts';

const STATE_NAMES = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'the District of Columbia',
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
} satisfies Record<UsStateCode, string>;

const FOCUS_WORDS = {
  anxiety: 'anxiety',
  depression: 'depression',
  stress: 'stress',
  trauma: 'trauma',
  relationships: 'relationships',
  substance_use: 'substance use',
  grief: 'grief',
  lgbtqia: 'LGBTQIA+ concerns',
  family: 'family',
  work: 'work',
  sleep: 'sleep',
  eating: 'eating',
  bipolar: 'bipolar disorder',
  ocd: 'OCD',
  adhd: 'ADHD',
  anger: 'anger',
  self_esteem: 'self-esteem',
  life_transitions: 'life transitions',
  parenting: 'parenting',
  chronic_illness: 'chronic illness',
} satisfies Record<FocusArea, string>;

const APPROACH_WORDS = {
  cbt: 'CBT',
  dbt: 'DBT',
  act: 'ACT',
  emdr: 'EMDR',
  psychodynamic: 'psychodynamic therapy',
  person_centered: 'person-centered therapy',
  solution_focused: 'solution-focused therapy',
  mindfulness: 'mindfulness',
  ifs: 'IFS',
  narrative: 'narrative therapy',
  motivational_interviewing: 'motivational interviewing',
  gottman: 'the Gottman method',
  exposure: 'exposure therapy',
  medication_management: 'medication management',
} satisfies Record<TherapyApproach, string>;

const GENDER_WORDS = {
  woman: 'is a woman',
  man: 'is a man',
  nonbinary: 'is nonbinary',
  self_described: 'matches your gender preference',
} satisfies Record<Gender, string>;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "a", "a and b", "a, b and c". */
export function listInEnglish(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: show it as given
  }
}

function phrase(reason: Exclude<Reason, { kind: 'speaks' }>): string {
  switch (reason.kind) {
    case 'licensed_in':
      return `licensed in ${STATE_NAMES[reason.state]}`;
    case 'focus':
      return `works with ${listInEnglish(reason.areas.map((area) => FOCUS_WORDS[area]))}`;
    case 'gender':
      return GENDER_WORDS[reason.gender];
    case 'approach':
      return `uses ${listInEnglish(reason.approaches.map((approach) => APPROACH_WORDS[approach]))}`;
    case 'times':
      return `has ${listInEnglish(reason.times)} hours`;
    case 'light_caseload':
      return 'has a light caseload';
    case 'good_outcomes':
      return `has helped ${reason.improved} of ${reason.similar} clients with similar concerns feel better`;
  }
}

/** e.g. "Licensed in Texas, speaks Spanish, works with anxiety and trauma, has evening hours". */
export function explainInEnglish(reasons: readonly Reason[]): string {
  // All languages read as one phrase, where the first appears: "speaks Spanish and English".
  const languages = reasons.flatMap((reason) => (reason.kind === 'speaks' ? [languageName(reason.language)] : []));
  const phrases: string[] = [];
  let languagesSaid = false;
  for (const reason of reasons) {
    if (reason.kind !== 'speaks') phrases.push(phrase(reason));
    else if (!languagesSaid) {
      phrases.push(`speaks ${listInEnglish(languages)}`);
      languagesSaid = true;
    }
  }
  const sentence = phrases.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
