// The reply-by promise: when a provider owes an answer to a client's message. Business hours are
// wall-clock windows in the provider's own zone, so a daylight-saving change never moves a 09:00
// start; the time that counts is real elapsed time inside those windows.
import { wallTimeMinutes, type TimeOff, type WallTime, type WeeklyWindow } from './availability.ts';
import { addDays, instantToZonedParts, isCalendarDate, isIanaTimeZone, weekdayOf, zonedWallTimeToInstantOrAfterGap } from './time-zones.ts';

export type BusinessHours = {
  /** The provider's IANA zone; the weekly windows and holidays are read on its clock. */
  timeZone: string;
  /** Several windows a day are fine; overlapping or touching ones count once. */
  weekly: WeeklyWindow[];
  /** Local dates ('YYYY-MM-DD') with no business hours at all. */
  holidays: string[];
  timeOff: TimeOff[];
};

/** Days in a row without a single working minute after which the hours are taken to be unusable. */
export const REPLY_BY_SEARCH_DAYS = 370;

const MINUTE_MS = 60_000;
const FALLBACK_MS = 24 * 60 * MINUTE_MS;
const END_OF_DAY = 24 * 60;

/** A window on the clock, in minutes after local midnight; `to` may be 1440 (24:00). */
type ClockWindow = { from: number; to: number };
/** A stretch of real time, in epoch milliseconds, `to` excluded. */
type Span = { from: number; to: number };
type Plan = { timeZone: string; byWeekday: ClockWindow[][]; holidays: Set<string>; timeOff: Span[] };

const clock = (minutes: number): WallTime =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function requireClockWindow(window: WeeklyWindow): ClockWindow {
  if (!Number.isInteger(window.weekday) || window.weekday < 0 || window.weekday > 6) {
    throw new RangeError(`Weekday ${String(window.weekday)} is not a day of the week (0 = Sunday … 6 = Saturday).`);
  }
  const from = wallTimeMinutes(window.start);
  const to = wallTimeMinutes(window.end, true);
  if (from === null) throw new RangeError(`"${window.start}" is not a start time (HH:MM, 00:00–23:59).`);
  if (to === null) throw new RangeError(`"${window.end}" is not an end time (HH:MM, or 24:00 for midnight).`);
  if (from >= to) throw new RangeError(`The window ${window.start}–${window.end} must end after it starts.`);
  return { from, to };
}

/** Each weekday's windows, sorted and merged, so no minute of the clock is counted twice. */
function clockWindowsByWeekday(weekly: WeeklyWindow[]): ClockWindow[][] {
  const byWeekday: ClockWindow[][] = [[], [], [], [], [], [], []];
  for (const window of weekly) {
    const checked = requireClockWindow(window);
    byWeekday[window.weekday]?.push(checked);
  }
  return byWeekday.map((windows) => {
    const merged: ClockWindow[] = [];
    for (const window of [...windows].sort((a, b) => a.from - b.from)) {
      const last = merged.at(-1);
      if (last && window.from <= last.to) last.to = Math.max(last.to, window.to);
      else merged.push({ ...window });
    }
    return merged;
  });
}

function averageDayMinutes(byWeekday: ClockWindow[][]): number {
  const workingDays = byWeekday.filter((windows) => windows.length > 0);
  if (workingDays.length === 0) return 0;
  const weekMinutes = workingDays.flat().reduce((sum, window) => sum + window.to - window.from, 0);
  return Math.round(weekMinutes / workingDays.length);
}

/**
 * The business minutes in the provider's average working day: the minutes in their weekly
 * windows divided by the number of weekdays that have any, rounded to the nearest whole minute
 * (Mon–Fri 09:00–17:00 → 480; Mon–Thu 10:00–14:00 → 240). 0 when there are no weekly hours.
 * Counted on the clock, so a daylight-saving change does not alter it.
 */
export function workingDayMinutes(hours: BusinessHours): number {
  return averageDayMinutes(clockWindowsByWeekday(hours.weekly));
}

function planOf(hours: BusinessHours): Plan {
  if (!isIanaTimeZone(hours.timeZone)) throw new RangeError(`"${hours.timeZone}" is not a time zone name.`);
  for (const date of hours.holidays) {
    if (!isCalendarDate(date)) throw new RangeError(`Holiday "${date}" is not a calendar date (YYYY-MM-DD).`);
  }
  const timeOff = hours.timeOff.map((off): Span => {
    const [from, to] = [off.start.getTime(), off.end.getTime()];
    if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('Time off must start and end at real instants.');
    if (to <= from) throw new RangeError('Time off must end after it starts.');
    return { from, to };
  });
  return {
    timeZone: hours.timeZone,
    byWeekday: clockWindowsByWeekday(hours.weekly),
    holidays: new Set(hours.holidays),
    timeOff: timeOff.sort((a, b) => a.from - b.from),
  };
}

