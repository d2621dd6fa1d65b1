// Changing a booked live session (PRODUCT §2.5): cancelling or moving it by either party — free
// 24 hours or more ahead, and always free when the provider does it — and the provider's answer to
// a request. Each change settles the ledger once, under the session's row lock.
import type { CancelRequest, DecideRequest, LiveSession, RescheduleRequest } from '@haven/contract';
import { isFreeChange, isOpenStatus } from '@haven/domain';
import { sql } from 'kysely';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent, type SessionChange } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as coverage from '../coverage/coverage.service.ts';
import * as ledger from '../coverage/session-ledger.ts';
import {
  dayOf,
  keepingLength,
  lengthOf,
  MINUTE_MS,
  overlapsBooking,
  remindBoth,
  requireOpenSlot,
  requireProvider,
  sessionOf,
  slotTaken,
  subject,
} from './booking.service.ts';
import { sealReason, sessionFacts } from './sessions.presenter.ts';
import { partyOf, type Party } from './sessions.policy.ts';
import * as repo from './sessions.repository.ts';

/** How a change settles the ledger: the provider's changes never cost the client. */
function settlementFor(party: Party, session: repo.SessionRow, now: Date): ledger.Settlement {
  if (party.role === 'provider') return 'cancelled_by_provider';
  if (session.status === 'requested') return 'cancelled_early';
  return isFreeChange(session.starts_at, now) ? 'cancelled_early' : 'cancelled_late';
}

function requireChangeable(session: repo.SessionRow, now: Date): void {
  if (!isOpenStatus(session.status)) throw new AppError('conflict', 'This session is already cancelled or over.');
  if (new Date(session.starts_at) <= now) throw new AppError('conflict', 'This session has already started, so it cannot be changed now.');
}

export async function cancel(caller: Caller, sessionId: string, request: CancelRequest): Promise<LiveSession> {
  const { db, deps, actor, user, now } = caller;
  const party = await partyOf(db, user, sessionId);
  await db.transaction().execute(async (trx) => {
    const session = await repo.lockSession(trx, sessionId);
    if (!session) throw new AppError('not_found');
    requireChangeable(session, now);
    const settlement = settlementFor(party, session, now);
    await repo.updateSession(trx, sessionId, {
      status: 'cancelled',
      outcome: settlement,
      cancelled_by: party.role,
      change_reason_sealed: await sealedReason(caller, session, request.reason),
      settled_at: now,
    });
    await ledger.settleLiveSession(trx, deps.payments, sessionId, settlement);
    await recordAudit(trx, {
      actor,
      action: 'live_session.cancelled',
      subject: subject(session.client_id),
      detail: { sessionId, outcome: settlement, by: party.role },
    });
    await recordChange(trx, party, sessionId, 'cancelled', request.reason);
  });
  return sessionOf(caller, sessionId);
}

export async function reschedule(caller: Caller, sessionId: string, request: RescheduleRequest): Promise<LiveSession> {
  const { db, deps, actor, user, now } = caller;
  const party = await partyOf(db, user, sessionId);
  const old = party.session;
  requireChangeable(old, now);
  const length = lengthOf(old);
  const provider = keepingLength(await requireProvider(db, old.provider_id), length);
  const zone = (party.role === 'client' ? old.client_time_zone : old.provider_time_zone) ?? 'UTC';
  const start = new Date(request.start);
  if (start <= now) throw AppError.invalid('start', 'That time has passed. Choose a time in the future.');
  let cost = old.cost_cents;
  if (party.role === 'client') {
    const current = await coverage.currentCoverageOf(db, old.client_id);
    const estimate = await coverage.estimateOf(db, deps.eligibility, current, dayOf(start));
    if (estimate) coverage.requireAccepted(estimate, request.acceptedCostCents ?? -1);
    cost = estimate?.costCents ?? 0;
  }
  await requireOpenSlot(db, provider, start, length, now, zone, old.id);
  const id = await db.transaction().execute(async (trx) => {
    await repo.lockProvider(trx, provider.id);
    const session = await repo.lockSession(trx, sessionId);
    if (!session) throw new AppError('not_found');
    requireChangeable(session, now);
    const end = new Date(start.getTime() + length * MINUTE_MS);
    if (await overlapsBooking(trx, provider, start, end, session.id)) throw slotTaken(start, zone);
    const settlement = settlementFor(party, session, now);
    await repo.updateSession(trx, sessionId, {
      status: 'cancelled',
      outcome: settlement,
      cancelled_by: party.role,
      change_reason_sealed: await sealedReason(caller, session, request.reason),
      settled_at: now,
    });
    await ledger.settleLiveSession(trx, deps.payments, sessionId, settlement);
    const status = party.role === 'provider' || provider.auto_confirm ? 'booked' : 'requested';
    const locked = await coverage.lockCurrentCoverage(trx, session.client_id);
    const moved = await repo.insertSession(trx, {
      client_id: session.client_id,
      provider_id: session.provider_id,
      room_id: session.room_id,
      starts_at: start,
      ends_at: end,
      modality: session.modality,
      current_modality: session.modality,
      status,
      confirmed_at: status === 'booked' ? now : null,
      series_id: session.series_id,
      rescheduled_from: session.id,
      coverage_id: locked.id,
      cost_cents: cost,
    });
    await ledger.reserveLiveSession(trx, locked, { id: moved.id, startsAt: start, costCents: cost });
    await remindBoth(trx, moved.id, deps.config.reminderMinutes, now);
    await recordAudit(trx, {
      actor,
      action: 'live_session.rescheduled',
      subject: subject(session.client_id),
      detail: { from: sessionId, to: moved.id, outcome: settlement, by: party.role },
    });
    await recordChange(trx, party, moved.id, 'rescheduled', request.reason, start);
    return moved.id;
  });
  return sessionOf(caller, id);
}

