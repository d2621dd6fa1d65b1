// A provider's "how I work" paragraph in their own voice, stitched from varied sentences so a client
// browsing the demo network reads different people, not one template.
import type { FocusArea, TherapyApproach } from '@haven/contract';
import type { Rng } from './rng.ts';

const FOCUS_PHRASES: Record<FocusArea, string> = {
  anxiety: 'anxiety and worry',
  depression: 'depression and low mood',
  stress: 'stress and burnout',
  trauma: 'trauma',
  relationships: 'relationship difficulties',
  substance_use: 'substance use',
  grief: 'grief and loss',
  lgbtqia: 'LGBTQIA+ identity',
  family: 'family conflict',
  work: 'work and career pressure',
  sleep: 'sleep problems',
  eating: 'disordered eating and body image',
  bipolar: 'bipolar disorder',
  ocd: 'OCD',
  adhd: 'adult ADHD',
  anger: 'anger',
  self_esteem: 'self-esteem',
  life_transitions: 'life transitions',
  parenting: 'the ups and downs of parenting',
  chronic_illness: 'living with chronic illness',
};

const APPROACH_PHRASES: Record<TherapyApproach, string> = {
  cbt: 'cognitive behavioral therapy (CBT)',
  dbt: 'DBT skills',
  act: 'acceptance and commitment therapy (ACT)',
  emdr: 'EMDR',
  psychodynamic: 'psychodynamic therapy',
  person_centered: 'a person-centered approach',
  solution_focused: 'solution-focused therapy',
  mindfulness: 'mindfulness practices',
  ifs: 'Internal Family Systems (IFS)',
  narrative: 'narrative therapy',
  motivational_interviewing: 'motivational interviewing',
  gottman: 'the Gottman Method',
  exposure: 'gradual exposure work',
  medication_management: 'careful medication management',
};

type Facts = { list: string; approaches: string; years: string };

const OPENINGS: Array<(facts: Facts) => string> = [
  ({ list }) => `I help adults work through ${list}.`,
  ({ list }) => `Most of the people I see come to me for ${list}.`,
  ({ list }) => `My practice centers on ${list}.`,
  ({ list }) => `I work with people navigating ${list}.`,
  ({ list, years }) => `For ${years} I have supported clients with ${list}.`,
  ({ list }) => `I specialize in ${list}, and I know how heavy these can feel.`,
  ({ list, years }) => `Over ${years} of practice, I have focused on ${list}.`,
  ({ list }) => `If you are facing ${list}, you do not have to sort it out alone.`,
];

const METHODS: Array<(facts: Facts) => string> = [
  ({ approaches }) => `I draw on ${approaches}, tailored to what you need.`,
  ({ approaches }) => `In our work together I use ${approaches}.`,
  ({ approaches }) => `My approach blends ${approaches} with warmth and practical tools.`,
  ({ approaches }) => `Our sessions are grounded in ${approaches}.`,
  ({ approaches }) => `I am trained in ${approaches} and adapt them to your goals.`,
  ({ approaches }) => `Together we will use ${approaches} to make change that lasts.`,
];

const VALUES = [
  'I believe therapy works best when you feel heard and never judged.',
  'Expect a collaborative space where we set goals together and revisit them often.',
  'I bring curiosity, humor, and honesty to our conversations.',
  'I pay close attention to culture, identity, and the context you live in.',
  'We will move at a pace that feels right for you.',
  'I value small, steady steps over quick fixes.',
  'I see you as the expert on your own life; my job is to help you use that expertise.',
  'You will leave each conversation with something concrete to try.',
];

const CLOSINGS = [
  'Between sessions, I am glad to keep the conversation going by message.',
  'Reaching out takes courage, and I look forward to meeting you.',
  'When you are ready, I would be glad to hear your story.',
  'If something is not working, tell me and we will adjust.',
  'I check in on messages every working day, so you are never left waiting long.',
];

/** "a", "a and b", "a, b, and c". */
function listOf(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1) ?? ''}`;
}

export type StatementInput = {
  focusAreas: FocusArea[];
  approaches: TherapyApproach[];
  yearsExperience: number;
  speaksSpanish: boolean;
};

/** 2–4 sentences: what they help with, how they work, and optionally what to expect or a welcome. */
export function composeApproachStatement(rng: Rng, input: StatementInput): string {
  const focus = rng.sample(input.focusAreas, rng.int(2, 3)).map((area) => FOCUS_PHRASES[area]);
  const approaches = rng.sample(input.approaches, 2).map((approach) => APPROACH_PHRASES[approach]);
  const { yearsExperience } = input;
  const facts: Facts = {
    list: listOf(focus),
    approaches: listOf(approaches),
    years: yearsExperience === 1 ? 'one year' : `${yearsExperience} years`,
  };
  const sentences = [rng.pick(OPENINGS)(facts), rng.pick(METHODS)(facts)];
  if (rng.chance(0.7)) sentences.push(rng.pick(VALUES));
  if (input.speaksSpanish && rng.chance(0.5)) sentences.push('I am happy to work in Spanish or English.');
  else if (rng.chance(0.5)) sentences.push(rng.pick(CLOSINGS));
  return sentences.join(' ');
}
