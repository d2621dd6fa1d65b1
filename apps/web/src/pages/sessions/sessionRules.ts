import type { LiveSession } from '@haven/contract';
import { addDays, instantToZonedParts } from '@haven/domain';

type Timing = Pick<LiveSession, 'status' | 'joinable' | 'joinOpensAt' | 'endsAt'>;

/**
 * Whether "Join" is open now. The server's `joinable` is as of when the list was read; the clock
 * opens it on time between two reads, and closes it once the session has ended.
 */
export function canJoin(session: Timing, now: number): boolean {
  if (session.status !== 'booked' || now >= Date.parse(session.endsAt)) return false;
  return session.joinable || now >= Date.parse(session.joinOpensAt);
}

/** How a past session ended, as the client's words name it. */
export type PastOutcome =
  | 'held'
  | 'missedByYou'
  | 'missedByProvider'
  | 'moved'
  | 'cancelledByYou'
  | 'cancelledByYouLate'
  | 'cancelledByProvider'
  | 'declined'
  | 'notRecorded';

type Ending = Pick<LiveSession, 'id' | 'status' | 'outcome' | 'cancelledBy'>;

/** `movedIds`: sessions some other session was rescheduled from, which read "moved" rather than "cancelled". */
export function pastOutcome(session: Ending, movedIds: ReadonlySet<string>): PastOutcome {
  if (movedIds.has(session.id) && session.status === 'cancelled') return 'moved';
  switch (session.outcome) {
    case 'completed':
      return 'held';
    case 'client_no_show':
      return 'missedByYou';
    case 'provider_no_show':
      return 'missedByProvider';
    case 'cancelled_early':
      return session.cancelledBy === 'provider' ? 'cancelledByProvider' : 'cancelledByYou';
    case 'cancelled_late':
      return session.cancelledBy === 'provider' ? 'cancelledByProvider' : 'cancelledByYouLate';
    case 'cancelled_by_provider':
      return 'cancelledByProvider';
    case 'declined':
      return 'declined';
    case null:
      if (session.status === 'completed') return 'held';
      if (session.status === 'cancelled') return session.cancelledBy === 'provider' ? 'cancelledByProvider' : 'cancelledByYou';
      return 'notRecorded';
    default:
      return session.outcome satisfies never;
  }
}

/** The ids of sessions that were moved to another time, from the sessions that replaced them. */
export function movedSessionIds(sessions: readonly Pick<LiveSession, 'rescheduledFromId'>[]): Set<string> {
  return new Set(sessions.flatMap((session) => (session.rescheduledFromId ? [session.rescheduledFromId] : [])));
}

/**
 * The calendar day ('YYYY-MM-DD', in `timeZone`) of the last session of a series starting at
 * `start`: counted in whole days, so a daylight-saving change in between moves no date.
 */
export function lastSessionDay(start: string, everyWeeks: number, count: number, timeZone: string): string {
  return addDays(instantToZonedParts(new Date(start), timeZone).date, (count - 1) * everyWeeks * 7);
}

/** Whether two instants fall on the same calendar day in `timeZone` ("Opens at 2:50 PM" needs no date). */
export function sameDay(a: number, b: number, timeZone: string): boolean {
  return instantToZonedParts(new Date(a), timeZone).date === instantToZonedParts(new Date(b), timeZone).date;
}