/** The provider answers a request: confirmed, or declined with the session returned. */
export async function decide(caller: Caller, sessionId: string, request: DecideRequest): Promise<LiveSession> {
  const { db, deps, actor, user, now } = caller;
  const party = await partyOf(db, user, sessionId);
  if (party.role !== 'provider') throw new AppError('forbidden', 'Only the provider confirms or declines a session.');
  await db.transaction().execute(async (trx) => {
    const session = await repo.lockSession(trx, sessionId);
    if (!session || session.status !== 'requested')
      throw new AppError('conflict', 'This session is not waiting for your answer any more. Reload the page.');
    if (request.decision === 'confirm') {
      await repo.updateSession(trx, sessionId, { status: 'booked', confirmed_at: now });
    } else {
      await repo.updateSession(trx, sessionId, {
        status: 'cancelled',
        outcome: 'declined',
        cancelled_by: 'provider',
        change_reason_sealed: await sealedReason(caller, session, request.reason),
        settled_at: now,
      });
      await ledger.settleLiveSession(trx, deps.payments, sessionId, 'declined');
    }
    await recordAudit(trx, {
      actor,
      action: `live_session.${request.decision === 'confirm' ? 'confirmed' : 'declined'}`,
      subject: subject(session.client_id),
      detail: { sessionId },
    });
    await recordChange(trx, party, sessionId, request.decision === 'confirm' ? 'confirmed' : 'declined', request.reason);
  });
  return sessionOf(caller, sessionId);
}

/** Records a change by one party, for the other to be told (in their own zone, by the notifications module). */
function recordChange(trx: Db, party: Party, sessionId: string, change: SessionChange, reason: string | undefined, startsAt?: Date) {
  const facts = sessionFacts({ ...party.session, id: sessionId }, startsAt);
  return recordEvent(trx, { type: 'session.changed', payload: { ...facts, change, by: party.role, withNote: Boolean(reason) } });
}

/** What the person wrote, sealed; nothing when they wrote nothing. */
function sealedReason({ deps }: Caller, session: repo.SessionRow, reason: string | undefined): Promise<string | null> {
  return reason ? sealReason(deps.sealer, session, reason) : Promise.resolve(null);
}

/**
 * Seals the reasons written in clear before sealing began (migration 0010), and takes them out of
 * the events that carried them; idempotent, run at start.
 */
export async function sealLegacyReasons(db: Db, sealer: Sealer): Promise<number> {
  const rows = await db
    .selectFrom('live_sessions')
    .select(['id', 'client_id', 'change_reason'])
    .where('change_reason', 'is not', null)
    .execute();
  for (const row of rows) {
    const sealed = await sealReason(sealer, row, row.change_reason!);
    await db.updateTable('live_sessions').set({ change_reason_sealed: sealed, change_reason: null }).where('id', '=', row.id).execute();
  }
  await sql`UPDATE domain_events SET payload = payload - 'reason' WHERE type = 'session.changed' AND payload ? 'reason'`.execute(db);
  return rows.length;
}
