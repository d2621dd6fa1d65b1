import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeeklyWindow, Weekday } from './availability.ts';
import { REPLY_BY_SEARCH_DAYS, replyBy, workingDayMinutes, type BusinessHours } from './reply-by.ts';
import { addDays, instantToZonedParts, zonedWallTimeToInstant } from './time-zones.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const NY = 'America/New_York';

function hoursIn(timeZone: string, overrides: Partial<BusinessHours> = {}): BusinessHours {
  return { timeZone, weekly: [], holidays: [], timeOff: [], ...overrides };
}

const onDays = (weekdays: readonly Weekday[], start: string, end: string): WeeklyWindow[] =>
  weekdays.map((weekday) => ({ weekday, start, end }));
const MON_FRI = [1, 2, 3, 4, 5] as const;
const nineToFive = (timeZone: string) => hoursIn(timeZone, { weekly: onDays(MON_FRI, '09:00', '17:00') });

/** The instant the provider's clock first reads `date` `time`. */
function local(date: string, time: string, timeZone: string): Date {
  const instant = zonedWallTimeToInstant(date, time, timeZone);
  if (!instant) throw new Error(`${date} ${time} is skipped in ${timeZone}`);
  return instant;
}

/** 'YYYY-MM-DD HH:MM' on the provider's clock. */
function onClock(instant: Date, timeZone: string): string {
  const { date, time } = instantToZonedParts(instant, timeZone);
  return `${date} ${time}`;
}

const dueOnClock = (sentDate: string, sentTime: string, hours: BusinessHours) =>
  onClock(replyBy(local(sentDate, sentTime, hours.timeZone), hours), hours.timeZone);

describe('workingDayMinutes', () => {
  it('averages the weekly minutes over the weekdays that have any', () => {
    expect(workingDayMinutes(nineToFive(NY))).toBe(480);
    expect(workingDayMinutes(hoursIn(NY, { weekly: onDays([1, 2, 3, 4], '10:00', '14:00') }))).toBe(240);
    const uneven = [...onDays([1], '09:00', '17:00'), ...onDays([2], '09:00', '10:00')];
    expect(workingDayMinutes(hoursIn(NY, { weekly: uneven }))).toBe(270);
  });

  it('adds up several windows a day, counting overlapping ones once', () => {
    const split = [...onDays(MON_FRI, '09:00', '12:00'), ...onDays(MON_FRI, '13:00', '17:00')];
    expect(workingDayMinutes(hoursIn(NY, { weekly: split }))).toBe(420);
    const overlapping = [...onDays([3], '09:00', '13:00'), ...onDays([3], '12:00', '17:00')];
    expect(workingDayMinutes(hoursIn(NY, { weekly: overlapping }))).toBe(480);
  });

  it('rounds to a whole minute, and is 0 with no weekly hours', () => {
    const tiny = [...onDays([1], '09:00', '09:01'), ...onDays([2], '09:00', '09:02')];
    expect(workingDayMinutes(hoursIn(NY, { weekly: tiny }))).toBe(2);
    expect(workingDayMinutes(hoursIn(NY))).toBe(0);
  });
});

describe('replyBy for a Mon–Fri 09:00–17:00 provider', () => {
  // 2026-01-16 is a Friday; no clock changes nearby.
  const hours = nineToFive(NY);

  it('carries what is left of Friday into Monday', () => {
    // 60 minutes on Friday, the other 420 on Monday.
    expect(dueOnClock('2026-01-16', '16:00', hours)).toBe('2026-01-19 16:00');
    expect(dueOnClock('2026-01-16', '10:00', hours)).toBe('2026-01-19 10:00');
  });

  it('gives a whole working day to a message sent at the week-end, due at Monday’s close', () => {
    expect(dueOnClock('2026-01-17', '00:00', hours)).toBe('2026-01-19 17:00');
    expect(dueOnClock('2026-01-18', '23:59', hours)).toBe('2026-01-19 17:00');
    expect(dueOnClock('2026-01-16', '17:00', hours)).toBe('2026-01-19 17:00');
  });

  it('starts counting at opening time for a message sent before it', () => {
    expect(dueOnClock('2026-01-20', '08:00', hours)).toBe('2026-01-20 17:00');
  });

  it('keeps the seconds of a message sent inside business hours', () => {
    const sentAt = new Date(local('2026-01-20', '10:00', NY).getTime() + 30_000);
    expect(replyBy(sentAt, hours).getTime() - sentAt.getTime()).toBe(DAY_MS);
  });

  it('skips a holiday Monday', () => {
    const withHoliday = { ...hours, holidays: ['2026-01-19'] };
    expect(dueOnClock('2026-01-16', '16:00', withHoliday)).toBe('2026-01-20 16:00');
  });

  it('skips time off covering Monday morning', () => {
    const timeOff = [{ start: local('2026-01-19', '08:00', NY), end: local('2026-01-19', '12:00', NY) }];
    // 60 minutes on Friday, 300 on Monday afternoon, the last 120 on Tuesday.
    expect(dueOnClock('2026-01-16', '16:00', { ...hours, timeOff })).toBe('2026-01-20 11:00');
  });

  it('is due as time off begins when the minutes run out exactly then', () => {
    const timeOff = [{ start: local('2026-01-19', '16:00', NY), end: local('2026-01-20', '12:00', NY) }];
    expect(dueOnClock('2026-01-16', '16:00', { ...hours, timeOff })).toBe('2026-01-19 16:00');
    // 360 minutes on Monday before the time off, the last 120 after it on Tuesday.
    expect(dueOnClock('2026-01-19', '10:00', { ...hours, timeOff })).toBe('2026-01-20 14:00');
  });
});

