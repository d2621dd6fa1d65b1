// Joining a live session and what attendance decides (PRODUCT §2.5): the join button opens 10
// minutes before the start; the client says where they are and the provider must be licensed
// there; a party still absent 10 minutes after the start is a no-show, with the ledger's answer.
import type { JoinRequest, JoinResult, LiveModality, LiveSession } from '@haven/contract';
import {
  attendanceOutcome as decideAttendance,
  isNoShow,
  isOpenStatus,
  JOIN_OPENS_MINUTES,
  NO_SHOW_AFTER_MINUTES,
  sessionTime,
  type AttendanceOutcome,
} from '@haven/domain';
import { systemCaller, type Caller, type Deps, type SystemCaller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as ledger from '../coverage/session-ledger.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { isJoinableNow, joinWindowOf, presentOneSession, providerName, sealReason, sessionFacts } from './sessions.presenter.ts';
import { partyOf, type Party } from './sessions.policy.ts';
import * as repo from './sessions.repository.ts';

const subject = (clientId: string) => ({ type: 'client', id: clientId });
export const sessionChannel = (sessionId: string) => `session:${sessionId}`;

/** Both people's open pages follow the session's state: joined, fallen back, ended. */
async function announce({ db, deps, now }: Pick<SystemCaller, 'db' | 'deps' | 'now'>, sessionId: string): Promise<LiveSession> {
  const row = await repo.sessionWithParties(db, sessionId);
  if (!row) throw new AppError('not_found');
  const session = await presentOneSession(deps.sealer, row, now);
  await deps.live.publish(
    sessionChannel(sessionId),
    JSON.stringify({ from: 'server', frame: { type: 'session.changed', sessionId, session } }),
  );
  return session;
}

function requireJoinable(party: Party, now: Date): void {
  const s = party.session;
  if (s.status === 'requested') throw new AppError('join_not_open', 'Your provider has not confirmed this session yet.');
  if (s.status !== 'booked' || s.ended_at) {
    throw new AppError(
      'join_not_open',
      isNoShow(s.outcome) ? 'This session was recorded as missed.' : 'This session is over or was cancelled.',
    );
  }
  const { opens, closes } = joinWindowOf(s);
  const zone = party.role === 'client' ? s.client_time_zone : s.provider_time_zone;
  if (now < opens)
    throw new AppError('join_not_open', `You can join from ${sessionTime(opens, zone)}, ${JOIN_OPENS_MINUTES} minutes before the start.`);
  if (now >= closes) throw new AppError('join_not_open', 'This session has ended.');
}

export async function join(caller: Caller, sessionId: string, request: JoinRequest): Promise<JoinResult> {
  const { db, deps, actor, user, now } = caller;
  const party = await partyOf(db, user, sessionId);
  requireJoinable(party, now);
  const s = party.session;
  const assignment = await repo.currentAssignment(db, s.client_id);
  if (assignment?.provider_id !== s.provider_id)
    throw new AppError('join_not_open', 'This provider no longer works with this client, so the session cannot take place.');
  if (party.role === 'client') {
    if (!request.locationState)
      throw AppError.invalid('locationState', 'Tell us which state you are in right now: your provider must be licensed there.');
    const provider = await repo.providerForBooking(db, s.provider_id, now.toISOString().slice(0, 10));
    if (!provider?.licensed_states.includes(request.locationState)) {
      throw new AppError(
        'not_licensed_here',
        `${providerName(s)} is not licensed in ${request.locationState}, so the session cannot take place while you are there. Join from a state where they are licensed (${provider?.licensed_states.join(', ') || 'none today'}), or message them to arrange another time.`,
      );
    }
  }
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockSession(trx, sessionId);
    if (!locked || !isJoinableNow(locked, now)) throw new AppError('join_not_open', 'This session cannot be joined now.');
    await repo.updateSession(
      trx,
      sessionId,
      party.role === 'client'
        ? { client_joined_at: locked.client_joined_at ?? now, client_location: request.locationState ?? null }
        : { provider_joined_at: locked.provider_joined_at ?? now },
    );
    await recordAudit(trx, {
      actor,
      action: 'live_session.joined',
      subject: subject(s.client_id),
      detail: { sessionId, role: party.role, location: request.locationState ?? null },
    });
  });
  const session = await announce(caller, sessionId);
  return { session, role: party.role, iceServers: deps.config.iceServers };
}

/** Video → audio → chat (or back up) without leaving the session. */
export async function changeModality(caller: Caller, sessionId: string, modality: LiveModality): Promise<LiveSession> {
  const { db, actor, user, now } = caller;
  const party = await partyOf(db, user, sessionId);
  requireJoinable(party, now);
  await db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, sessionId, { current_modality: modality });
    await recordAudit(trx, {
      actor,
      action: 'live_session.modality',
      subject: subject(party.session.client_id),
      detail: { sessionId, modality, by: party.role },
    });
  });
  return announce(caller, sessionId);
}

