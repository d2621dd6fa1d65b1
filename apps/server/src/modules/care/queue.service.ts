// The work matching does in the background (PRODUCT §2.3): draining the queue with the batch
// assignment, re-homing the clients of a provider who leaves, and what operators see of it.
import type { Caller } from '../../caller.ts';
import type { MatchingOverview, SafetyFlag } from '@haven/contract';
import { fitScore, percentile, solveBatch, withOutcomePriors, type MatchClient } from '@haven/domain';
import { recordAudit, systemActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordEvent, type RecordedEvent } from '../../platform/events/domain-events.ts';
import { on, type EventHandler } from '../../platform/events/event-processor.ts';
import * as repo from './care.repository.ts';
import * as queueRepo from './queue.repository.ts';
import { clientSubject } from './intake.service.ts';
import { assign, assignBest, matchClientOf, matchProviderOf, rankEligible } from './matching.ts';

const DAY_MS = 86_400_000;
const TIME_TO_MATCH_WINDOW_DAYS = 30;
const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Assigns the whole queue at once so that the total fit is best (min-cost flow in @haven/domain),
 * then writes each match under its provider's lock. A client whose situation changed meanwhile is
 * skipped and stays queued for the next run.
 */
export async function runMatchingBatch(db: Db, now = new Date()): Promise<{ assigned: number; stillWaiting: number }> {
  const started = performance.now();
  const queued = await queueRepo.queuedClients(db);
  if (queued.length === 0) {
    await queueRepo.recordMatchingRun(db, { assigned: 0, still_waiting: 0, duration_ms: 0 });
    return { assigned: 0, stillWaiting: 0 };
  }
  const today = todayOf(now);
  const rows = await repo.candidateProviders(db, today);
  const providers = rows.map((row) => matchProviderOf(row, null, today));
  const clients: MatchClient[] = withOutcomePriors(
    queued.filter((q) => q.state).map((q) => matchClientOf(q, q.since)),
    providers,
  );
  const { assignments } = solveBatch(clients, providers);

  const queueOf = new Map(queued.map((q) => [q.id, q]));
  const providerOf = new Map(providers.map((p) => [p.id, p]));
  const clientOf = new Map(clients.map((c) => [c.id, c]));
  let assigned = 0;
  for (const { clientId, providerId } of assignments) {
    const entry = queueOf.get(clientId);
    const client = clientOf.get(clientId);
    const provider = providerOf.get(providerId);
    if (!entry || !client || !provider || entry.leaving_provider === providerId) continue;
    const { score, reasons } = fitScore(client, provider);
    const done = await db.transaction().execute(async (trx) => {
      await repo.lockClient(trx, clientId);
      const stillQueued = await queueRepo.queueEntry(trx, clientId);
      if (!stillQueued) return false;
      const current = await repo.currentAssignment(trx, clientId);
      if (current?.provider_id === providerId) return false;
      const route = stillQueued.reason === 'no_capacity' ? 'batch' : stillQueued.reason;
      const assignment = await assign(
        trx,
        systemActor,
        {
          clientId,
          providerId,
          route,
          score,
          reasons,
          waitingSince: stillQueued.since,
          mayReadEarlier: stillQueued.may_read_earlier,
          replaces: current ? { id: current.id, reason: 'switch', noteSealed: stillQueued.switch_note_sealed } : undefined,
        },
        now,
      );
      return assignment !== null;
    });
    if (done) assigned += 1;
  }
  const stillWaiting = queued.length - assigned;
  await queueRepo.recordMatchingRun(db, { assigned, still_waiting: stillWaiting, duration_ms: Math.round(performance.now() - started) });
  return { assigned, stillWaiting };
}

/**
 * Reacts to `provider.deactivated`: each of the provider's clients gets the best provider with
 * room at once, or waits at the front of the queue; either way the room stays open to them, and
 * they are told. Runs in the event's transaction; safe to re-run: a client already re-homed is skipped.
 */
export const careHandlers: EventHandler[] = [
  on('provider.deactivated', 'care.rehome', async (trx, event: RecordedEvent<'provider.deactivated'>) => {
    const { providerId } = event.payload;
    const names = await repo.providerNames(trx, [providerId]);
    for (const assignment of await repo.currentAssignmentsOfProvider(trx, providerId)) {
      await rehome(trx, assignment, names.get(providerId) ?? 'Your provider', event.at);
    }
  }),
];