describe('replyBy with other shapes of hours', () => {
  it('counts only the minutes inside several windows a day', () => {
    const split = [...onDays(MON_FRI, '09:00', '12:00'), ...onDays(MON_FRI, '13:00', '17:00')];
    // 420 minutes: 60 on Friday, 180 Monday morning, 180 Monday afternoon.
    expect(dueOnClock('2026-01-16', '16:00', hoursIn(NY, { weekly: split }))).toBe('2026-01-19 16:00');
  });

  it('runs a window ending 24:00 to midnight', () => {
    const evenings = hoursIn(NY, { weekly: onDays(MON_FRI, '16:00', '24:00') });
    expect(dueOnClock('2026-01-16', '20:00', evenings)).toBe('2026-01-19 20:00');
    // The minutes run out exactly at Monday's close, which the clock shows as Tuesday 00:00.
    expect(dueOnClock('2026-01-17', '00:00', evenings)).toBe('2026-01-20 00:00');
  });

  it('falls back to 24 hours with no weekly hours', () => {
    const sentAt = local('2026-01-16', '16:00', NY);
    expect(replyBy(sentAt, hoursIn(NY)).getTime() - sentAt.getTime()).toBe(DAY_MS);
  });

  it(`falls back to 24 hours when ${REPLY_BY_SEARCH_DAYS} days pass without a working minute`, () => {
    const sentAt = local('2026-01-16', '16:00', NY);
    const timeOff = [{ start: local('2026-01-16', '00:00', NY), end: local('2027-03-01', '00:00', NY) }];
    expect(replyBy(sentAt, { ...nineToFive(NY), timeOff }).getTime() - sentAt.getTime()).toBe(DAY_MS);
    const holidays = Array.from({ length: 400 }, (_, day) => addDays('2026-01-16', day));
    expect(replyBy(sentAt, { ...nineToFive(NY), holidays }).getTime() - sentAt.getTime()).toBe(DAY_MS);
    // A shorter stretch is waited out.
    const shorter = [{ start: local('2026-01-16', '00:00', NY), end: local('2026-12-01', '00:00', NY) }];
    expect(onClock(replyBy(sentAt, { ...nineToFive(NY), timeOff: shorter }), NY)).toBe('2026-12-01 17:00');
  });

  it('refuses hours it cannot read', () => {
    const sentAt = local('2026-01-16', '16:00', NY);
    const bad: BusinessHours[] = [
      hoursIn('Mars/Olympus_Mons', { weekly: onDays([1], '09:00', '17:00') }),
      hoursIn(NY, { weekly: onDays([1], '9:00', '17:00') }),
      hoursIn(NY, { weekly: onDays([1], '24:00', '24:00') }),
      hoursIn(NY, { weekly: onDays([1], '17:00', '09:00') }),
      hoursIn(NY, { weekly: [{ weekday: 7 as Weekday, start: '09:00', end: '17:00' }] }),
      hoursIn(NY, { holidays: ['2026-02-30'] }),
      hoursIn(NY, { timeOff: [{ start: sentAt, end: sentAt }] }),
    ];
    for (const hours of bad) expect(() => replyBy(sentAt, hours)).toThrow(RangeError);
    expect(() => replyBy(new Date(Number.NaN), nineToFive(NY))).toThrow(RangeError);
  });
});

