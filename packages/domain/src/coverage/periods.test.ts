import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorDayOf, nextPeriod, periodContaining } from './periods.ts';

describe('billing periods', () => {
  it('runs from the anchor day to the same day next month', () => {
    expect(periodContaining('2026-11-24', 14)).toEqual({ start: '2026-11-14', end: '2026-12-14' });
    expect(periodContaining('2026-11-13', 14)).toEqual({ start: '2026-10-14', end: '2026-11-14' });
    expect(periodContaining('2026-12-20', 14)).toEqual({ start: '2026-12-14', end: '2027-01-14' });
    expect(periodContaining('2027-01-02', 14)).toEqual({ start: '2026-12-14', end: '2027-01-14' });
    expect(nextPeriod('2026-11-24', 14)).toEqual({ start: '2026-12-14', end: '2027-01-14' });
  });

  it('caps the anchor at the 28th so February has it', () => {
    expect(anchorDayOf('2026-01-31')).toBe(28);
    expect(periodContaining('2027-02-28', anchorDayOf('2026-01-31'))).toEqual({ start: '2027-02-28', end: '2027-03-28' });
  });

  it('refuses what is not a date or an anchor', () => {
    expect(() => periodContaining('2026-13-01', 1)).toThrow(RangeError);
    expect(() => periodContaining('2026-01-01', 29)).toThrow(RangeError);
  });

  it('every day lies in exactly one period, and periods follow each other without gaps', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 28 }), (date, anchor) => {
        const period = periodContaining(date, anchor);
        expect(period.start <= date && date < period.end).toBe(true);
        expect(Number(period.start.slice(8))).toBe(anchor);
        expect(nextPeriod(date, anchor).start).toBe(period.end);
      }),
      { numRuns: 300 },
    );
  });
});
