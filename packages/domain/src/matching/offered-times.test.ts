import { describe, expect, it } from 'vitest';
import { offeredTimesOfDay } from './offered-times.ts';

// 2026-11-23 is a Monday.
const MONDAY = '2026-11-23';

describe('offeredTimesOfDay', () => {
  it('reads evening hours as evening in the same zone', () => {
    const weekly = [{ weekday: 1, start: '18:00', end: '21:00' }] as const;
    expect(offeredTimesOfDay([...weekly], 'America/New_York', 'America/New_York', MONDAY)).toEqual(['evening']);
  });

  it('shifts hours into the client’s zone', () => {
    const weekly = [{ weekday: 1, start: '18:00', end: '21:00' }] as const;
    // 18:00–21:00 in New York is 15:00–18:00 in Los Angeles: two hours of afternoon, one of evening.
    expect(offeredTimesOfDay([...weekly], 'America/New_York', 'America/Los_Angeles', MONDAY)).toEqual(['afternoon', 'evening']);
  });

  it('counts Saturday and Sunday as weekend, and a window crossing into Saturday', () => {
    expect(offeredTimesOfDay([{ weekday: 6, start: '10:00', end: '12:00' }], 'America/Chicago', 'America/Chicago', MONDAY)).toEqual([
      'weekend',
    ]);
    // Friday 23:00–24:00 in Chicago is Saturday 00:00–01:00 in New York.
    expect(offeredTimesOfDay([{ weekday: 5, start: '23:00', end: '24:00' }], 'America/Chicago', 'America/New_York', MONDAY)).toEqual([
      'weekend',
    ]);
  });

  it('ignores less than an hour of overlap and hours outside any part of the day', () => {
    expect(offeredTimesOfDay([{ weekday: 2, start: '11:30', end: '12:00' }], 'UTC', 'UTC', MONDAY)).toEqual([]);
    expect(offeredTimesOfDay([{ weekday: 2, start: '02:00', end: '05:00' }], 'UTC', 'UTC', MONDAY)).toEqual([]);
  });

  it('adds up a part of the day across several days', () => {
    const weekly = [1, 2].map((weekday) => ({ weekday: weekday as 1 | 2, start: '08:00', end: '08:30' }));
    expect(offeredTimesOfDay(weekly, 'UTC', 'UTC', MONDAY)).toEqual(['morning']);
  });
});