describe('replyBy across daylight-saving changes and unusual zones', () => {
  it('keeps a 09:00 start at 09:00 on the clock after New York springs forward (2026-03-08)', () => {
    const hours = nineToFive(NY);
    expect(dueOnClock('2026-03-06', '16:00', hours)).toBe('2026-03-09 16:00');
    expect(replyBy(local('2026-03-06', '16:00', NY), hours).toISOString()).toBe('2026-03-09T20:00:00.000Z');
    // The week before, the same promise is an hour later in UTC.
    expect(replyBy(local('2026-02-27', '16:00', NY), hours).toISOString()).toBe('2026-03-02T21:00:00.000Z');
    expect(dueOnClock('2026-03-07', '12:00', hours)).toBe('2026-03-09 17:00');
  });

  it('keeps a 09:00 start at 09:00 on the clock after New York falls back (2026-11-01)', () => {
    const hours = nineToFive(NY);
    expect(dueOnClock('2026-10-30', '16:00', hours)).toBe('2026-11-02 16:00');
    expect(replyBy(local('2026-10-30', '16:00', NY), hours).toISOString()).toBe('2026-11-02T21:00:00.000Z');
  });

  it('gives a Sunday window crossing the spring-forward gap an hour less', () => {
    const sundays = hoursIn(NY, { weekly: onDays([0], '00:00', '08:00') });
    // 2026-03-08 00:00–08:00 lasts 7 real hours, so the last hour is due the next Sunday.
    expect(dueOnClock('2026-03-07', '12:00', sundays)).toBe('2026-03-15 01:00');
  });

  it('counts the repeated hour twice in a Sunday window at fall-back', () => {
    const sundays = hoursIn(NY, { weekly: onDays([0], '00:00', '08:00') });
    // 2026-11-01 00:00–08:00 lasts 9 real hours; 480 minutes after 00:00 EDT the clock reads 07:00 EST.
    expect(dueOnClock('2026-10-31', '12:00', sundays)).toBe('2026-11-01 07:00');
  });

  it('counts real minutes in an overnight window through the gap', () => {
    const overnight = hoursIn(NY, {
      weekly: [...onDays([6], '22:00', '24:00'), ...onDays([0], '00:00', '06:00')],
    });
    expect(workingDayMinutes(overnight)).toBe(240);
    // 120 minutes on Saturday night, then 120 real minutes from 00:00 EST, which is 03:00 EDT.
    expect(dueOnClock('2026-03-07', '22:00', overnight)).toBe('2026-03-08 03:00');
  });

  it('can fall due in the second 01:00 of a fall-back night', () => {
    const smallHours = hoursIn(NY, { weekly: onDays([0, 1, 2, 3, 4, 5, 6], '01:00', '02:00') });
    const due = replyBy(local('2026-11-01', '00:30', NY), smallHours);
    expect(due.toISOString()).toBe('2026-11-01T06:00:00.000Z');
    expect(onClock(due, NY)).toBe('2026-11-01 01:00');
  });

  it('works in Pacific/Honolulu, which has no daylight saving', () => {
    const HNL = 'Pacific/Honolulu';
    const sentAt = local('2026-03-06', '16:00', HNL);
    expect(onClock(replyBy(sentAt, nineToFive(HNL)), HNL)).toBe('2026-03-09 16:00');
    // The week-end changes no clock, so Friday 16:00 to Monday 16:00 is exactly three days.
    expect(replyBy(sentAt, nineToFive(HNL)).getTime() - sentAt.getTime()).toBe(3 * DAY_MS);
  });

  it('follows Australia/Lord_Howe’s half-hour changes', () => {
    const LH = 'Australia/Lord_Howe';
    const sundays = hoursIn(LH, { weekly: onDays([0], '00:00', '04:00') });
    // 2026-10-04 springs 02:00 → 02:30: 210 minutes that Sunday, the last 30 a week later.
    expect(dueOnClock('2026-10-03', '12:00', sundays)).toBe('2026-10-11 00:30');
    // 2026-04-05 falls 02:00 → 01:30: 240 real minutes from midnight end at 03:30 on the clock.
    expect(dueOnClock('2026-04-04', '12:00', sundays)).toBe('2026-04-05 03:30');
  });

  it('reads hours on the clock in Asia/Kathmandu (+05:45)', () => {
    const KTM = 'Asia/Kathmandu';
    const hours = hoursIn(KTM, { weekly: onDays(MON_FRI, '10:00', '18:00') });
    const due = replyBy(local('2026-01-16', '17:00', KTM), hours);
    expect(onClock(due, KTM)).toBe('2026-01-19 17:00');
    expect(due.toISOString()).toBe('2026-01-19T11:15:00.000Z');
  });
});