/**
 * The instant a window edge falls on: the first time the provider's clock shows it, or the
 * first instant after a spring-forward gap that skips it. 24:00 is the next date's midnight.
 */
function edgeInstant(date: string, minutes: number, timeZone: string): number {
  const at =
    minutes === END_OF_DAY
      ? zonedWallTimeToInstantOrAfterGap(addDays(date, 1), '00:00', timeZone)
      : zonedWallTimeToInstantOrAfterGap(date, clock(minutes), timeZone);
  return at.getTime();
}

/**
 * A date's business hours in real time, in order. A window crossing a spring-forward gap is
 * shorter; one holding a repeated fall-back hour is longer, as the provider lives it twice.
 */
function workingSpansOn(plan: Plan, date: string): Span[] {
  if (plan.holidays.has(date)) return [];
  const windows = plan.byWeekday[weekdayOf(date)] ?? [];
  return windows.map(({ from, to }) => ({
    from: edgeInstant(date, from, plan.timeZone),
    to: edgeInstant(date, to, plan.timeZone),
  }));
}

/** What is left of a span once time off (sorted by start) is taken out. */
function withoutTimeOff(span: Span, timeOff: Span[]): Span[] {
  const pieces: Span[] = [];
  let from = span.from;
  for (const off of timeOff) {
    if (off.from >= span.to) break;
    if (off.to <= from) continue;
    if (off.from > from) pieces.push({ from, to: off.from });
    from = Math.max(from, off.to);
  }
  if (from < span.to) pieces.push({ from, to: span.to });
  return pieces;
}

/**
 * When a reply to a message sent at `sentAt` is due: once one working day of the provider's
 * business time has passed after it.
 *
 * One working day is {@link workingDayMinutes}: the minutes in the weekly windows divided by the
 * number of weekdays that have any, to the nearest minute (Mon–Fri 09:00–17:00 → 480). The reply
 * is due at the instant when that many business minutes have elapsed after `sentAt`, counting only
 * real minutes inside a weekly window on a local date that is not a holiday, and not in time off. Windows are
 * wall-clock times in the provider's zone: a 09:00 start stays 09:00 across daylight-saving
 * changes, a window crossing a spring-forward gap is shorter, and an hour repeated inside a
 * window at fall-back counts twice. So for a Mon–Fri 09:00–17:00 provider, a message sent Friday
 * 16:00 is due Monday 16:00 (60 minutes on Friday, 420 on Monday), one sent at the week-end is due
 * Monday 17:00, and one sent Tuesday 08:00 is due Tuesday 17:00. When the minutes run out exactly
 * as a window closes (or time off begins), the reply is due at that instant.
 *
 * Fallback: with no weekly hours, or when {@link REPLY_BY_SEARCH_DAYS} days in a row pass without a
 * single working minute (a year of holidays or time off), the reply is due 24 hours after `sentAt`.
 *
 * Throws RangeError for an unknown zone, a malformed or empty window, weekday, holiday date or
 * time off, or an invalid `sentAt`.
 */
export function replyBy(sentAt: Date, hours: BusinessHours): Date {
  const sentMs = sentAt.getTime();
  if (Number.isNaN(sentMs)) throw new RangeError('A message must be sent at a real instant.');
  const plan = planOf(hours);
  const fallback = new Date(sentMs + FALLBACK_MS);
  let remainingMs = averageDayMinutes(plan.byWeekday) * MINUTE_MS;
  if (remainingMs === 0) return fallback;

  // Begin the day before: the clock can show the previous date for a while after a midnight
  // fall-back, and the walk must see every window that might still be open at `sentAt`.
  let cursor = sentMs;
  let date = addDays(instantToZonedParts(sentAt, plan.timeZone).date, -1);
  let lastWorkedDay = 0;
  for (let day = 0; day - lastWorkedDay <= REPLY_BY_SEARCH_DAYS; day += 1, date = addDays(date, 1)) {
    for (const span of workingSpansOn(plan, date)) {
      for (const piece of withoutTimeOff(span, plan.timeOff)) {
        const from = Math.max(piece.from, cursor);
        if (from >= piece.to) continue;
        if (piece.to - from >= remainingMs) return new Date(from + remainingMs);
        remainingMs -= piece.to - from;
        cursor = piece.to;
        lastWorkedDay = day;
      }
    }
  }
  return fallback;
}
