// The client's intake (PRODUCT §2.1): saved step by step so it resumes, sealed because it is
// health information, and checked for safety on every save — a crisis answer raises a flag for
// clinical follow-up at once, whether or not the client ever finishes.
import type { Caller } from '../../caller.ts';
import { randomUUID } from 'node:crypto';
import { consentVersions, IntakeAnswers, MINIMUM_AGE, type FieldIssue, type IntakeState, type IntakeStep } from '@haven/contract';
import { scoreGad7, scorePhq9 } from '@haven/domain';
import { recordAudit, recordRead } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { checkChoice } from '../coverage/coverage.service.ts';
import * as repo from './care.repository.ts';
import * as queueRepo from './queue.repository.ts';

export const clientSubject = (clientId: string) => ({ type: 'client', id: clientId });
const intakeField = (clientId: string) => ({ table: 'clients', row: clientId, field: 'intake' });

/** Whole years between a date of birth and a day, as birthdays count them. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export async function readAnswers(sealer: Sealer, client: repo.ClientRow): Promise<IntakeAnswers> {
  if (!client.intake_sealed) return {};
  return IntakeAnswers.parse(JSON.parse(await sealer.open(client.id, client.intake_sealed, intakeField(client.id))));
}

export function needsCrisisResources(answers: IntakeAnswers): boolean {
  return (answers.phq9?.items[8] ?? 0) > 0 || answers.inCrisis === true;
}

function scores(answers: IntakeAnswers): IntakeState['scores'] {
  const phq9 = answers.phq9 ? scorePhq9(answers.phq9.items) : null;
  const gad7 = answers.gad7 ? scoreGad7(answers.gad7.items) : null;
  return {
    phq9: phq9 && { total: phq9.total, band: phq9.band },
    gad7: gad7 && { total: gad7.total, band: gad7.band },
  };
}

function presentIntake(client: repo.ClientRow, answers: IntakeAnswers): IntakeState {
  return {
    step: client.intake_step as IntakeStep,
    answers,
    submitted: client.submitted_at !== null,
    showCrisisResources: client.show_crisis_resources || needsCrisisResources(answers),
    scores: scores(answers),
    consentVersions,
  };
}

export async function intakeOf({ db, deps, user, actor }: Caller): Promise<IntakeState> {
  const client = await repo.ensureClient(db, user.id);
  const answers = await readAnswers(deps.sealer, client);
  if (client.intake_sealed) await recordRead(db, actor, 'intake.read', { users: [user.id] });
  return presentIntake(client, answers);
}

/** Checks that need today's date or several fields at once; the schema has checked each field. */
function problemsWith(answers: IntakeAnswers, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const birth = answers.dateOfBirth;
  if (birth !== undefined && birth > today)
    issues.push({ field: 'answers.dateOfBirth', message: 'A date of birth cannot be in the future.' });
  else if (birth !== undefined && birth < '1900-01-01') issues.push({ field: 'answers.dateOfBirth', message: 'Check the year of birth.' });
  const preferences = answers.preferences;
  if (preferences && preferences.careFormat !== 'messaging' && !preferences.liveModality) {
    issues.push({ field: 'answers.preferences.liveModality', message: 'Choose how you would like to meet live: video, audio or chat.' });
  }
  if (answers.phq9 && answers.phq9.items.some((item) => item > 0) && answers.phq9.difficulty === null) {
    issues.push({ field: 'answers.phq9.difficulty', message: 'Say how difficult these problems have made things for you.' });
  }
  return issues;
}

function refuseUnderAge(answers: IntakeAnswers, today: string): void {
  if (answers.dateOfBirth && answers.dateOfBirth <= today && ageOn(answers.dateOfBirth, today) < MINIMUM_AGE) {
    throw new AppError(
      'under_age',
      'Haven is for adults, 18 and over. If you are in danger or thinking of harming yourself, call or text 988 now.',
    );
  }
}

/** What the safety screen raises for these answers, or null when nothing does. */
export function safetyConcern(answers: IntakeAnswers): { reasons: string[]; item9: number | null } | null {
  const item9 = answers.phq9?.items[8] ?? null;
  const reasons = [...(item9 !== null && item9 > 0 ? ['phq9_item9'] : []), ...(answers.inCrisis ? ['self_reported_crisis'] : [])];
  return reasons.length ? { reasons, item9 } : null;
}