// ---- Properties, checked against a slow reference that walks real time a minute at a time ----

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Pacific/Honolulu',
  'Pacific/Auckland',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];
// Clock changes in 2026–2027 in those zones; about half the messages are sent within days of one.
const CHANGES = [
  ...['2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'], // United States
  ...['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'], // Europe
  ...['2026-04-05', '2026-10-04', '2027-04-04', '2027-10-03'], // Sydney, Lord Howe
  ...['2026-04-05', '2026-09-27', '2027-04-04', '2027-09-26'], // Auckland
  ...['2026-04-05', '2026-09-06', '2027-04-04', '2027-09-05'], // Santiago
];
const FROM_2026 = Date.parse('2026-01-01T00:00:00Z');
const TO_2028 = Date.parse('2028-01-01T00:00:00Z');
const RUNS = { numRuns: 250 };

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

// Window edges drawn often from the small hours (where clocks change) and near midnight.
const quarterHour = fc.oneof(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 88, max: 96 }));

/** Up to three non-overlapping windows on quarter hours, possibly touching, possibly ending 24:00. */
const dayWindows = fc.uniqueArray(quarterHour, { maxLength: 6 }).map((bounds) => {
  const sorted = [...bounds].sort((a, b) => a - b);
  const windows: Array<{ start: string; end: string }> = [];
  for (let index = 0; index + 1 < sorted.length; index += 2) {
    windows.push({ start: clock((sorted[index] ?? 0) * 15), end: clock((sorted[index + 1] ?? 0) * 15) });
  }
  return windows;
});

/** A message time on a whole minute in 2026–2027, often close to a clock change. */
const sentMinute = fc.oneof(
  fc.integer({ min: FROM_2026 / MINUTE_MS, max: TO_2028 / MINUTE_MS - 1 }).map((minute) => minute * MINUTE_MS),
  fc
    .record({ near: fc.constantFrom(...CHANGES), minutes: fc.integer({ min: -4 * 1440, max: 2 * 1440 }) })
    .map(({ near, minutes }) => Date.parse(`${near}T00:00:00Z`) + minutes * MINUTE_MS),
);

type Scenario = { sentAt: Date; hours: BusinessHours };

function scenarioWith(weeklyByDay: fc.Arbitrary<Array<Array<{ start: string; end: string }>>>) {
  return fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      weekly: weeklyByDay,
      sentMs: sentMinute,
      holidays: fc.uniqueArray(fc.integer({ min: -2, max: 14 }), { maxLength: 4 }),
      timeOff: fc.array(fc.record({ at: fc.integer({ min: -1440, max: 8 * 1440 }), minutes: fc.integer({ min: 1, max: 3 * 1440 }) }), {
        maxLength: 3,
      }),
    })
    .map(({ timeZone, weekly, sentMs, holidays, timeOff }): Scenario => {
      const firstDate = instantToZonedParts(new Date(sentMs), timeZone).date;
      const hours: BusinessHours = {
        timeZone,
        weekly: weekly.flatMap((windows, day) => windows.map((window) => ({ weekday: day as Weekday, ...window }))),
        holidays: holidays.map((day) => addDays(firstDate, day)),
        timeOff: timeOff.map(({ at, minutes }) => ({
          start: new Date(sentMs + at * MINUTE_MS),
          end: new Date(sentMs + (at + minutes) * MINUTE_MS),
        })),
      };
      return { sentAt: new Date(sentMs), hours };
    });
}

const anyScenario = scenarioWith(fc.array(dayWindows, { minLength: 7, maxLength: 7 }));
const weekdaysOnly = fc
  .array(dayWindows, { minLength: 5, maxLength: 5 })
  .filter((days) => days.some((windows) => windows.length > 0))
  .map((days) => [[], ...days, []]);
const monToFriScenario = scenarioWith(weekdaysOnly);

const referenceFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at `ms`, as milliseconds read as if UTC; written apart from time-zones.ts. */
function wallClockMs(ms: number, timeZone: string): number {
  let format = referenceFormats.get(timeZone);
  if (!format) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' } as const;
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...fields });
    referenceFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/**
 * Whether each real minute in [fromMs, toMs) is a business minute, by the plain definition: a
 * window on date d opens the first time the provider's clock reaches d start and closes the first
 * time it reaches d end (d+1 00:00 for 24:00). So the clock's high-water mark says which window,
 * if any, a minute lies in, through gaps and repeated hours alike.
 */
