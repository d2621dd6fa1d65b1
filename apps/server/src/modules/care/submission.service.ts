// Submitting the intake (PRODUCT §2.1, §2.3): the first match at once — with a first live session
// when the client chose a time — or a place in the queue, in one transaction with the coverage.
import type { Caller } from '../../caller.ts';
import type { CareState, FirstSessionChoice, FirstSessionSlots } from '@haven/contract';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { checkChoice, estimateOf, startCoverage, type CoverageRow } from '../coverage/coverage.service.ts';
import { reserveLiveSession } from '../coverage/session-ledger.ts';
import { publicProfilesById } from '../providers/providers.service.ts';
import { openSlotsOf, overlapsBooking, remindBoth, usualLength } from '../sessions/booking.service.ts';
import { careState } from './care.service.ts';
import * as repo from './care.repository.ts';
import {
  clientSubject,
  flagForFollowUp,
  readAnswers,
  requireComplete,
  safetyConcern,
  sealScreeners,
  type CompleteIntake,
} from './intake.service.ts';
import {
  assign,
  assignBest,
  matchClientFromIntake,
  type MatchableIntake,
  neededModalities,
  rankEligible,
  severityBandOf,
  type Ranked,
} from './matching.ts';
import * as queueRepo from './queue.repository.ts';

const FIRST_SESSION_PROVIDERS = 5;
const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Ranked eligible providers for a client whose answers are given (submitted or not). */
async function rankedFor(db: Db, clientId: string, intake: MatchableIntake, now: Date, exclude?: ReadonlySet<string>): Promise<Ranked[]> {
  const rows = await repo.candidateProviders(db, todayOf(now), { state: intake.state });
  return rankEligible(matchClientFromIntake(clientId, intake), rows, intake.timeZone, todayOf(now), exclude);
}

export async function firstSessionSlots({ db, deps, user, now }: Caller, range: { from: Date; to: Date }): Promise<FirstSessionSlots> {
  const client = await repo.ensureClient(db, user.id);
  const answers = await readAnswers(deps.sealer, client);
  const { state, timeZone, requiredLanguages, focusAreas, preferences } = answers;
  if (!state || !timeZone || !requiredLanguages || !focusAreas || !preferences) {
    throw new AppError(
      'intake_incomplete',
      'Answer the earlier steps first: where you live, your languages, what you would like help with and how you would like to meet.',
    );
  }
  if (!neededModalities(preferences, answers.coverage).some((m) => m !== 'messaging')) {
    throw new AppError(
      'not_in_plan',
      'Your choices include messaging only. Choose live sessions (or both), or a plan with live sessions, to book a first session.',
    );
  }
  const intake = {
    state,
    timeZone,
    requiredLanguages,
    focusAreas,
    preferences,
    coverage: answers.coverage,
    preferredLanguages: answers.preferredLanguages ?? [],
  };
  const ranked = await rankedFor(db, client.id, intake, now);
  const providers: FirstSessionSlots['providers'] = [];
  for (const candidate of ranked) {
    if (providers.length >= FIRST_SESSION_PROVIDERS) break;
    const length = usualLength(candidate.provider);
    const slots = await openSlotsOf(db, candidate.provider, range, length, now);
    if (slots.length === 0) continue;
    const profile = (await publicProfilesById(db, [candidate.provider.id], now)).get(candidate.provider.id);
    if (profile) providers.push({ provider: profile, reasons: candidate.reasons, lengthMinutes: length, slots });
  }
  return { providers };
}

/** Checks a first-session choice against the provider's calendar; the booking re-checks under lock. */
async function checkFirstSession(db: Db, intake: CompleteIntake, ranked: Ranked[], choice: FirstSessionChoice, now: Date): Promise<Ranked> {
  const candidate = ranked.find((r) => r.provider.id === choice.providerId);
  if (!candidate) throw new AppError('conflict', 'That provider cannot take you on any more. Choose another time or provider.');
  const start = new Date(choice.start);
  const end = new Date(start.getTime() + choice.lengthMinutes * 60_000);
  const slots = await openSlotsOf(db, candidate.provider, { from: start, to: end }, choice.lengthMinutes, now);
  if (!slots.some((slot) => new Date(slot.start).getTime() === start.getTime())) throw new AppError('slot_taken');
  if (!neededModalities(intake.preferences, intake.coverage).some((m) => m !== 'messaging')) {
    throw new AppError(
      'not_in_plan',
      'Your choices include messaging only. Choose live sessions (or both), or a plan with live sessions, to book a first session.',
    );
  }
  return candidate;
}

