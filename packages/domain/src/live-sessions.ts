// The rules of a live session (PRODUCT §2.5), once for the server and the web app: when it may be
// joined, when a change is free, when an absent party is a no-show, and what attendance decides.
import type { LiveOutcome, LiveStatus } from '@haven/contract';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Minutes before the start the join button opens. */
export const JOIN_OPENS_MINUTES = 10;
/** Minutes after the start a party still absent is a no-show. */
export const NO_SHOW_AFTER_MINUTES = 10;
/** Sessions may run a little over: the room stays open this long after the booked end. */
export const OVERRUN_MINUTES = 30;
/** Changes this far ahead or more are free; later ones follow the ledger rules. */
export const FREE_CHANGE_HOURS = 24;

type Instant = Date | string;
const ms = (at: Instant) => new Date(at).getTime();

/** Still to happen: a request waiting for the provider, or booked. */
export const isOpenStatus = (status: LiveStatus): boolean => status === 'requested' || status === 'booked';

/** From 10 minutes before the start until the overrun after the booked end. */
export function joinWindow(session: { startsAt: Instant; endsAt: Instant }): { opens: Date; closes: Date } {
  return {
    opens: new Date(ms(session.startsAt) - JOIN_OPENS_MINUTES * MINUTE_MS),
    closes: new Date(ms(session.endsAt) + OVERRUN_MINUTES * MINUTE_MS),
  };
}

/** Booked, not ended, and inside its join window. */
export function isJoinable(
  session: { status: LiveStatus; endedAt: Instant | null; startsAt: Instant; endsAt: Instant },
  now: Date,
): boolean {
  const { opens, closes } = joinWindow(session);
  return session.status === 'booked' && session.endedAt === null && now >= opens && now < closes;
}

/** 24 hours' notice or more: changing it now costs nothing. */
export function isFreeChange(startsAt: Instant, now: Date): boolean {
  return ms(startsAt) - now.getTime() >= FREE_CHANGE_HOURS * HOUR_MS;
}

/** The instant an absent party becomes a no-show. */
export const noShowAt = (startsAt: Instant): Date => new Date(ms(startsAt) + NO_SHOW_AFTER_MINUTES * MINUTE_MS);

export const isNoShow = (outcome: LiveOutcome | null): boolean => outcome === 'client_no_show' || outcome === 'provider_no_show';

/** What the attendance sweep can decide about a session. */
export type AttendanceOutcome = Extract<LiveOutcome, 'declined' | 'provider_no_show' | 'client_no_show' | 'completed'>;
/** The attendance outcomes somebody is told about: everything but a session held. */
export type AttendanceNotice = Exclude<AttendanceOutcome, 'completed'>;

type Attendance = {
  status: LiveStatus;
  startsAt: Instant;
  endsAt: Instant;
  clientJoinedAt: Instant | null;
  providerJoinedAt: Instant | null;
};

/**
 * 10 minutes after the start: a request nobody confirmed is declined; an absent provider is a
 * no-show first, so a client is never charged when neither came; then an absent client. A session
 * both attended is held once its overrun has passed. Null: nothing to decide yet.
 */
export function attendanceOutcome(s: Attendance, now: Date): AttendanceOutcome | null {
  if (now.getTime() < noShowAt(s.startsAt).getTime()) return null;
  if (s.status === 'requested') return 'declined';
  if (!s.providerJoinedAt) return 'provider_no_show';
  if (!s.clientJoinedAt) return 'client_no_show';
  return now.getTime() >= ms(s.endsAt) + OVERRUN_MINUTES * MINUTE_MS ? 'completed' : null;
}