function businessMinutes(hours: BusinessHours, fromMs: number, toMs: number): boolean[] {
  const holidays = new Set(hours.holidays.map((date) => Date.parse(`${date}T00:00:00Z`)));
  const windowsOn = (weekday: number) =>
    hours.weekly
      .filter((window) => window.weekday === weekday)
      .map((window) => ({ from: minutesOf(window.start), to: minutesOf(window.end) }));
  const byWeekday = [0, 1, 2, 3, 4, 5, 6].map(windowsOn);
  const minutes: boolean[] = [];
  let highWater = -Infinity;
  let offset = 0;
  // Start a few hours early so the high-water mark has seen any hour the clock is about to repeat.
  for (let at = fromMs - 3 * HOUR_MS; at < toMs; at += MINUTE_MS) {
    // Every change in these zones falls on a quarter hour of UTC.
    if (at % (15 * MINUTE_MS) === 0 || at === fromMs - 3 * HOUR_MS) offset = wallClockMs(at, hours.timeZone) - at;
    highWater = Math.max(highWater, at + offset);
    if (at < fromMs) continue;
    const day = new Date(Math.floor(highWater / DAY_MS) * DAY_MS);
    const minuteOfDay = (highWater - day.getTime()) / MINUTE_MS;
    const inWindow = (byWeekday[day.getUTCDay()] ?? []).some((w) => w.from <= minuteOfDay && minuteOfDay < w.to);
    const off = hours.timeOff.some((span) => span.start.getTime() <= at && at < span.end.getTime());
    minutes.push(inWindow && !holidays.has(day.getTime()) && !off);
  }
  return minutes;
}

const isFallback = ({ sentAt, hours }: Scenario, due: Date) => hours.weekly.length === 0 && due.getTime() === sentAt.getTime() + DAY_MS;

describe('replyBy properties', () => {
  it('is always after the message', () => {
    fc.assert(
      fc.property(anyScenario, ({ sentAt, hours }) => {
        expect(replyBy(sentAt, hours).getTime()).toBeGreaterThan(sentAt.getTime());
      }),
      RUNS,
    );
  });

  it('leaves exactly one working day of business minutes between message and reply, ending on one', () => {
    let counted = 0;
    fc.assert(
      fc.property(anyScenario, (drawn) => {
        const due = replyBy(drawn.sentAt, drawn.hours);
        if (drawn.hours.weekly.length === 0) {
          expect(isFallback(drawn, due)).toBe(true);
          return;
        }
        counted += 1;
        const minutes = businessMinutes(drawn.hours, drawn.sentAt.getTime(), due.getTime());
        expect(minutes.filter(Boolean).length).toBe(workingDayMinutes(drawn.hours));
        // The last minute before the reply is a business minute: the reply falls inside business
        // hours or as a window closes, never in time off or on a holiday.
        expect(minutes.at(-1)).toBe(true);
      }),
      RUNS,
    );
    expect(counted).toBeGreaterThan(150);
  });

  it('never promises an earlier reply to a later message', () => {
    fc.assert(
      fc.property(anyScenario, fc.integer({ min: 0, max: 5 * 1440 }), ({ sentAt, hours }, laterBy) => {
        const later = new Date(sentAt.getTime() + laterBy * MINUTE_MS);
        expect(replyBy(later, hours).getTime()).toBeGreaterThanOrEqual(replyBy(sentAt, hours).getTime());
      }),
      RUNS,
    );
  });

  it('promises the same reply to every message sent over a Mon–Fri provider’s week-end', () => {
    fc.assert(
      fc.property(monToFriScenario, fc.double({ min: 0, max: 1, noNaN: true }), ({ sentAt, hours }, fraction) => {
        const { timeZone } = hours;
        const { date, weekday } = instantToZonedParts(sentAt, timeZone);
        const saturday = addDays(date, 6 - weekday);
        const weekendStart = local(saturday, '00:00', timeZone);
        const weekendEnd = local(addDays(saturday, 2), '00:00', timeZone);
        const during = weekendStart.getTime() + Math.floor(fraction * (weekendEnd.getTime() - weekendStart.getTime()));
        expect(replyBy(new Date(Math.min(during, weekendEnd.getTime() - 1)), hours)).toEqual(replyBy(weekendStart, hours));
      }),
      RUNS,
    );
  });
});
