// A client's care team (PRODUCT §2.3): the first match when the intake is submitted (at once, with
// a first live session, or through the queue), asking for a provider by name, switching, and the
// page that shows it all. Every change of provider keeps the same room.
import type {
  CareState,
  FirstSessionChoice,
  FirstSessionSlots,
  HardRuleName,
  MatchReason,
  RequestByNameResult,
  RequestProviderByName,
  SwitchProviderRequest,
} from '@haven/contract';
import { estimateWait, hardRuleFailures, type Reason } from '@haven/domain';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { EligibilityChecker } from '../../platform/eligibility/eligibility-checker.ts';
import type { PaymentProcessor } from '../../platform/payments/payment-processor.ts';
import { checkChoice, estimateOf, startCoverage, type CoverageRow } from '../coverage/coverage.service.ts';
import { reserveLiveSession } from '../coverage/session-ledger.ts';
import { publicProfilesById } from '../providers/providers.service.ts';
import { openSlotsOf, overlapsBooking, remindBoth, usualLength } from '../sessions/booking.service.ts';
import type { Config } from '../../platform/config.ts';
import * as repo from './care.repository.ts';
import * as queueRepo from './queue.repository.ts';
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
  matchClientOf,
  matchProviderOf,
  neededModalities,
  rankEligible,
  type Ranked,
} from './matching.ts';

const DAY_MS = 86_400_000;
/** How far back freed places are counted for a queue estimate. */
const ESTIMATE_WINDOW_DAYS = 28;
const FIRST_SESSION_PROVIDERS = 5;
/** Cancelling a live session this long before it starts returns it (PRODUCT §2.2). */
export const FREE_CANCELLATION_MS = 24 * 3_600_000;
const todayOf = (now: Date) => now.toISOString().slice(0, 10);

// ── Reading ────────────────────────────────────────────────────────────────────────────────

export async function clientOf(db: Db, userId: string): Promise<repo.ClientRow> {
  return repo.ensureClient(db, userId);
}

/** The client id behind an account; with `submitted`, only once the intake is in. */
export async function clientIdOf(db: Db, userId: string, options: { submitted?: boolean } = {}): Promise<string> {
  const client = await repo.ensureClient(db, userId);
  if (options.submitted) requireSubmitted(client);
  return client.id;
}

function requireSubmitted(client: repo.ClientRow): void {
  if (!client.submitted_at) throw new AppError('intake_incomplete', 'Finish your intake first: we need it to find who can help you.');
}

export async function careState(db: Db, client: repo.ClientRow, now = new Date()): Promise<CareState> {
  const [roomId, assignments, queued, sessions, notices] = await Promise.all([
    repo.roomOf(db, client.id),
    repo.assignmentsOf(db, client.id),
    queueRepo.queueEntry(db, client.id),
    repo.upcomingSessionsOfClient(db, client.id, now),
    repo.noticesOf(db, client.id),
  ]);
  const current = assignments.find((a) => a.ended_at === null) ?? null;
  const names = await repo.providerNames(
    db,
    assignments.map((a) => a.provider_id),
  );
  const profile = current ? (await publicProfilesById(db, [current.provider_id], now)).get(current.provider_id) : undefined;

  let queue: CareState['queue'] = null;
  if (queued && client.state) {
    const position = await queueRepo.queuePosition(db, client.state, queued.since);
    const freed = await queueRepo.dailyFreedPlaces(
      db,
      client.state,
      todayOf(now),
      new Date(now.getTime() - ESTIMATE_WINDOW_DAYS * DAY_MS),
      ESTIMATE_WINDOW_DAYS,
    );
    queue = { since: queued.since.toISOString(), position, estimateDays: estimateWait(position, freed).days, reason: queued.reason };
  }
  return {
    intakeSubmitted: client.submitted_at !== null,
    roomId,
    current:
      current && profile
        ? {
            assignmentId: current.id,
            provider: profile,
            reasons: current.reasons as MatchReason[],
            since: current.started_at.toISOString(),
            route: current.route,
            mayReadEarlierConversation: current.may_read_earlier,
          }
        : null,
    queue,
    previous: assignments
      .filter((a) => a.ended_at !== null)
      .map((a) => ({
        assignmentId: a.id,
        providerName: names.get(a.provider_id) ?? '',
        from: a.started_at.toISOString(),
        to: (a.ended_at as Date).toISOString(),
        endReason: a.end_reason ?? 'switch',
      })),
    sessions: sessions.map((s) => ({
      id: s.id,
      providerId: s.provider_id,
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      modality: s.modality,
      costCents: s.cost_cents,
      freeCancellation: new Date(s.starts_at).getTime() - now.getTime() >= FREE_CANCELLATION_MS,
    })),
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, at: n.at.toISOString(), providerName: n.provider_name })),
  };
}

// ── Submitting the intake ──────────────────────────────────────────────────────────────────

/** Ranked eligible providers for a client whose answers are given (submitted or not). */
async function rankedFor(db: Db, clientId: string, intake: MatchableIntake, now: Date, exclude?: ReadonlySet<string>): Promise<Ranked[]> {
  const rows = await repo.candidateProviders(db, todayOf(now), { state: intake.state });
  return rankEligible(matchClientFromIntake(clientId, intake), rows, intake.timeZone, todayOf(now), exclude);
}

