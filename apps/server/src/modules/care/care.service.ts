// A client's care team (PRODUCT §2.3): the page that shows it, asking for a provider by name,
// switching, and what the new provider may read. The first match is submission.service.ts's.
// Every change of provider keeps the same room.
import type {
  CareState,
  HardRuleName,
  HistoryAccessRequest,
  RequestByNameResult,
  RequestProviderByName,
  SwitchProviderRequest,
} from '@haven/contract';
import { estimateWait, hardRuleFailures, type Reason } from '@haven/domain';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { publicProfilesById } from '../providers/providers.service.ts';
import { presentCareState } from './care.presenter.ts';
import * as repo from './care.repository.ts';
import { clientSubject } from './intake.service.ts';
import { assign, assignBest, matchClientOf, matchProviderOf, rankEligible } from './matching.ts';
import * as queueRepo from './queue.repository.ts';

const DAY_MS = 86_400_000;
/** How far back freed places are counted for a queue estimate. */
const ESTIMATE_WINDOW_DAYS = 28;
const todayOf = (now: Date) => now.toISOString().slice(0, 10);

// ── Reading ────────────────────────────────────────────────────────────────────────────────

export async function clientOf(db: Db, userId: string): Promise<repo.ClientRow> {
  return repo.ensureClient(db, userId);
}

/** The zone Haven writes the client's times in (emails, reminders); the intake sets it first. */
export async function setClientTimeZone(db: Db, userId: string, timeZone: string): Promise<void> {
  await repo.updateClient(db, (await repo.ensureClient(db, userId)).id, { time_zone: timeZone });
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

/** The signed-in client's care team, room and place in the queue. */
export async function myCare({ db, user, now }: Caller): Promise<CareState> {
  return careState(db, await clientOf(db, user.id), now);
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
  return presentCareState(
    client,
    { roomId, current: current && profile ? { row: current, profile } : null, queue, assignments, names, sessions, notices },
    now,
  );
}

// ── Asking for someone by name, switching ──────────────────────────────────────────────────

export async function requestByName({ db, user, actor, now }: Caller, request: RequestProviderByName): Promise<RequestByNameResult> {
  const client = await clientOf(db, user.id);
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

export async function switchProvider({ db, deps, user, actor, now }: Caller, request: SwitchProviderRequest): Promise<CareState> {
  const client = await clientOf(db, user.id);
  requireSubmitted(client);
  const [current, queued] = await Promise.all([repo.currentAssignment(db, client.id), queueRepo.queueEntry(db, client.id)]);
  if (queued?.reason === 'switch') throw new AppError('switch_in_progress');
  if (!current || current.id !== request.fromAssignmentId) {
    throw new AppError('conflict', 'You have already changed provider. Reload to see who you are with now.');
  }
  const noteSealed = request.reason
    ? await deps.sealer.seal(client.id, request.reason, { table: 'care_assignments', row: current.id, field: 'end_note' })
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
  { db, user, actor, now }: Caller,
  { assignmentId, mayReadEarlierConversation: value }: HistoryAccessRequest,
): Promise<CareState> {
  const client = await clientOf(db, user.id);
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

/**
 * A client closed their account: their care ends (their provider's access with it), they leave the
 * queue, and their record is kept until `retainUntil`. In the caller's transaction.
 */
export async function endCareOnClosure(trx: Db, clientId: string, now: Date, retainUntil: Date): Promise<void> {
  const current = await repo.currentAssignment(trx, clientId);
  if (current) await repo.endAssignment(trx, current.id, { at: now, reason: 'closed' });
  await queueRepo.dequeue(trx, clientId);
  await repo.setRetainUntil(trx, clientId, retainUntil);
}

/** Closed clients whose retention period is over and whose record is not yet destroyed. */
export const clientsDueForShredding = repo.clientsDueForShredding;
export const markShredded = repo.markShredded;
export const eraseClearCareData = repo.eraseClearCareData;
