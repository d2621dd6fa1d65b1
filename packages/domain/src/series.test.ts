import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weeklySeries } from './series.ts';
import { addDays, instantToZonedParts, zonedWallTimeToInstant } from './time-zones.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const WEEK_MS = 7 * 24 * HOUR_MS;
const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney'];

/** The wall clock in a zone, read independently of the code under test: "YYYY-MM-DD HH:MM". */
function wallClock(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

// Clock changes in 2026–2027 (local dates): US zones, the UK and Sydney (southern hemisphere).
const US = ['2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'];
const CHANGES: Array<[string, string]> = [
  ...['America/New_York', 'America/Chicago', 'America/Los_Angeles'].flatMap((zone) => US.map((day): [string, string] => [zone, day])),
  ...['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'].map((day): [string, string] => ['Europe/London', day]),
  ...['2026-04-05', '2026-10-04', '2027-04-04', '2027-10-03'].map((day): [string, string] => ['Australia/Sydney', day]),
];

/** Same weekday and wall time as the first (or just after a gap), dates 7·everyWeeks days apart. */
function expectFaithful(series: Date[], first: Date, zone: string, everyWeeks: 1 | 2, count: number): void {
  expect(series).toHaveLength(count);
  expect(series[0]!.getTime()).toBe(first.getTime());
  const { date, time, weekday } = instantToZonedParts(first, zone);
  series.forEach((at, index) => {
    const expectedDate = addDays(date, index * 7 * everyWeeks);
    const local = instantToZonedParts(at, zone);
    expect(local.date).toBe(expectedDate);
    expect(local.weekday).toBe(weekday);
    if (zonedWallTimeToInstant(expectedDate, time, zone) !== null) {
      expect(wallClock(at, zone)).toBe(`${expectedDate} ${time}`);
    } else {
      // The clock skips that time this day: the first instant after the gap, so a second earlier reads before it.
      expect(local.time > time).toBe(true);
      expect(instantToZonedParts(new Date(at.getTime() - 1000), zone).time < time).toBe(true);
    }
    if (index > 0) {
      // Whole weeks apart in real time, give or take the clock changes in between (an hour here).
      const apart = at.getTime() - series[index - 1]!.getTime();
      expect(Math.abs(apart - 7 * everyWeeks * 24 * HOUR_MS)).toBeLessThanOrEqual(HOUR_MS);
    }
  });
}

describe('weeklySeries', () => {
  it('keeps the first session’s wall time and weekday in the zone, on dates exactly 7·everyWeeks days apart', () => {
    // Whole minutes from 2025 to 2029, in any of the zones.
    const anyStart = fc.tuple(
      fc.integer({ min: Date.UTC(2025, 0, 1) / MINUTE_MS, max: Date.UTC(2029, 0, 1) / MINUTE_MS }).map((m) => new Date(m * MINUTE_MS)),
      fc.constantFrom(...ZONES),
    );
    // Small hours one to six weeks before a clock change, so series often meet skipped and repeated times.
    const nearChange = fc
      .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 59 }))
      .map(([[zone, day], weeks, hour, minute]) => {
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        return [zonedWallTimeToInstant(addDays(day, -7 * weeks), time, zone), zone] as const;
      })
      .filter((pair): pair is readonly [Date, string] => pair[0] !== null);
    fc.assert(
      fc.property(
        fc.oneof(anyStart, nearChange),
        fc.constantFrom(1 as const, 2 as const),
        fc.integer({ min: 1, max: 12 }),
        ([first, zone], everyWeeks, count) => {
          expectFaithful(weeklySeries(first, zone, everyWeeks, count), first, zone, everyWeeks, count);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps a 6 PM Chicago session at 6 PM across the November change: one week is 7×24 h + 1 h', () => {
    const first = new Date('2026-10-20T23:00:00Z'); // Tue 20 Oct, 6 PM CDT
    const series = weeklySeries(first, 'America/Chicago', 1, 4);
    expect(series.map((at) => at.toISOString())).toEqual([
      '2026-10-20T23:00:00.000Z',
      '2026-10-27T23:00:00.000Z',
      '2026-11-04T00:00:00.000Z', // Tue 3 Nov, 6 PM CST (clocks went back on 1 Nov)
      '2026-11-11T00:00:00.000Z',
    ]);
    expect(series.map((at) => wallClock(at, 'America/Chicago'))).toEqual([
      '2026-10-20 18:00',
      '2026-10-27 18:00',
      '2026-11-03 18:00',
      '2026-11-10 18:00',
    ]);
    expect(series.slice(1).map((at, i) => at.getTime() - series[i]!.getTime())).toEqual([WEEK_MS, WEEK_MS + HOUR_MS, WEEK_MS]);
  });

  it('keeps a 6 PM Chicago session at 6 PM across the March change: one week is 7×24 h − 1 h', () => {
    const first = new Date('2027-03-03T00:00:00Z'); // Tue 2 Mar, 6 PM CST; clocks go forward on Sun 14 Mar
    const series = weeklySeries(first, 'America/Chicago', 1, 4);
    expect(series.map((at) => wallClock(at, 'America/Chicago'))).toEqual([
      '2027-03-02 18:00',
      '2027-03-09 18:00',
      '2027-03-16 18:00',
      '2027-03-23 18:00',
    ]);
    expect(series.map((at) => at.toISOString())).toEqual([
      '2027-03-03T00:00:00.000Z',
      '2027-03-10T00:00:00.000Z',
      '2027-03-16T23:00:00.000Z',
      '2027-03-23T23:00:00.000Z',
    ]);
    expect(series.slice(1).map((at, i) => at.getTime() - series[i]!.getTime())).toEqual([WEEK_MS, WEEK_MS - HOUR_MS, WEEK_MS]);
  });

  it('keeps every other week at the same wall time across a change too', () => {
    const series = weeklySeries(new Date('2026-10-27T23:00:00Z'), 'America/Chicago', 2, 3); // Tue 27 Oct, 6 PM CDT
    expect(series.map((at) => wallClock(at, 'America/Chicago'))).toEqual(['2026-10-27 18:00', '2026-11-10 18:00', '2026-11-24 18:00']);
    expect(series[1]!.getTime() - series[0]!.getTime()).toBe(2 * WEEK_MS + HOUR_MS);
  });

  it('moves a wall time the clock skips to the first instant after the gap, and keeps the time the other weeks', () => {
    // Sun 1 Mar 2026, 02:30 in New York; on Sun 8 Mar the clock jumps from 02:00 to 03:00.
    const series = weeklySeries(new Date('2026-03-01T07:30:00Z'), 'America/New_York', 1, 3);
    expect(series.map((at) => wallClock(at, 'America/New_York'))).toEqual(['2026-03-01 02:30', '2026-03-08 03:00', '2026-03-15 02:30']);
    expect(series[1]!.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the first of a repeated hour, and Sydney’s changes (southern hemisphere) the other way round', () => {
    // Sun 25 Oct 2026, 01:30 in New York; 1 Nov repeats 01:00–02:00, the first (EDT) is chosen.
    const repeated = weeklySeries(new Date('2026-10-25T05:30:00Z'), 'America/New_York', 1, 2);
    expect(repeated[1]!.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Sydney goes forward on Sun 4 Oct 2026: a 9 AM Thursday session moves one hour earlier in UTC.
    const sydney = weeklySeries(new Date('2026-09-30T23:00:00Z'), 'Australia/Sydney', 1, 2); // Thu 1 Oct, 9 AM AEST
    expect(sydney.map((at) => wallClock(at, 'Australia/Sydney'))).toEqual(['2026-10-01 09:00', '2026-10-08 09:00']);
    expect(sydney[1]!.getTime() - sydney[0]!.getTime()).toBe(WEEK_MS - HOUR_MS);
  });
});