/** Either person ends a session both attended; it is then held, and settled as such. */
export async function end(caller: Caller, sessionId: string): Promise<LiveSession> {
  const { db, deps, actor, user, now } = caller;
  const party = await partyOf(db, user, sessionId);
  await db.transaction().execute(async (trx) => {
    const s = await repo.lockSession(trx, sessionId);
    if (!s || s.status !== 'booked' || s.ended_at) throw new AppError('conflict', 'This session has already ended.');
    if (!s.client_joined_at || !s.provider_joined_at) {
      throw new AppError(
        'conflict',
        `The other person has not joined yet. Leave the page open; if they have not joined ${NO_SHOW_AFTER_MINUTES} minutes after the start, the session is recorded as missed.`,
      );
    }
    await repo.updateSession(trx, sessionId, { status: 'completed', outcome: 'completed', ended_at: now, settled_at: now });
    await ledger.settleLiveSession(trx, deps.payments, sessionId, 'completed');
    await recordAudit(trx, { actor, action: 'live_session.ended', subject: subject(s.client_id), detail: { sessionId, by: party.role } });
  });
  return announce(caller, sessionId);
}

/**
 * The attendance sweep, run by a worker every 30 seconds: requests nobody confirmed in time are
 * returned; 10 minutes after the start an absent party is a no-show (the provider's absence
 * first, so a client is never charged when neither came); sessions both attended and nobody
 * ended are held once their overrun has passed.
 */
export async function settleAttendance(db: Db, deps: Deps, now = new Date()): Promise<number> {
  const caller = systemCaller({ db, ...deps }, now);
  const { actor } = caller;
  const due = await repo.overdueSessions(db, now, NO_SHOW_AFTER_MINUTES, 200);
  let settled = await cancelOrphaned(caller);
  for (const candidate of due) {
    const told = await db.transaction().execute(async (trx) => {
      const s = await repo.lockSession(trx, candidate.id);
      if (!s || !isOpenStatus(s.status)) return null;
      const outcome = attendanceOutcome(s, now);
      if (!outcome) return null;
      const status = outcome === 'completed' ? 'completed' : 'cancelled';
      await repo.updateSession(trx, s.id, {
        status,
        outcome,
        ended_at: s.ended_at ?? (outcome === 'completed' ? now : null),
        settled_at: now,
      });
      await ledger.settleLiveSession(trx, deps.payments, s.id, outcome);
      await recordAudit(trx, {
        actor,
        action: 'live_session.attendance',
        subject: subject(s.client_id),
        detail: { sessionId: s.id, outcome },
      });
      if (outcome !== 'completed') {
        const row = await repo.sessionWithParties(trx, s.id);
        if (row) await recordEvent(trx, { type: 'session.attendance', payload: { ...sessionFacts(row), outcome } });
      }
      return true;
    });
    if (told) {
      settled += 1;
      await announce(caller, candidate.id);
    }
  }
  return settled;
}

/**
 * A client who changes provider (or whose provider leaves) keeps no sessions with the one who is
 * no longer theirs: each is cancelled as the provider's doing, so it is returned, and the client
 * is told. The old provider's access ended with the assignment; this tidies their calendar.
 */
async function cancelOrphaned({ db, deps, actor, now }: SystemCaller): Promise<number> {
  const orphaned = await repo.orphanedSessions(db, 200);
  for (const candidate of orphaned) {
    await db.transaction().execute(async (trx) => {
      const s = await repo.lockSession(trx, candidate.id);
      if (!s || !isOpenStatus(s.status)) return;
      await repo.updateSession(trx, s.id, {
        status: 'cancelled',
        outcome: 'cancelled_by_provider',
        cancelled_by: 'provider',
        change_reason_sealed: await sealReason(deps.sealer, s, 'The client’s provider changed'),
        settled_at: now,
      });
      await ledger.settleLiveSession(trx, deps.payments, s.id, 'cancelled_by_provider');
      await recordAudit(trx, {
        actor,
        action: 'live_session.cancelled',
        subject: subject(s.client_id),
        detail: { sessionId: s.id, outcome: 'cancelled_by_provider', by: 'provider_change' },
      });
      const row = await repo.sessionWithParties(trx, s.id);
      if (!row) return;
      await recordEvent(trx, {
        type: 'session.changed',
        payload: { ...sessionFacts(row), change: 'cancelled_provider_changed', by: 'provider', withNote: false },
      });
    });
  }
  return orphaned.length;
}

/** The domain's attendance rule, read off a session row. */
function attendanceOutcome(s: repo.SessionRow, now: Date): AttendanceOutcome | null {
  return decideAttendance(
    {
      status: s.status,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      clientJoinedAt: s.client_joined_at,
      providerJoinedAt: s.provider_joined_at,
    },
    now,
  );
}
