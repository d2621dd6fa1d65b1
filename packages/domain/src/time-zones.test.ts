import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantToZonedParts,
  isCalendarDate,
  isIanaTimeZone,
  isRepeatedWallTime,
  weekdayOf,
  zonedWallTimeToInstant,
  zonedWallTimeToInstantOrAfterGap,
} from './time-zones.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('isIanaTimeZone', () => {
  it('accepts Area/Location names and UTC', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'US/Eastern', 'UTC']) {
      expect(isIanaTimeZone(zone), zone).toBe(true);
    }
  });

  it('refuses POSIX-style names, unknown zones and miscased names that Intl would forgive', () => {
    for (const zone of ['EST5EDT', 'EST', 'GMT', 'utc', 'america/new_york', 'Mars/Olympus_Mons', '', '+05:00']) {
      expect(isIanaTimeZone(zone), zone).toBe(false);
    }
  });
});

describe('calendar helpers', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 365)).toBe('2027-03-08');
  });

  it('names the weekday of a date, 0 being Sunday', () => {
    expect(weekdayOf('2026-03-08')).toBe(0);
    expect(weekdayOf('2026-11-01')).toBe(0);
    expect(weekdayOf('2026-03-13')).toBe(5);
    expect(weekdayOf('2027-01-01')).toBe(5);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-8')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('zonedWallTimeToInstant', () => {
  it('reads ordinary wall times in zones with and without daylight saving', () => {
    expect(iso(zonedWallTimeToInstant('2026-07-01', '09:00', 'America/New_York'))).toBe('2026-07-01T13:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-01-15', '09:00', 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-07-01', '09:00', 'Europe/London'))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-07-01', '00:00', 'UTC'))).toBe('2026-07-01T00:00:00.000Z');
  });

  it('returns null inside the spring-forward gap and the earlier instant in the repeated hour (New York)', () => {
    expect(zonedWallTimeToInstant('2026-03-08', '02:00', 'America/New_York')).toBeNull();
    expect(zonedWallTimeToInstant('2026-03-08', '02:59', 'America/New_York')).toBeNull();
    expect(iso(zonedWallTimeToInstant('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-03-08', '03:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(zonedWallTimeToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-11-01', '02:00', 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles London, whose clocks change at 01:00 GMT on different Sundays', () => {
    expect(zonedWallTimeToInstant('2026-03-29', '01:30', 'Europe/London')).toBeNull();
    expect(iso(zonedWallTimeToInstant('2026-03-29', '02:00', 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    // New York has already sprung forward while London has not: the gap is a US-only date.
    expect(zonedWallTimeToInstant('2026-03-08', '02:30', 'Europe/London')).not.toBeNull();
  });

  it('never finds a gap in zones without daylight saving', () => {
    expect(iso(zonedWallTimeToInstant('2026-03-08', '02:30', 'America/Phoenix'))).toBe('2026-03-08T09:30:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-11-01', '01:30', 'America/Phoenix'))).toBe('2026-11-01T08:30:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-03-08', '02:30', 'Pacific/Honolulu'))).toBe('2026-03-08T12:30:00.000Z');
  });

  it('handles Lord Howe Island, whose clocks move by only 30 minutes', () => {
    // Forward at 02:00 to 02:30 on 2026-10-04 (+10:30 → +11); back at 02:00 to 01:30 on 2026-04-05.
    expect(zonedWallTimeToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBeNull();
    expect(iso(zonedWallTimeToInstant('2026-10-04', '02:30', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-04-05', '01:45', 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
  });

  it('moves a skipped wall time to the first instant after the gap when asked to', () => {
    const orAfterGap = (date: string, time: string, zone: string) => iso(zonedWallTimeToInstantOrAfterGap(date, time, zone));
    expect(orAfterGap('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(orAfterGap('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00.000Z');
    expect(orAfterGap('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses malformed input rather than guessing', () => {
    expect(() => zonedWallTimeToInstant('2026-03-08', '24:00', 'America/New_York')).toThrow(RangeError);
    expect(() => zonedWallTimeToInstant('2026-03-08', '9:00', 'America/New_York')).toThrow(RangeError);
    expect(() => zonedWallTimeToInstant('2026-03-08', '09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('instantToZonedParts', () => {
  it('reports the local date, time and weekday', () => {
    const partsAt = (utc: string, zone: string) => instantToZonedParts(new Date(utc), zone);
    expect(partsAt('2026-03-08T07:00:00Z', 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:00', weekday: 0 });
    expect(partsAt('2026-03-08T04:59:00Z', 'America/New_York')).toEqual({ date: '2026-03-07', time: '23:59', weekday: 6 });
    expect(partsAt('2026-11-01T06:30:00Z', 'America/New_York')).toEqual({ date: '2026-11-01', time: '01:30', weekday: 0 });
    expect(partsAt('2026-07-01T10:00:00Z', 'Pacific/Honolulu')).toEqual({ date: '2026-07-01', time: '00:00', weekday: 3 });
  });
});

describe('isRepeatedWallTime', () => {
  const repeated = (utc: string, zone: string) => isRepeatedWallTime(new Date(utc), zone);

  it('is true for both readings of the hour the clocks go back, and only for them', () => {
    // Chicago, 2026-11-01: 01:00–01:59 happens at 06:00–06:59Z (CDT) and again at 07:00–07:59Z (CST).
    expect(repeated('2026-11-01T06:00:00Z', 'America/Chicago')).toBe(true);
    expect(repeated('2026-11-01T07:00:00Z', 'America/Chicago')).toBe(true);
    expect(repeated('2026-11-01T07:59:59Z', 'America/Chicago')).toBe(true);
    expect(repeated('2026-11-01T05:59:00Z', 'America/Chicago')).toBe(false); // 00:59 CDT
    expect(repeated('2026-11-01T08:00:00Z', 'America/Chicago')).toBe(false); // 02:00 CST
    expect(repeated('2026-11-02T06:30:00Z', 'America/Chicago')).toBe(false); // a day later
  });

  it('is false around the spring-forward gap and in zones without daylight saving', () => {
    expect(repeated('2026-03-08T07:59:00Z', 'America/Chicago')).toBe(false); // 01:59 CST
    expect(repeated('2026-03-08T08:00:00Z', 'America/Chicago')).toBe(false); // 03:00 CDT
    expect(repeated('2026-11-01T08:30:00Z', 'America/Phoenix')).toBe(false);
    expect(repeated('2026-11-01T06:30:00Z', 'UTC')).toBe(false);
  });

  it("follows each zone to its own night: London, and Lord Howe's half hour", () => {
    expect(repeated('2026-10-25T00:30:00Z', 'Europe/London')).toBe(true); // 01:30 BST
    expect(repeated('2026-10-25T01:30:00Z', 'Europe/London')).toBe(true); // 01:30 GMT
    expect(repeated('2026-11-01T06:30:00Z', 'Europe/London')).toBe(false);
    // Lord Howe goes back from 02:00 (+11) to 01:30 (+10:30) on 2026-04-05: 01:30–01:59 twice.
    expect(repeated('2026-04-04T14:45:00Z', 'Australia/Lord_Howe')).toBe(true);
    expect(repeated('2026-04-04T15:15:00Z', 'Australia/Lord_Howe')).toBe(true);
    expect(repeated('2026-04-04T14:15:00Z', 'Australia/Lord_Howe')).toBe(false); // 01:15, once
  });
});

const US_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Anchorage'];
const ZONES = [...US_ZONES, 'America/Phoenix', 'Pacific/Honolulu', 'Europe/London', 'Australia/Lord_Howe'];
const US_CHANGES = ['2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'];
const CLOCK_CHANGES: Array<[string, string]> = [
  ...US_ZONES.flatMap((zone) => US_CHANGES.map((date): [string, string] => [zone, date])),
  ...['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'].map((date): [string, string] => ['Europe/London', date]),
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
];
/** A zone and a date near one of its clock changes, or near another zone's (where nothing happens). */
const zoneAndDate = fc.oneof(
  fc.constantFrom(...CLOCK_CHANGES),
  fc.tuple(fc.constantFrom(...ZONES), fc.constantFrom(...CLOCK_CHANGES.map(([, date]) => date))),
);
const pad = (value: number) => String(value).padStart(2, '0');

describe('zonedWallTimeToInstant properties', () => {
  it('round-trips every wall time that exists, and picks the earliest instant showing it', () => {
    let gaps = 0;
    let repeats = 0;
    fc.assert(
      fc.property(
        zoneAndDate,
        fc.constantFrom(0, 0, 0, -1, 1),
        // Weighted towards 01:00–02:59, where every one of these zones changes its clocks.
        fc.oneof(fc.integer({ min: 0, max: 23 * 60 + 59 }), fc.integer({ min: 60, max: 3 * 60 - 1 })),
        ([zone, changeDate], dayShift, minutes) => {
          const date = addDays(changeDate, dayShift);
          const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
          const instant = zonedWallTimeToInstant(date, time, zone);
          const shows = (at: number) => {
            const parts = instantToZonedParts(new Date(at), zone);
            return parts.date === date && parts.time === time;
          };
          if (instant === null) {
            gaps += 1;
            // A gap: the first instant after it must show a later time than the one asked for.
            const after = instantToZonedParts(zonedWallTimeToInstantOrAfterGap(date, time, zone), zone);
            expect(`${after.date} ${after.time}` > `${date} ${time}`).toBe(true);
            return;
          }
          if (shows(instant.getTime() + 60 * 60_000) || shows(instant.getTime() + 30 * 60_000)) repeats += 1;
          expect(instantToZonedParts(instant, zone)).toMatchObject({ date, time, weekday: weekdayOf(date) });
          // The same reading half an hour or an hour earlier would mean this was the later repeat.
          expect(shows(instant.getTime() - 30 * 60_000)).toBe(false);
          expect(shows(instant.getTime() - 60 * 60_000)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
    // Otherwise the property could pass without ever meeting a clock change.
    expect(gaps).toBeGreaterThan(0);
    expect(repeats).toBeGreaterThan(0);
  });
});
