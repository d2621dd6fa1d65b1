import { describe, expect, it } from 'vitest';
import { sessionTime, zoneOrUtc } from './session-time.ts';

describe('zoneOrUtc', () => {
  it('keeps a real IANA zone', () => {
    expect(zoneOrUtc('America/Chicago')).toBe('America/Chicago');
  });

  it('falls back to UTC for a missing or unknown zone', () => {
    expect(zoneOrUtc(null)).toBe('UTC');
    expect(zoneOrUtc(undefined)).toBe('UTC');
    expect(zoneOrUtc('')).toBe('UTC');
    expect(zoneOrUtc('Mars/Olympus_Mons')).toBe('UTC');
  });
});

describe('sessionTime', () => {
  it('writes the wall time in the zone and names the zone', () => {
    expect(sessionTime(new Date('2026-11-24T21:00:00Z'), 'America/Chicago')).toBe('Tue 24 Nov at 3:00 PM (America/Chicago)');
  });

  it('writes midnight and noon on the 12-hour clock', () => {
    expect(sessionTime(new Date('2026-01-05T00:00:00Z'), 'UTC')).toBe('Mon 5 Jan at 12:00 AM (UTC)');
    expect(sessionTime(new Date('2026-01-05T12:05:00Z'), 'UTC')).toBe('Mon 5 Jan at 12:05 PM (UTC)');
  });

  it('crosses the date line with the zone, not the server', () => {
    expect(sessionTime(new Date('2026-01-05T23:30:00Z'), 'Pacific/Auckland')).toBe('Tue 6 Jan at 12:30 PM (Pacific/Auckland)');
  });

  it('follows daylight saving: the same UTC hour reads an hour apart either side of the change', () => {
    expect(sessionTime(new Date('2026-03-07T18:00:00Z'), 'America/New_York')).toBe('Sat 7 Mar at 1:00 PM (America/New_York)');
    expect(sessionTime(new Date('2026-03-09T18:00:00Z'), 'America/New_York')).toBe('Mon 9 Mar at 2:00 PM (America/New_York)');
  });

  it('writes an unknown zone in UTC, saying so', () => {
    expect(sessionTime(new Date('2026-11-24T21:00:00Z'), 'Not/AZone')).toBe('Tue 24 Nov at 9:00 PM (UTC)');
  });
});
