import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSlots, windowsOn, type Availability, type AvailabilityWindow, type Slot, type Weekday } from './availability.ts';
import { addDays, instantToZonedParts, zonedWallTimeToInstant } from './time-zones.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'Europe/London',
];
// US and UK clock changes in 2026 and 2027: every range starts within a few days of one.
const US_CHANGES = ['2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'];
const UK_CHANGES = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];
const RUNS = { numRuns: 200 };

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Window edges drawn often from the small hours (where clocks change) and from midnight (where one
// day's last slot meets the next day's first).
const quarterHour = fc.oneof(
  fc.integer({ min: 0, max: 96 }),
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 88, max: 96 }),
  fc.constantFrom(0, 96),
);

/** Up to three non-overlapping windows on quarter hours, possibly touching, possibly ending at 24:00. */
const dayWindows = fc.uniqueArray(quarterHour, { maxLength: 6 }).map((bounds): AvailabilityWindow[] => {
  const sorted = [...bounds].sort((a, b) => a - b);
  const windows: AvailabilityWindow[] = [];
  for (let index = 0; index + 1 < sorted.length; index += 2) {
    windows.push({ start: clock((sorted[index] ?? 0) * 15), end: clock((sorted[index + 1] ?? 0) * 15) });
  }
  return windows;
});

/** Minutes after the range starts, and how long: for time off and booked sessions. */
const interval = fc.record({
  at: fc.integer({ min: -1440, max: 6 * 1440 }),
  minutes: fc.integer({ min: 15, max: 600 }),
});

type Scenario = { availability: Availability; lengthMinutes: number; range: { from: Date; to: Date }; busy: Slot[] };

const scenario = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekly: fc.array(dayWindows, { minLength: 7, maxLength: 7 }),
    exceptions: fc.uniqueArray(fc.record({ day: fc.integer({ min: -1, max: 7 }), windows: dayWindows }), {
      maxLength: 3,
      selector: (exception) => exception.day,
    }),
    lengthMinutes: fc.constantFrom(15, 20, 25, 30, 45, 50, 60, 90),
    bufferMinutes: fc.constantFrom(0, 0, 5, 10, 15, 30),
    near: fc.constantFrom(...US_CHANGES, ...UK_CHANGES),
    startMinutes: fc.integer({ min: -3 * 1440, max: 1440 }),
    durationMinutes: fc.integer({ min: 60, max: 6 * 1440 }),
    timeOff: fc.array(interval, { maxLength: 3 }),
    busy: fc.array(interval, { maxLength: 4 }),
  })
  .map((drawn): Scenario => {
    const from = new Date(Date.parse(`${drawn.near}T00:00:00Z`) + drawn.startMinutes * MINUTE_MS);
    const to = new Date(from.getTime() + drawn.durationMinutes * MINUTE_MS);
    const at = ({ at: offset, minutes }: { at: number; minutes: number }): Slot => ({
      start: new Date(from.getTime() + offset * MINUTE_MS),
      end: new Date(from.getTime() + (offset + minutes) * MINUTE_MS),
    });
    const firstDate = instantToZonedParts(from, drawn.timeZone).date;
    const availability: Availability = {
      timeZone: drawn.timeZone,
      weekly: drawn.weekly.flatMap((windows, weekday) => windows.map((window) => ({ weekday: weekday as Weekday, ...window }))),
      exceptions: drawn.exceptions.map(({ day, windows }) => ({ date: addDays(firstDate, day), windows })),
      timeOff: drawn.timeOff.map(at),
      bufferMinutes: drawn.bufferMinutes,
    };
    return { availability, lengthMinutes: drawn.lengthMinutes, range: { from, to }, busy: drawn.busy.map(at) };
  });

const slotsOf = ({ availability, lengthMinutes, range, busy }: Scenario, over = range) =>
  openSlots(availability, lengthMinutes, over, busy);
const overlaps = (a: Slot, b: Slot, marginMs = 0) =>
  a.start.getTime() < b.end.getTime() + marginMs && b.start.getTime() - marginMs < a.end.getTime();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

