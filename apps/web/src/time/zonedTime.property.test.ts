// The browser previews a chosen wall time at the instant the server will book: the web's reading of
// a datetime-local value and the domain's reading used by open slots and weekly series must agree on
// every wall time, including those a clock change skips or repeats.
import { zonedWallTimeToInstantOrAfterGap } from '@haven/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantFromWallTime } from './zonedTime.ts';

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix', 'Europe/London'];
const YEAR_START = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;
const DAYS_IN_YEAR = 365;

// Half the draws land on a US or UK clock-change date and in its small hours, where the readings can differ.
const CHANGE_DAYS = ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01'].map((date) => (Date.parse(date) - YEAR_START) / DAY_MS);

const pad = (value: number) => String(value).padStart(2, '0');
const dateOf = (dayOfYear: number) => new Date(YEAR_START + dayOfYear * DAY_MS).toISOString().slice(0, 10);
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function bothReadings(date: string, time: string, zone: string) {
  return {
    web: instantFromWallTime(`${date}T${time}`, zone)?.toISOString() ?? null,
    server: zonedWallTimeToInstantOrAfterGap(date, time, zone).toISOString(),
  };
}

/** UTC offset as Intl names it ("GMT-05:00"): found independently of both functions under test. */
function offsetName(instant: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

// These zones change their clocks between 01:00 and 03:00: every minute of the small hours, then every quarter hour.
const MINUTES_CHECKED = Array.from({ length: 24 * 60 }, (_, minute) => minute).filter((minute) => minute < 6 * 60 || minute % 15 === 0);

/** The dates in 2026 on either side of each of the zone's offset changes. */
function datesAroundChanges(zone: string): string[] {
  const dates: string[] = [];
  for (let day = 0; day < DAYS_IN_YEAR; day += 1) {
    const noon = YEAR_START + day * DAY_MS + DAY_MS / 2;
    if (offsetName(noon, zone) !== offsetName(noon + DAY_MS, zone)) dates.push(dateOf(day), dateOf(day + 1));
  }
  return dates;
}

describe('the web and the server read a wall time at the same instant', () => {
  it('for wall times sampled across 2026 in six zones, clock-change nights drawn often', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.oneof(fc.integer({ min: 0, max: DAYS_IN_YEAR - 1 }), fc.constantFrom(...CHANGE_DAYS)),
        fc.oneof(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 60, max: 3 * 60 - 1 })),
        (zone, day, minutes) => {
          const { web, server } = bothReadings(dateOf(day), clock(minutes), zone);
          expect(web).toBe(server);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it.each(ZONES)('for the days around each clock change in %s', (zone) => {
    const dates = datesAroundChanges(zone);
    expect(dates.length).toBe(zone === 'America/Phoenix' ? 0 : 4);
    for (const date of dates) {
      for (const minutes of MINUTES_CHECKED) {
        const time = clock(minutes);
        const { web, server } = bothReadings(date, time, zone);
        if (web !== server) expect({ date, time, zone, web }).toEqual({ date, time, zone, web: server });
      }
    }
  });
});