async function rehome(trx: Db, leaving: repo.AssignmentRow, providerName: string, now: Date): Promise<void> {
  const [client] = await repo.clientsByIds(trx, [leaving.client_id]);
  if (!client?.state) return;
  const rows = await repo.candidateProviders(trx, todayOf(now), { state: client.state });
  const ranked = rankEligible(matchClientOf(client), rows, client.time_zone, todayOf(now), new Set([leaving.provider_id]));
  await repo.lockClient(trx, client.id);
  const current = await repo.currentAssignment(trx, client.id);
  if (current?.id !== leaving.id) return;
  const replaces = { id: leaving.id, reason: 'provider_left' as const };
  // The new provider does not read the earlier conversation unless the client says so.
  const assignment = await assignBest(
    trx,
    systemActor,
    ranked,
    { clientId: client.id, route: 'provider_left', waitingSince: now, mayReadEarlier: false, replaces },
    now,
  );
  if (!assignment) {
    await repo.endAssignment(trx, leaving.id, { at: now, reason: 'provider_left' });
    await queueRepo.enqueue(trx, { client_id: client.id, since: now, reason: 'provider_left' });
    await recordAudit(trx, {
      actor: systemActor,
      action: 'care.queued',
      subject: clientSubject(client.id),
      detail: { reason: 'provider_left' },
    });
  }
  await repo.addNotice(trx, client.id, providerName);
  await recordEvent(trx, {
    type: 'assignment.ended',
    payload: { clientId: client.id, providerId: leaving.provider_id, providerName, reason: 'provider_left' },
  });
}

// ── Operations ─────────────────────────────────────────────────────────────────────────────

export async function matchingOverview(db: Db, now = new Date()): Promise<MatchingOverview> {
  const [[{ n }, longest], waits, last] = await Promise.all([
    queueRepo.queueOverview(db, 50),
    queueRepo.matchWaits(db, new Date(now.getTime() - TIME_TO_MATCH_WINDOW_DAYS * DAY_MS)),
    queueRepo.lastMatchingRun(db),
  ]);
  const sorted = waits.sort((a, b) => a - b);
  return {
    queue: {
      size: Number(n),
      longestWaiting: longest.map((row) => ({
        clientId: row.id,
        name: row.preferred_name,
        state: row.state as MatchingOverview['queue']['longestWaiting'][number]['state'],
        requiredLanguages: row.required_languages,
        since: row.since.toISOString(),
        reason: row.reason,
      })),
    },
    timeToMatch: {
      windowDays: TIME_TO_MATCH_WINDOW_DAYS,
      matches: sorted.length,
      medianSeconds: percentile(sorted, 0.5),
      p90Seconds: percentile(sorted, 0.9),
    },
    lastBatch: last ? { at: last.at.toISOString(), assigned: last.assigned, stillWaiting: last.still_waiting } : null,
  };
}

type FlagRow = Awaited<ReturnType<typeof queueRepo.safetyFlags>>[number];

/** An operator's follow-up note on a safety flag, sealed for the client like their messages. */
const noteField = (flagId: string) => ({ table: 'safety_flags', row: flagId, field: 'follow_up_note' });

async function presentFlag(sealer: Sealer, row: FlagRow): Promise<SafetyFlag> {
  const sealed = row.follow_up_note_sealed;
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    clientEmail: row.client_email,
    state: row.client_state ?? 'DC',
    reasons: row.reasons as SafetyFlag['reasons'],
    item9: row.item9,
    raisedAt: row.raised_at.toISOString(),
    followedUpAt: row.followed_up_at?.toISOString() ?? null,
    followUpNote: sealed === null ? row.follow_up_note : await sealer.open(row.client_id, sealed, noteField(row.id)),
  };
}

export async function listSafetyFlags({ db, deps }: Caller, openOnly: boolean): Promise<SafetyFlag[]> {
  return Promise.all((await queueRepo.safetyFlags(db, { openOnly })).map((row) => presentFlag(deps.sealer, row)));
}

export async function recordFollowUp({ db, deps, actor: admin, now }: Caller, flagId: string, note: string): Promise<SafetyFlag> {
  const { sealer } = deps;
  const [open] = await queueRepo.safetyFlags(db, { id: flagId, openOnly: true });
  const alreadyDone = () => new AppError('conflict', 'This case was already followed up, or does not exist. Reload the list.');
  if (!open) throw alreadyDone();
  const noteSealed = await sealer.seal(open.client_id, note, noteField(flagId));
  await db.transaction().execute(async (trx) => {
    const flag = await queueRepo.followUpSafetyFlag(trx, flagId, admin.id, noteSealed, now);
    if (!flag) throw alreadyDone();
    // The note is clinical: the trail says that it was written, and the flag holds it sealed.
    await recordAudit(trx, { actor: admin, action: 'safety.followed_up', subject: clientSubject(flag.client_id), detail: { flagId } });
  });
  const [flag] = await queueRepo.safetyFlags(db, { id: flagId });
  if (!flag) throw new AppError('not_found');
  return presentFlag(sealer, flag);
}

/** Seals the follow-up notes written in clear before sealing began (migration 0010); idempotent, run at start. */
export async function sealLegacyFollowUpNotes(db: Db, sealer: Sealer): Promise<number> {
  const rows = await db
    .selectFrom('safety_flags')
    .select(['id', 'client_id', 'follow_up_note'])
    .where('follow_up_note', 'is not', null)
    .execute();
  for (const row of rows) {
    const sealed = await sealer.seal(row.client_id, row.follow_up_note!, noteField(row.id));
    await db.updateTable('safety_flags').set({ follow_up_note_sealed: sealed, follow_up_note: null }).where('id', '=', row.id).execute();
  }
  return rows.length;
}
