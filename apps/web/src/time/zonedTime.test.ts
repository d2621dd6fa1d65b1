import { describe, expect, it } from 'vitest';
import { instantFromWallTime } from './zonedTime.ts';

const read = (local: string, zone = 'America/New_York') => instantFromWallTime(local, zone)?.toISOString() ?? null;

describe('instantFromWallTime', () => {
  it('reads what a datetime-local input gives, in the zone named', () => {
    expect(read('2026-07-01T09:00')).toBe('2026-07-01T13:00:00.000Z');
    expect(read('2026-07-01T09:00', 'Pacific/Honolulu')).toBe('2026-07-01T19:00:00.000Z');
  });

  it('reads a skipped time as the end of the gap and a repeated one as its first reading, as booking does', () => {
    expect(read('2026-03-08T02:30')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(read('2026-11-01T01:30')).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, not EST
  });

  it('refuses anything that is not a calendar date and wall time', () => {
    for (const local of ['', '2026-02-30T09:00', '2026-03-08T24:00', '2026-03-08T09:60', '2026-03-08 09:00', '2026-03-08T9:00']) {
      expect(read(local), local).toBeNull();
    }
  });
});