describe('openSlots properties', () => {
  it('starts every slot inside one of its local date’s windows, on the right weekday', () => {
    fc.assert(
      fc.property(scenario, (drawn) => {
        const { timeZone } = drawn.availability;
        // Intl's own weekday, so the check does not lean on the code under test.
        const weekdayName = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
        for (const slot of slotsOf(drawn)) {
          const { date, time, weekday } = instantToZonedParts(slot.start, timeZone);
          expect(WEEKDAYS[weekday]).toBe(weekdayName.format(slot.start));
          const exception = drawn.availability.exceptions.find((candidate) => candidate.date === date);
          const weekly = drawn.availability.weekly.filter((window) => window.weekday === weekday);
          const windows = exception ? exception.windows : weekly;
          expect(
            windows.some((window) => window.start <= time && time < window.end),
            `${date} ${time}`,
          ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('makes every slot last exactly its length in real minutes, inside the range', () => {
    fc.assert(
      fc.property(scenario, (drawn) => {
        for (const slot of slotsOf(drawn)) {
          expect(slot.end.getTime() - slot.start.getTime()).toBe(drawn.lengthMinutes * MINUTE_MS);
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(drawn.range.from.getTime());
          expect(slot.end.getTime()).toBeLessThanOrEqual(drawn.range.to.getTime());
        }
      }),
      RUNS,
    );
  });

  it('returns slots in order, never overlapping, at least the buffer apart', () => {
    fc.assert(
      fc.property(scenario, (drawn) => {
        const slots = slotsOf(drawn);
        const bufferMs = drawn.availability.bufferMinutes * MINUTE_MS;
        slots.slice(1).forEach((slot, index) => {
          const previous = slots[index];
          expect(previous && slot.start.getTime() >= previous.end.getTime() + bufferMs).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('keeps clear of time off, and of booked sessions plus the buffer', () => {
    fc.assert(
      fc.property(scenario, (drawn) => {
        const bufferMs = drawn.availability.bufferMinutes * MINUTE_MS;
        for (const slot of slotsOf(drawn)) {
          expect(drawn.availability.timeOff.some((off) => overlaps(slot, off))).toBe(false);
          expect(drawn.busy.some((taken) => overlaps(slot, taken, bufferMs))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('gives the same slots for a range as for its two halves split at a local midnight', () => {
    let splits = 0;
    fc.assert(
      fc.property(scenario, fc.nat(), (drawn, pick) => {
        const { timeZone } = drawn.availability;
        const { from, to } = drawn.range;
        const midnights: Date[] = [];
        for (let date = addDays(instantToZonedParts(from, timeZone).date, 1); ; date = addDays(date, 1)) {
          const midnight = zonedWallTimeToInstant(date, '00:00', timeZone);
          if (!midnight || midnight.getTime() >= to.getTime()) break;
          midnights.push(midnight);
        }
        const middle = midnights[pick % Math.max(1, midnights.length)];
        if (!middle) return;
        splits += 1;
        const halves = [...slotsOf(drawn, { from, to: middle }), ...slotsOf(drawn, { from: middle, to })];
        expect(halves).toEqual(slotsOf(drawn));
      }),
      RUNS,
    );
    expect(splits).toBeGreaterThan(100);
  });

  it('on a day without a clock change, offers exactly the wall-clock arithmetic', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 5 }), (drawn, day) => {
        const availability = { ...drawn.availability, bufferMinutes: 0, timeOff: [] };
        const { timeZone } = availability;
        const date = addDays(instantToZonedParts(drawn.range.from, timeZone).date, day);
        const midnight = zonedWallTimeToInstant(date, '00:00', timeZone);
        const nextMidnight = zonedWallTimeToInstant(addDays(date, 1), '00:00', timeZone);
        if (!midnight || !nextMidnight || nextMidnight.getTime() - midnight.getTime() !== DAY_MS) return;
        const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
        const expected = windowsOn(availability, date)
          .flatMap(({ start, end }) => {
            const starts: number[] = [];
            for (let at = minutesOf(start); at + drawn.lengthMinutes <= minutesOf(end); at += drawn.lengthMinutes) {
              starts.push(at);
            }
            return starts;
          })
          .sort((a, b) => a - b)
          .map(clock);
        const slots = openSlots(availability, drawn.lengthMinutes, { from: midnight, to: nextMidnight });
        expect(slots.map((slot) => instantToZonedParts(slot.start, timeZone).time)).toEqual(expected);
      }),
      RUNS,
    );
  });
});
