import {
  consentVersions,
  IntakeAnswers,
  intakeSteps,
  MINIMUM_AGE,
  UsState,
  type CareFormat,
  type FocusArea,
  type Gender,
  type IntakeStep,
  type LiveModality,
  type TherapyApproach,
  type TimeOfDay,
  type UsStateCode,
} from '@haven/contract';
import {
  checkCoverage,
  coverageDraftFrom,
  coverageFieldMessages,
  coverageFieldOf,
  includesLiveSessions,
  type CoverageDraft,
  type CoverageField,
} from '../plan/coverageDraft.ts';
import type { FormProblem, Message } from '../../forms/problems.ts';

export type ScreenerScore = 0 | 1 | 2 | 3;
export const screenerScores: readonly ScreenerScore[] = [0, 1, 2, 3];
export const phq9Numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const gad7Numbers = [1, 2, 3, 4, 5, 6, 7] as const;
/** PHQ-9 item 9 asks about thoughts of death or self-harm: any answer above 0 needs crisis resources at once. */
export const PHQ9_SAFETY_ITEM = 9;

/** The intake as typed so far: unanswered questions are null or empty. */
export type IntakeDraft = {
  state: UsStateCode | '';
  birthMonth: string;
  birthDay: string;
  birthYear: string;
  timeZone: string;
  requiredLanguages: string[];
  preferredLanguages: string[];
  focusAreas: FocusArea[];
  /** 'none' is "no preference", which the contract says as null. */
  providerGender: Gender | 'none';
  approaches: TherapyApproach[];
  careFormat: CareFormat | null;
  liveModality: LiveModality | null;
  preferredTimes: TimeOfDay[];
  phq9: (ScreenerScore | null)[];
  phq9Difficulty: ScreenerScore | null;
  gad7: (ScreenerScore | null)[];
  inCrisis: boolean;
  coverage: CoverageDraft;
  telehealth: boolean;
  privacy: boolean;
};

export type IntakeField =
  | 'state'
  | 'dateOfBirth'
  | 'timeZone'
  | 'requiredLanguages'
  | 'preferredLanguages'
  | 'focusAreas'
  | 'providerGender'
  | 'approaches'
  | 'careFormat'
  | 'liveModality'
  | 'preferredTimes'
  | `phq9-${(typeof phq9Numbers)[number]}`
  | 'phq9Difficulty'
  | 'inCrisis'
  | `gad7-${(typeof gad7Numbers)[number]}`
  | CoverageField
  | 'telehealth'
  | 'privacy';

/** Each field's control (or fieldset), in the order they appear, which is the error summary's order. */
export const intakeFieldIds: Record<IntakeField, string> = {
  state: 'intake-state',
  dateOfBirth: 'intake-date-of-birth',
  timeZone: 'intake-time-zone',
  requiredLanguages: 'intake-required-languages',
  preferredLanguages: 'intake-preferred-languages',
  focusAreas: 'intake-focus-areas',
  careFormat: 'intake-care-format',
  liveModality: 'intake-live-modality',
  preferredTimes: 'intake-preferred-times',
  providerGender: 'intake-provider-gender',
  approaches: 'intake-approaches',
  ...(Object.fromEntries(phq9Numbers.map((n) => [`phq9-${n}`, `intake-phq9-${n}`])) as Record<
    `phq9-${(typeof phq9Numbers)[number]}`,
    string
  >),
  phq9Difficulty: 'intake-phq9-difficulty',
  inCrisis: 'intake-in-crisis',
  ...(Object.fromEntries(gad7Numbers.map((n) => [`gad7-${n}`, `intake-gad7-${n}`])) as Record<
    `gad7-${(typeof gad7Numbers)[number]}`,
    string
  >),
  coverageKind: 'intake-coverage-kind',
  directPlan: 'intake-direct-plan',
  eapCode: 'intake-eap-code',
  healthPlanId: 'intake-health-plan',
  memberId: 'intake-member-id',
  telehealth: 'intake-telehealth',
  privacy: 'intake-privacy',
};

type StepsShaping = Pick<IntakeDraft, 'careFormat' | 'coverage'>;