/**
 * Submits the intake: records it, flags safety concerns, and matches at once (with the first
 * session when one was chosen) or queues. All in one transaction, so a failure leaves the intake
 * as it was; submitting twice returns what the first submission made.
 */
export async function submitIntake({ db, deps, user, actor, now }: Caller, firstSession: FirstSessionChoice | null): Promise<CareState> {
  const { sealer } = deps;
  const client = await repo.ensureClient(db, user.id);
  if (client.submitted_at) return careState(db, client, now);
  const intake = requireComplete(await readAnswers(sealer, client), todayOf(now));
  const checkedCoverage = await checkChoice(db, deps.eligibility, client.id, intake.coverage, 'answers.coverage', todayOf(now));
  const screeners = await sealScreeners(sealer, client.id, intake);
  const ranked = await rankedFor(db, client.id, intake, now);
  const chosen = firstSession ? await checkFirstSession(db, intake, ranked, firstSession, now) : null;

  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockClient(trx, client.id);
    if (!locked || locked.submitted_at) return;
    await repo.updateClient(trx, client.id, {
      submitted_at: now,
      state: intake.state,
      time_zone: intake.timeZone,
      required_languages: intake.requiredLanguages,
      preferred_languages: intake.preferredLanguages,
      focus_areas: intake.focusAreas,
      severity_band: severityBandOf(intake),
      provider_gender: intake.preferences.providerGender,
      approaches: intake.preferences.approaches,
      needed_modalities: neededModalities(intake.preferences, intake.coverage),
      preferred_times: intake.preferences.preferredTimes,
      telehealth_consent_version: intake.consent.telehealthVersion,
      telehealth_consent_at: now,
      privacy_notice_version: intake.consent.privacyVersion,
      privacy_notice_at: now,
    });
    await repo.insertScreenerResults(trx, screeners);
    await recordAudit(trx, { actor, action: 'intake.submitted', subject: clientSubject(client.id), detail: { consent: intake.consent } });
    const concern = safetyConcern(intake);
    if (concern) await flagForFollowUp(trx, client.id, concern);
    const coverage = await startCoverage(trx, deps.payments, actor, client.id, checkedCoverage, now);

    const base = { clientId: client.id, waitingSince: now, mayReadEarlier: false };
    if (chosen && firstSession) {
      const assignment = await assign(
        trx,
        actor,
        { ...base, providerId: chosen.provider.id, route: 'first_session', score: chosen.score, reasons: chosen.reasons },
        now,
      );
      if (!assignment) throw new AppError('slot_taken', 'That provider has just filled their last place. Choose another time or provider.');
      const estimate = await estimateOf(trx, deps.eligibility, coverage, firstSession.start.slice(0, 10));
      const sessionId = await bookFirstSession(trx, chosen.provider, assignment, firstSession, intake, coverage, estimate?.costCents ?? 0);
      await remindBoth(trx, sessionId, deps.config.reminderMinutes, now);
      return;
    }
    const assignment = await assignBest(trx, actor, ranked, { ...base, route: 'instant' }, now);
    if (!assignment) await queueRepo.enqueue(trx, { client_id: client.id, since: now, reason: 'no_capacity' });
  });
  const submitted = await repo.lockClient(db, client.id);
  return careState(db, submitted ?? client, now);
}

async function bookFirstSession(
  trx: Db,
  provider: repo.CandidateRow,
  assignment: repo.AssignmentRow,
  choice: FirstSessionChoice,
  intake: CompleteIntake,
  coverage: CoverageRow,
  costCents: number,
): Promise<string> {
  const start = new Date(choice.start);
  const end = new Date(start.getTime() + choice.lengthMinutes * 60_000);
  // The provider's row is locked by assign(): no one else can book them until this commits.
  if (await overlapsBooking(trx, provider, start, end)) throw new AppError('slot_taken');
  const session = await repo.insertSession(trx, {
    client_id: assignment.client_id,
    provider_id: assignment.provider_id,
    room_id: assignment.room_id,
    starts_at: start,
    ends_at: end,
    modality: intake.preferences.liveModality ?? 'video',
    current_modality: intake.preferences.liveModality ?? 'video',
    // Choosing a time when matched is the provider's acceptance: their hours offered it.
    confirmed_at: new Date(),
    coverage_id: coverage.id,
    cost_cents: costCents,
  });
  await reserveLiveSession(trx, coverage, { id: session.id, startsAt: start, costCents });
  return session.id;
}
