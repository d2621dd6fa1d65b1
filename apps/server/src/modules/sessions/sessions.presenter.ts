import type { LiveSession } from '@haven/contract';
import { isFreeChange, isJoinable, joinWindow } from '@haven/domain';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { SessionFacts } from '../../platform/events/domain-events.ts';
import type { SessionRow, SessionWithParties } from './sessions.repository.ts';

const MINUTE_MS = 60_000;

const at = (value: Date | string) => new Date(value);
const iso = (value: Date | string | null) => (value === null ? null : at(value).toISOString());

/** The domain's join window, read off a session row. */
export const joinWindowOf = (row: Pick<SessionRow, 'starts_at' | 'ends_at'>) =>
  joinWindow({ startsAt: row.starts_at, endsAt: row.ends_at });

/** The domain's rule, read off a session row. */
export const isJoinableNow = (row: Pick<SessionRow, 'starts_at' | 'ends_at' | 'status' | 'ended_at'>, now: Date): boolean =>
  isJoinable({ status: row.status, endedAt: row.ended_at, startsAt: row.starts_at, endsAt: row.ends_at }, now);

export function providerName(row: Pick<SessionWithParties, 'provider_first_name' | 'provider_last_name'>): string {
  return `${row.provider_first_name} ${row.provider_last_name}`;
}

const reasonField = (sessionId: string) => ({ table: 'live_sessions', row: sessionId, field: 'change_reason' });

/** A reason given for a change, sealed for the client like their messages (PRODUCT §3). */
export function sealReason(sealer: Sealer, session: Pick<SessionRow, 'id' | 'client_id'>, reason: string): Promise<string> {
  return sealer.seal(session.client_id, reason, reasonField(session.id));
}

/** Sessions as their parties see them, each with its reason opened. */
export function presentSessions(sealer: Sealer, rows: SessionWithParties[], now: Date): Promise<LiveSession[]> {
  return Promise.all(
    rows.map(async (row) => {
      const sealed = row.change_reason_sealed;
      const reason = sealed === null ? row.change_reason : await sealer.open(row.client_id, sealed, reasonField(row.id));
      return presentSession(row, now, reason);
    }),
  );
}

export async function presentOneSession(sealer: Sealer, row: SessionWithParties, now: Date): Promise<LiveSession> {
  const [session] = await presentSessions(sealer, [row], now);
  return session!;
}

function presentSession(row: SessionWithParties, now: Date, reason: string | null): LiveSession {
  return {
    id: row.id,
    seriesId: row.series_id,
    roomId: row.room_id,
    clientId: row.client_id,
    providerId: row.provider_id,
    clientName: row.client_name,
    providerName: providerName(row),
    startsAt: at(row.starts_at).toISOString(),
    endsAt: at(row.ends_at).toISOString(),
    lengthMinutes: Math.round((at(row.ends_at).getTime() - at(row.starts_at).getTime()) / MINUTE_MS),
    modality: row.modality,
    currentModality: row.current_modality ?? row.modality,
    status: row.status,
    outcome: row.outcome,
    cancelledBy: row.cancelled_by,
    changeReason: reason,
    rescheduledFromId: row.rescheduled_from,
    costCents: row.cost_cents,
    // A request not yet confirmed costs nothing to change, however near it is.
    freeChange: row.status === 'requested' || isFreeChange(row.starts_at, now),
    joinOpensAt: joinWindowOf(row).opens.toISOString(),
    joinable: isJoinableNow(row, now),
    clientJoinedAt: iso(row.client_joined_at),
    providerJoinedAt: iso(row.provider_joined_at),
    endedAt: iso(row.ended_at),
  };
}

/** What an event about this session says of it: who, when, how — as it is now, or moved to `startsAt`. */
export function sessionFacts(
  row: Pick<
    SessionWithParties,
    | 'id'
    | 'starts_at'
    | 'modality'
    | 'current_modality'
    | 'client_user_id'
    | 'client_name'
    | 'client_time_zone'
    | 'provider_user_id'
    | 'provider_first_name'
    | 'provider_last_name'
    | 'provider_time_zone'
  >,
  startsAt?: Date,
): SessionFacts {
  return {
    sessionId: row.id,
    startsAt: (startsAt ?? at(row.starts_at)).toISOString(),
    modality: row.current_modality ?? row.modality,
    client: { userId: row.client_user_id, name: row.client_name, timeZone: row.client_time_zone },
    provider: { userId: row.provider_user_id, name: providerName(row), timeZone: row.provider_time_zone },
  };
}