/**
 * The steps this client goes through: a first session is offered only when their plan includes live
 * sessions (a direct plan with them, or an organisation code or health plan for someone who wants to
 * meet live).
 */
export function stepsFor({ careFormat, coverage }: StepsShaping): IntakeStep[] {
  const live = includesLiveSessions(careFormat, coverage);
  return intakeSteps.filter((step) => step !== 'first_session' || live);
}

export const wantsLive = (draft: Pick<IntakeDraft, 'careFormat'>) => draft.careFormat === 'live' || draft.careFormat === 'both';

function answersList(items: readonly number[] | undefined, length: number): (ScreenerScore | null)[] {
  return Array.from({ length }, (_, index) => {
    const answer = items?.[index];
    return answer === 0 || answer === 1 || answer === 2 || answer === 3 ? answer : null;
  });
}

/** The form as it was left: saved answers where there are some, sensible defaults elsewhere. */
export function draftFromAnswers(answers: IntakeAnswers, deviceTimeZone: string): IntakeDraft {
  const [year = '', month = '', day = ''] = answers.dateOfBirth?.split('-') ?? [];
  const preferences = answers.preferences;
  const consent = answers.consent;
  const difficulty = answers.phq9?.difficulty;
  return {
    state: answers.state ?? '',
    birthMonth: month ? String(Number(month)) : '',
    birthDay: day ? String(Number(day)) : '',
    birthYear: year,
    timeZone: answers.timeZone ?? deviceTimeZone,
    requiredLanguages: answers.requiredLanguages ?? ['en'],
    preferredLanguages: answers.preferredLanguages ?? [],
    focusAreas: answers.focusAreas ?? [],
    providerGender: preferences?.providerGender ?? 'none',
    approaches: preferences?.approaches ?? [],
    careFormat: preferences?.careFormat ?? null,
    liveModality: preferences?.liveModality ?? null,
    preferredTimes: preferences?.preferredTimes ?? [],
    phq9: answersList(answers.phq9?.items, phq9Numbers.length),
    phq9Difficulty: difficulty === undefined || difficulty === null ? null : (answersList([difficulty], 1)[0] ?? null),
    gad7: answersList(answers.gad7?.items, gad7Numbers.length),
    inCrisis: answers.inCrisis ?? false,
    coverage: coverageDraftFrom(answers.coverage),
    telehealth: consent?.telehealthVersion === consentVersions.telehealth,
    privacy: consent?.privacyVersion === consentVersions.privacy,
  };
}

/** Whether the answers given so far call for crisis resources: PHQ-9 item 9 above 0, or "I am in crisis". */
export function needsCrisisResources(draft: Pick<IntakeDraft, 'phq9' | 'inCrisis'>): boolean {
  return draft.inCrisis || (draft.phq9[PHQ9_SAFETY_ITEM - 1] ?? 0) > 0;
}

