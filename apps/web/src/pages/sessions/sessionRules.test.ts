import { describe, expect, it } from 'vitest';
import { canJoin, lastSessionDay, movedSessionIds, pastOutcome, sameDay } from './sessionRules.ts';

const at = (iso: string) => Date.parse(iso);
const session = { status: 'booked', joinable: false, joinOpensAt: '2026-11-24T20:50:00Z', endsAt: '2026-11-24T21:50:00Z' } as const;

describe('canJoin', () => {
  it('opens at joinOpensAt even when the list was read before', () => {
    expect(canJoin(session, at('2026-11-24T20:49:59Z'))).toBe(false);
    expect(canJoin(session, at('2026-11-24T20:50:00Z'))).toBe(true);
  });
  it('trusts the server saying it is open', () => {
    expect(canJoin({ ...session, joinable: true }, at('2026-11-24T20:45:00Z'))).toBe(true);
  });
  it('closes at the end, and never opens for a request or a cancelled session', () => {
    expect(canJoin({ ...session, joinable: true }, at('2026-11-24T21:50:00Z'))).toBe(false);
    expect(canJoin({ ...session, status: 'requested' }, at('2026-11-24T21:00:00Z'))).toBe(false);
    expect(canJoin({ ...session, status: 'cancelled', joinable: true }, at('2026-11-24T21:00:00Z'))).toBe(false);
  });
});

describe('pastOutcome', () => {
  const none = new Set<string>();
  const id = '00000000-0000-4000-8000-000000000001';
  const ended = (outcome: Parameters<typeof pastOutcome>[0]['outcome'], extra: Partial<Parameters<typeof pastOutcome>[0]> = {}) =>
    pastOutcome({ id, status: 'completed', outcome, cancelledBy: null, ...extra }, none);

  it.each([
    ['completed', 'held'],
    ['client_no_show', 'missedByYou'],
    ['provider_no_show', 'missedByProvider'],
    ['cancelled_by_provider', 'cancelledByProvider'],
    ['declined', 'declined'],
  ] as const)('%s → %s', (outcome, words) => {
    expect(ended(outcome)).toBe(words);
  });

  it('tells a cancellation in time from a late one, and who cancelled', () => {
    expect(ended('cancelled_early', { status: 'cancelled', cancelledBy: 'client' })).toBe('cancelledByYou');
    expect(ended('cancelled_late', { status: 'cancelled', cancelledBy: 'client' })).toBe('cancelledByYouLate');
    expect(ended('cancelled_early', { status: 'cancelled', cancelledBy: 'provider' })).toBe('cancelledByProvider');
  });

  it('reads a session moved to another time as moved', () => {
    const moved = movedSessionIds([{ rescheduledFromId: id }, { rescheduledFromId: null }]);
    expect(pastOutcome({ id, status: 'cancelled', outcome: 'cancelled_early', cancelledBy: 'client' }, moved)).toBe('moved');
  });

  it('falls back on the status when no outcome is recorded', () => {
    expect(ended(null)).toBe('held');
    expect(ended(null, { status: 'cancelled', cancelledBy: 'provider' })).toBe('cancelledByProvider');
    expect(ended(null, { status: 'booked' })).toBe('notRecorded');
  });
});

describe('lastSessionDay', () => {
  it('counts whole weeks on the calendar of the client’s zone', () => {
    // 8 PM in Chicago on Oct 27 is already Oct 28 in UTC; the series is read in Chicago.
    expect(lastSessionDay('2026-10-28T01:00:00Z', 1, 4, 'America/Chicago')).toBe('2026-11-17');
    expect(lastSessionDay('2026-10-28T01:00:00Z', 2, 3, 'America/Chicago')).toBe('2026-11-24');
  });
});

describe('sameDay', () => {
  it('compares calendar days in the zone, not in UTC', () => {
    expect(sameDay(at('2026-11-24T23:00:00Z'), at('2026-11-25T02:00:00Z'), 'America/Chicago')).toBe(true);
    expect(sameDay(at('2026-11-24T23:00:00Z'), at('2026-11-25T07:00:00Z'), 'America/Chicago')).toBe(false);
  });
});