/** Flags the client for clinical follow-up and tells operators, in the caller's transaction. */
export async function flagForFollowUp(trx: Db, clientId: string, concern: { reasons: string[]; item9: number | null }): Promise<void> {
  const alreadyOpen = await queueRepo.hasOpenSafetyFlag(trx, clientId);
  await queueRepo.raiseSafetyFlag(trx, clientId, concern.reasons, concern.item9);
  await recordAudit(trx, {
    actor: { id: null, label: 'Haven (automatic)' },
    action: 'safety.flagged',
    subject: clientSubject(clientId),
    detail: { reasons: concern.reasons },
  });
  await recordEvent(trx, { type: 'safety.flag_raised', payload: { clientId, reasons: concern.reasons, alreadyOpen } });
}

export async function saveIntake(
  { db, deps, user, actor, now }: Caller,
  request: { step: IntakeStep; answers: IntakeAnswers },
): Promise<IntakeState> {
  const { sealer, eligibility } = deps;
  const today = now.toISOString().slice(0, 10);
  const issues = problemsWith(request.answers, today);
  if (issues.length) throw new AppError('validation_failed', issues[0]?.message, issues);
  refuseUnderAge(request.answers, today);

  const client = await repo.ensureClient(db, user.id);
  if (client.submitted_at) throw new AppError('conflict', 'Your intake is already submitted. Your care page shows your match.');
  if (request.answers.coverage) await checkChoice(db, eligibility, client.id, request.answers.coverage, 'answers.coverage', today);
  const answers: IntakeAnswers = { ...(await readAnswers(sealer, client)), ...request.answers };
  const sealed = await sealer.seal(client.id, JSON.stringify(answers), intakeField(client.id));
  const concern = safetyConcern(answers);

  const saved = await db.transaction().execute(async (trx) => {
    await repo.updateClient(trx, client.id, {
      intake_step: request.step,
      intake_sealed: sealed,
      show_crisis_resources: client.show_crisis_resources || concern !== null,
    });
    await recordAudit(trx, { actor, action: 'intake.saved', subject: clientSubject(client.id), detail: { step: request.step } });
    if (concern) await flagForFollowUp(trx, client.id, concern);
    return repo.lockClient(trx, client.id);
  });
  if (!saved) throw new AppError('not_found');
  return presentIntake(saved, answers);
}

export type CompleteIntake = Required<Omit<IntakeAnswers, 'preferredLanguages' | 'inCrisis'>> & {
  preferredLanguages: string[];
  inCrisis: boolean;
};

const REQUIRED: ReadonlyArray<readonly [keyof IntakeAnswers, string]> = [
  ['state', 'Choose the state you live in.'],
  ['dateOfBirth', 'Enter your date of birth.'],
  ['timeZone', 'Choose your time zone.'],
  ['requiredLanguages', 'Choose the language(s) your provider must speak.'],
  ['focusAreas', 'Choose what you would like help with.'],
  ['preferences', 'Tell us how you would like to meet.'],
  ['phq9', 'Answer the PHQ-9 questions.'],
  ['gad7', 'Answer the GAD-7 questions.'],
  ['coverage', 'Choose how you will pay.'],
  ['consent', 'Accept the telehealth consent and privacy notice.'],
];

/** The whole intake, or a 422 listing every answer still missing. */
export function requireComplete(answers: IntakeAnswers, today: string): CompleteIntake {
  const missing = REQUIRED.filter(([field]) => answers[field] === undefined).map(([field, message]) => ({
    field: `answers.${field}`,
    message,
  }));
  const issues = [...missing, ...problemsWith(answers, today)];
  if (issues.length)
    throw new AppError(
      'intake_incomplete',
      `Some intake questions are still unanswered: ${issues.map((i) => i.message).join(' ')}`,
      issues,
    );
  refuseUnderAge(answers, today);
  return { ...(answers as CompleteIntake), preferredLanguages: answers.preferredLanguages ?? [], inCrisis: answers.inCrisis ?? false };
}

/** The screeners as stored: answers, total and band, each sealed under the client's key. */
export async function sealScreeners(sealer: Sealer, clientId: string, intake: CompleteIntake) {
  const phq9 = scorePhq9(intake.phq9.items);
  const gad7 = scoreGad7(intake.gad7.items);
  const rows = [
    {
      instrument: 'phq9' as const,
      value: { items: intake.phq9.items, difficulty: intake.phq9.difficulty, total: phq9.total, band: phq9.band },
    },
    { instrument: 'gad7' as const, value: { items: intake.gad7.items, total: gad7.total, band: gad7.band } },
  ];
  return Promise.all(
    rows.map(async ({ instrument, value }) => {
      const id = randomUUID();
      const sealed = await sealer.seal(clientId, JSON.stringify(value), { table: 'screener_results', row: id, field: 'result' });
      return { id, client_id: clientId, instrument, sealed };
    }),
  );
}