/** The difficulty question follows the nine items only when at least one problem was checked off. */
export const asksDifficulty = (draft: Pick<IntakeDraft, 'phq9'>) => draft.phq9.some((answer) => (answer ?? 0) > 0);

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** The date of birth as 'YYYY-MM-DD', or null when the three parts do not make a real date. */
export function dateOfBirthOf(draft: Pick<IntakeDraft, 'birthYear' | 'birthMonth' | 'birthDay'>): string | null {
  const [year, month, day] = [draft.birthYear, draft.birthMonth, draft.birthDay].map((part) => part.trim());
  if (!/^\d{4}$/.test(year ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{1,2}$/.test(day ?? '')) return null;
  const iso = `${year}-${twoDigits(Number(month))}-${twoDigits(Number(day))}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso || Number(year) < 1900) return null;
  return iso;
}

/** Whether someone born on `dateOfBirth` is younger than Haven's minimum age on `today` (both 'YYYY-MM-DD'). */
export function isUnderAge(dateOfBirth: string, today: string): boolean {
  const adulthood = `${Number(dateOfBirth.slice(0, 4)) + MINIMUM_AGE}${dateOfBirth.slice(4)}`;
  return adulthood > today;
}

/** Today's date where the client is, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export type StepCheck = { ok: true; answers: IntakeAnswers } | { ok: false; problem: FormProblem<IntakeField> };

type Problems = Partial<Record<IntakeField, Message>>;
const message = (key: Message['key'], values?: Message['values']): Message => ({ key, values });

function screenerProblems(prefix: 'phq9' | 'gad7', answers: readonly (ScreenerScore | null)[]): Problems {
  const problems: Problems = {};
  answers.forEach((answer, index) => {
    const number = index + 1;
    if (answer === null) problems[`${prefix}-${number}` as IntakeField] = message('intake.validation.item', { number });
  });
  return problems;
}

/** The answers one step gives, and what is missing or wrong in them. */
function stepAnswers(step: IntakeStep, draft: IntakeDraft, today: string): [IntakeAnswers, Problems] {
  switch (step) {
    case 'about': {
      const dateOfBirth = dateOfBirthOf(draft);
      const problems: Problems = {};
      if (!UsState.safeParse(draft.state).success) problems.state = message('intake.validation.state');
      if (!dateOfBirth) problems.dateOfBirth = message('intake.validation.dateOfBirth');
      else if (dateOfBirth > today) problems.dateOfBirth = message('intake.validation.dateOfBirthFuture');
      if (!draft.timeZone) problems.timeZone = message('intake.validation.timeZone');
      const answers: IntakeAnswers = { timeZone: draft.timeZone };
      if (draft.state) answers.state = draft.state;
      if (dateOfBirth) answers.dateOfBirth = dateOfBirth;
      return [answers, problems];
    }
    case 'languages': {
      const problems: Problems = {};
      if (draft.requiredLanguages.length === 0) problems.requiredLanguages = message('intake.validation.requiredLanguages');
      const preferredLanguages = draft.preferredLanguages.filter((code) => !draft.requiredLanguages.includes(code));
      return [{ requiredLanguages: draft.requiredLanguages, preferredLanguages }, problems];
    }
    case 'focus': {
      const problems: Problems = {};
      if (draft.focusAreas.length < 1 || draft.focusAreas.length > 6) problems.focusAreas = message('intake.validation.focusAreas');
      return [{ focusAreas: draft.focusAreas }, problems];
    }
    case 'preferences': {
      const problems: Problems = {};
      if (!draft.careFormat) problems.careFormat = message('intake.validation.careFormat');
      if (wantsLive(draft) && !draft.liveModality) problems.liveModality = message('intake.validation.liveModality');
      if (draft.approaches.length > 5) problems.approaches = message('intake.validation.approaches');
      const preferences = {
        providerGender: draft.providerGender === 'none' ? null : draft.providerGender,
        approaches: draft.approaches,
        careFormat: draft.careFormat ?? 'messaging',
        liveModality: wantsLive(draft) ? draft.liveModality : null,
        preferredTimes: draft.preferredTimes,
      };
      return [{ preferences }, problems];
    }
    case 'phq9': {
      const problems = screenerProblems('phq9', draft.phq9);
      const items = draft.phq9.map((answer) => answer ?? 0);
      const difficulty = asksDifficulty(draft) ? draft.phq9Difficulty : null;
      if (asksDifficulty(draft) && difficulty === null) problems.phq9Difficulty = message('intake.validation.difficulty');
      return [{ phq9: { items, difficulty }, inCrisis: draft.inCrisis }, problems];
    }
    case 'gad7':
      return [{ gad7: { items: draft.gad7.map((answer) => answer ?? 0) } }, screenerProblems('gad7', draft.gad7)];
    case 'coverage': {
      const checked = checkCoverage(draft.coverage);
      return checked.ok ? [{ coverage: checked.choice }, {}] : [{}, checked.problems];
    }
    case 'consent': {
      const problems: Problems = {};
      if (!draft.telehealth) problems.telehealth = message('intake.validation.telehealth');
      if (!draft.privacy) problems.privacy = message('intake.validation.privacy');
      const consent = { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy };
      return [{ consent }, problems];
    }
    case 'first_session':
      return [{}, {}];
    default:
      return step satisfies never;
  }
}

/** Checks one step before it is saved: every question it needs answered, each answer as the contract wants it. */
export function checkStep(step: IntakeStep, draft: IntakeDraft, today: string): StepCheck {
  const [answers, problems] = stepAnswers(step, draft, today);
  if (Object.keys(problems).length > 0) return { ok: false, problem: { fields: problems } };
  const parsed = IntakeAnswers.safeParse(answers);
  if (parsed.success) return { ok: true, answers: parsed.data };
  return { ok: false, problem: problemFromIssues(parsed.error.issues.map((issue) => issue.path.join('.'))) };
}

const fieldMessages: Partial<Record<IntakeField, Message['key']>> = {
  state: 'intake.validation.state',
  dateOfBirth: 'intake.validation.dateOfBirth',
  timeZone: 'intake.validation.timeZone',
  requiredLanguages: 'intake.validation.requiredLanguages',
  preferredLanguages: 'intake.validation.preferredLanguages',
  focusAreas: 'intake.validation.focusAreas',
  providerGender: 'intake.validation.providerGender',
  approaches: 'intake.validation.approaches',
  careFormat: 'intake.validation.careFormat',
  liveModality: 'intake.validation.liveModality',
  preferredTimes: 'intake.validation.preferredTimes',
  phq9Difficulty: 'intake.validation.difficulty',
  telehealth: 'intake.validation.telehealth',
  privacy: 'intake.validation.privacy',
  ...coverageFieldMessages,
};

/** The form field an issue's path names: 'answers.preferences.careFormat' → careFormat, 'phq9.items.8' → phq9-9. */
export function fieldOfIssue(path: string): IntakeField | null {
  const parts = path.replace(/^answers\./, '').split('.');
  const [head, next, index] = parts;
  if (head === 'preferences') return next && next in fieldMessages ? (next as IntakeField) : 'careFormat';
  if (head === 'phq9' || head === 'gad7') {
    if (next === 'difficulty') return 'phq9Difficulty';
    const number = Number(index ?? 0) + 1;
    return `${head}-${Number.isInteger(number) && number >= 1 ? number : 1}` as IntakeField;
  }
  if (head === 'consent') return next === 'privacyVersion' ? 'privacy' : 'telehealth';
  if (head === 'inCrisis') return 'inCrisis';
  if (head === 'coverage') return coverageFieldOf(next);
  return head && head in fieldMessages ? (head as IntakeField) : null;
}

/** The message for each field the API's (or the contract's) issues name. */
export function problemFromIssues(paths: readonly string[]): FormProblem<IntakeField> {
  const problem: FormProblem<IntakeField> = { fields: {} };
  for (const path of paths) {
    const field = fieldOfIssue(path);
    if (!field || problem.fields[field]) continue;
    const item = /^(phq9|gad7)-(\d)$/.exec(field);
    const key = fieldMessages[field];
    if (item) problem.fields[field] = message('intake.validation.item', { number: Number(item[2]) });
    else if (key) problem.fields[field] = message(key);
  }
  if (Object.keys(problem.fields).length === 0) problem.general = message('errors.validation_failed');
  return problem;
}

const stepOfAnswer: Record<string, IntakeStep> = {
  state: 'about',
  dateOfBirth: 'about',
  timeZone: 'about',
  requiredLanguages: 'languages',
  preferredLanguages: 'languages',
  focusAreas: 'focus',
  preferences: 'preferences',
  phq9: 'phq9',
  inCrisis: 'phq9',
  gad7: 'gad7',
  coverage: 'coverage',
  consent: 'consent',
  firstSession: 'first_session',
};

/** The steps that still need answers, in intake order, from an `intake_incomplete` failure's issues. */
export function stepsOfIssues(paths: readonly string[]): IntakeStep[] {
  const steps = new Set(paths.map((path) => stepOfAnswer[path.replace(/^answers\./, '').split('.')[0] ?? '']));
  return intakeSteps.filter((step) => steps.has(step));
}

/** The first step to show: the saved one, unless the answers since make it one this client skips. */
export function resumeStep(saved: IntakeStep, draft: StepsShaping): IntakeStep {
  const steps = stepsFor(draft);
  return steps.includes(saved) ? saved : (steps[steps.length - 1] ?? 'about');
}
