// When a demo provider works: messaging hours (their reply-by clock) and live-session availability,
// both as wall times in their own zone. Windows on one day come from separate parts of the day
// (morning ends by noon, afternoon runs 12:00–17:00, evening starts at 17:00), so they never overlap.
import type { AvailabilityInput, WeeklyWindow } from '@haven/contract';
import type { Rng } from './rng.ts';

type Span = readonly [start: string, end: string];

const MESSAGING_HOURS: Span[] = [
  ['09:00', '17:00'],
  ['08:00', '16:00'],
  ['10:00', '18:00'],
  ['08:30', '16:30'],
  ['12:00', '20:00'],
  ['07:00', '15:00'],
  ['11:00', '19:00'],
];
const MESSAGING_WEIGHTS = [6, 3, 3, 2, 1, 1, 1];

const MORNING: Span[] = [
  ['08:00', '12:00'],
  ['09:00', '12:00'],
  ['07:00', '10:00'],
  ['09:00', '11:30'],
];
const AFTERNOON: Span[] = [
  ['13:00', '17:00'],
  ['12:00', '16:00'],
  ['12:30', '16:30'],
  ['14:00', '17:00'],
];
const EVENING: Span[] = [
  ['17:00', '21:00'],
  ['18:00', '21:00'],
  ['17:30', '20:30'],
];
const WEEKEND_MORNING: Span[] = [
  ['09:00', '12:00'],
  ['10:00', '13:00'],
  ['08:00', '11:00'],
];

const WEEKDAYS = [1, 2, 3, 4, 5];
const SATURDAY = 6;
const SUNDAY = 0;

function window(weekday: number, [start, end]: Span): WeeklyWindow {
  return { weekday, start, end };
}

function plusHours(time: string, hours: number): string {
  const [hh = '0', mm = '00'] = time.split(':');
  return `${String(Number(hh) + hours).padStart(2, '0')}:${mm}`;
}

/** Monday to Friday, the same hours each day; some finish early on Fridays, some add a Saturday morning. */
export function drawBusinessHours(rng: Rng): WeeklyWindow[] {
  const span = rng.weightedPick(MESSAGING_HOURS, MESSAGING_WEIGHTS);
  const shortFriday = rng.chance(0.2);
  const hours = WEEKDAYS.map((weekday) =>
    weekday === 5 && shortFriday ? window(weekday, [span[0], plusHours(span[0], 4)]) : window(weekday, span),
  );
  if (rng.chance(0.15)) hours.push(window(SATURDAY, ['09:00', '13:00']));
  return hours;
}

function drawSessionLengths(rng: Rng): number[] {
  const usual = rng.chance(0.7) ? 50 : 60;
  const lengths = new Set([usual]);
  if (rng.chance(0.25)) lengths.add(30);
  if (rng.chance(0.15)) lengths.add(45);
  if (rng.chance(0.2)) lengths.add(usual === 50 ? 60 : 50);
  if (rng.chance(0.1)) lengths.add(90);
  return [...lengths].sort((a, b) => a - b);
}

/** 2–5 weekdays with one or two windows each; some evenings, some weekend mornings. */
export function drawAvailability(rng: Rng): AvailabilityInput {
  const worksEvenings = rng.chance(0.35);
  const days = rng.sample(WEEKDAYS, rng.int(2, 5)).sort((a, b) => a - b);
  const weekly: WeeklyWindow[] = [];
  for (const weekday of days) {
    const parts = worksEvenings ? [EVENING, rng.pick([MORNING, AFTERNOON])] : rng.sample([MORNING, AFTERNOON], 2);
    const count = rng.chance(0.4) ? 2 : 1;
    const spans = parts.slice(0, count).map((part) => rng.pick(part));
    spans.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    weekly.push(...spans.map((span) => window(weekday, span)));
  }
  if (rng.chance(0.15)) {
    const weekendDay = rng.chance(0.7) ? SATURDAY : SUNDAY;
    const span = window(weekendDay, rng.pick(WEEKEND_MORNING));
    if (weekendDay === SUNDAY) weekly.unshift(span);
    else weekly.push(span);
  }
  return {
    weekly,
    exceptions: [],
    sessionLengths: drawSessionLengths(rng),
    bufferMinutes: rng.weightedPick([0, 10, 15], [2, 5, 3]),
    minNoticeHours: rng.weightedPick([12, 24, 48], [2, 5, 2]),
  };
}
