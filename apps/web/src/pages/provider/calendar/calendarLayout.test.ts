import { describe, expect, it } from 'vitest';
import { hoursShown, mondayOf, placeOnDate, rangeOfDates, shiftDate, visibleDates } from './calendarLayout.ts';

const CHICAGO = 'America/Chicago';

describe('dates shown', () => {
  it('runs Monday to Sunday around any day, or the one day', () => {
    expect(mondayOf('2026-03-08')).toBe('2026-03-02'); // a Sunday
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(visibleDates('2026-03-04', 'week')).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(visibleDates('2026-03-04', 'day')).toEqual(['2026-03-04']);
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('asks for the local midnights around the days, a week holding a 23-hour day', () => {
    expect(rangeOfDates(visibleDates('2026-03-04', 'week'), CHICAGO)).toEqual({
      from: '2026-03-02T06:00:00.000Z',
      to: '2026-03-09T05:00:00.000Z',
    });
  });
});

describe('placeOnDate', () => {
  it('measures a session on the wall clock, the same before and after a clock change', () => {
    const before = { start: '2026-03-06T15:00:00Z', end: '2026-03-06T15:50:00Z' }; // 09:00 CST
    const after = { start: '2026-03-09T14:00:00Z', end: '2026-03-09T14:50:00Z' }; // 09:00 CDT
    expect(placeOnDate([before], '2026-03-06', CHICAGO)).toEqual([{ item: before, startMinute: 540, endMinute: 590, lane: 0, lanes: 1 }]);
    expect(placeOnDate([after], '2026-03-09', CHICAGO)).toEqual([{ item: after, startMinute: 540, endMinute: 590, lane: 0, lanes: 1 }]);
  });

  it('cuts a span crossing midnight into the part each day holds', () => {
    const late = { start: '2026-03-03T04:00:00Z', end: '2026-03-03T07:00:00Z' }; // 22:00–01:00 CST
    expect(placeOnDate([late], '2026-03-02', CHICAGO).map((p) => [p.startMinute, p.endMinute])).toEqual([[1320, 1440]]);
    expect(placeOnDate([late], '2026-03-03', CHICAGO).map((p) => [p.startMinute, p.endMinute])).toEqual([[0, 60]]);
    expect(placeOnDate([late], '2026-03-04', CHICAGO)).toEqual([]);
  });

  it('puts overlapping sessions side by side and leaves the rest full width', () => {
    const a = { start: '2026-03-02T15:00:00Z', end: '2026-03-02T15:50:00Z' };
    const b = { start: '2026-03-02T15:30:00Z', end: '2026-03-02T16:20:00Z' };
    const c = { start: '2026-03-02T18:00:00Z', end: '2026-03-02T18:50:00Z' };
    const lanes = placeOnDate([c, b, a], '2026-03-02', CHICAGO).map((p) => [p.item, p.lane, p.lanes]);
    expect(lanes).toEqual([
      [a, 0, 2],
      [b, 1, 2],
      [c, 0, 1],
    ]);
  });

  it('widens the hours drawn to include everything', () => {
    expect(hoursShown([])).toEqual({ first: 8, last: 18 });
    expect(hoursShown([{ startMinute: 390, endMinute: 1290 }])).toEqual({ first: 6, last: 22 });
  });
});