export async function firstSessionSlots(
  db: Db,
  sealer: Sealer,
  client: repo.ClientRow,
  range: { from: Date; to: Date },
  now = new Date(),
): Promise<FirstSessionSlots> {
  const answers = await readAnswers(sealer, client);
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
export async function submitIntake(
  db: Db,
  deps: { sealer: Sealer; payments: PaymentProcessor; eligibility: EligibilityChecker; config: Pick<Config, 'reminderMinutes'> },
  actor: Actor,
  client: repo.ClientRow,
  firstSession: FirstSessionChoice | null,
  now = new Date(),
): Promise<CareState> {
  const { sealer } = deps;
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

// ── Asking for someone by name, switching ──────────────────────────────────────────────────

export async function requestByName(
  db: Db,
  actor: Actor,
  client: repo.ClientRow,
  request: RequestProviderByName,
  now = new Date(),
): Promise<RequestByNameResult> {
  requireSubmitted(client);
  const named = await repo.providersNamed(db, request.firstName, request.lastName);
  const fullName = `${request.firstName} ${request.lastName}`;
  if (named.length === 0) throw new AppError('not_found', `We could not find a provider called ${fullName} at Haven. Check the spelling.`);
  if (named.length > 1) throw new AppError('ambiguous_provider', `More than one provider is called ${fullName}.`);
  const wanted = named[0]!;
  const providerName = `${wanted.first_name} ${wanted.last_name}`;
  const current = await repo.currentAssignment(db, client.id);
  if (current?.provider_id === wanted.id) throw new AppError('conflict', `${providerName} is already your provider.`);

  const [row] = await repo.candidateProviders(db, todayOf(now), { ids: [wanted.id] });
  if (!row) throw new AppError('not_found');
  const matchClient = matchClientOf(client);
  const provider = matchProviderOf(row, client.time_zone, todayOf(now));
  const failures = hardRuleFailures(matchClient, provider) as HardRuleName[];
  if (failures.length) return { matched: false, providerName, failures };

  const queued = await queueRepo.queueEntry(db, client.id);
  const assigned = await db.transaction().execute(async (trx) => {
    await repo.lockClient(trx, client.id);
    const stillCurrent = await repo.currentAssignment(trx, client.id);
    if (stillCurrent?.id !== current?.id)
      throw new AppError('conflict', 'Your provider changed meanwhile. Reload to see who you are with now.');
    const { score, reasons } = rankEligible(matchClient, [row], client.time_zone, todayOf(now))[0] ?? { score: 0, reasons: [] as Reason[] };
    return assign(
      trx,
      actor,
      {
        clientId: client.id,
        providerId: wanted.id,
        route: 'by_name',
        score,
        reasons,
        waitingSince: queued?.since ?? now,
        mayReadEarlier: request.mayReadEarlierConversation,
        replaces: current ? { id: current.id, reason: 'switch' } : undefined,
      },
      now,
    );
  });
  if (!assigned) return { matched: false, providerName, failures: ['no_capacity'] };
  return { matched: true, care: await careState(db, client, now) };
}

export async function switchProvider(
  db: Db,
  sealer: Sealer,
  actor: Actor,
  client: repo.ClientRow,
  request: SwitchProviderRequest,
  now = new Date(),
): Promise<CareState> {
  requireSubmitted(client);
  const [current, queued] = await Promise.all([repo.currentAssignment(db, client.id), queueRepo.queueEntry(db, client.id)]);
  if (queued?.reason === 'switch') throw new AppError('switch_in_progress');
  if (!current || current.id !== request.fromAssignmentId) {
    throw new AppError('conflict', 'You have already changed provider. Reload to see who you are with now.');
  }
  const noteSealed = request.reason
    ? await sealer.seal(client.id, request.reason, { table: 'care_assignments', row: current.id, field: 'end_note' })
    : null;
  const rows = await repo.candidateProviders(db, todayOf(now), { state: client.state ?? undefined });
  const ranked = rankEligible(matchClientOf(client), rows, client.time_zone, todayOf(now), new Set([current.provider_id]));

  await db.transaction().execute(async (trx) => {
    await repo.lockClient(trx, client.id);
    const [stillCurrent, stillQueued] = await Promise.all([repo.currentAssignment(trx, client.id), queueRepo.queueEntry(trx, client.id)]);
    if (stillQueued?.reason === 'switch') throw new AppError('switch_in_progress');
    if (stillCurrent?.id !== current.id)
      throw new AppError('conflict', 'You have already changed provider. Reload to see who you are with now.');
    await recordAudit(trx, {
      actor,
      action: 'care.switch_requested',
      subject: clientSubject(client.id),
      detail: { from: current.provider_id },
    });
    const base = { clientId: client.id, route: 'switch' as const, waitingSince: now, mayReadEarlier: request.mayReadEarlierConversation };
    const assignment = await assignBest(trx, actor, ranked, { ...base, replaces: { id: current.id, reason: 'switch', noteSealed } }, now);
    // Nobody else has room yet: the current provider stays until the queue finds someone.
    if (!assignment) {
      await queueRepo.enqueue(trx, {
        client_id: client.id,
        since: now,
        reason: 'switch',
        leaving_provider: current.provider_id,
        switch_note_sealed: noteSealed,
        may_read_earlier: request.mayReadEarlierConversation,
      });
    }
  });
  return careState(db, client, now);
}

export async function setHistoryAccess(
  db: Db,
  actor: Actor,
  client: repo.ClientRow,
  assignmentId: string,
  value: boolean,
  now = new Date(),
): Promise<CareState> {
  const changed = await db.transaction().execute(async (trx) => {
    const ok = await repo.setMayReadEarlier(trx, assignmentId, client.id, value);
    if (ok) {
      await recordAudit(trx, {
        actor,
        action: value ? 'care.history_shared' : 'care.history_withheld',
        subject: clientSubject(client.id),
        detail: { assignmentId },
      });
    }
    return ok;
  });
  if (!changed) throw new AppError('not_found', 'That is not your current provider. Reload the page.');
  return careState(db, client, now);
}
