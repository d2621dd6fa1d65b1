// Calendar and time-zone arithmetic on Intl alone (Node 20 has no Temporal).
// Dates are 'YYYY-MM-DD' and wall times 'HH:MM', always in a named IANA zone.

export type ZonedParts = { date: string; time: string; weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6 };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // hourCycle 'h23' rather than hour12:false: the latter prints midnight as "24" in some ICU versions.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isIanaTimeZone(timeZone: string): boolean {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // Intl also takes POSIX-style names such as "EST5EDT" and accepts any letter case;
  // a stored zone should be a real Area/Location name spelled the way Intl spells it.
  if (resolved.toLowerCase() === timeZone.toLowerCase() && resolved !== timeZone) return false;
  return timeZone === 'UTC' || timeZone.includes('/');
}

/** Milliseconds since the epoch for a civil date and time read as if it were UTC. */
function civilMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  // Date.UTC maps years 0–99 to 1900–1999, so set the full year explicitly.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function parseDate(date: string): { year: number; month: number; day: number } | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-trip through the calendar so 2026-02-30 is refused rather than rolled over.
  if (formatCivilDate(civilMs(year, month, day)) !== date) return null;
  return { year, month, day };
}

function parseTime(time: string): { hour: number; minute: number } | null {
  const match = TIME_PATTERN.exec(time);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export function isCalendarDate(date: string): boolean {
  return parseDate(date) !== null;
}

function requireDate(date: string): { year: number; month: number; day: number } {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  return parsed;
}

function formatCivilDate(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = requireDate(date);
  return formatCivilDate(civilMs(year, month, day + days));
}

export function weekdayOf(date: string): ZonedParts['weekday'] {
  const { year, month, day } = requireDate(date);
  return new Date(civilMs(year, month, day)).getUTCDay() as ZonedParts['weekday'];
}

/** The wall clock in `timeZone` at `instantMs`, as milliseconds read as if UTC (seconds precision). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return civilMs(year, month, day, hour, minute, second);
}

/** UTC offset in force at an instant, in milliseconds (zone ahead of UTC is positive). */
function offsetAt(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

export function instantToZonedParts(instant: Date, timeZone: string): ZonedParts {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  const date = formatCivilDate(wall.getTime());
  const time = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
  return { date, time, weekday: wall.getUTCDay() as ZonedParts['weekday'] };
}

/**
 * How a wall time maps to instants: once, or twice where the clocks go back (`repeated`, and
 * `instantMs` is the earlier); or never where they go forward, and then where the gap ends.
 */
type WallTimeResolution = { kind: 'exists'; instantMs: number; repeated: boolean } | { kind: 'gap'; gapEndMs: number };

function resolveWallTime(date: string, time: string, timeZone: string): WallTimeResolution {
  const { year, month, day } = requireDate(date);
  const clock = parseTime(time);
  if (!clock) throw new RangeError(`"${time}" is not a wall time (HH:MM, 00:00–23:59).`);
  const wallMs = civilMs(year, month, day, clock.hour, clock.minute);

  // Offsets a day either side cover both sides of any transition near this wall time;
  // the offset at each first guess catches a zone whose offset changed twice in between.
  const offsets = new Set([offsetAt(wallMs - DAY_MS, timeZone), offsetAt(wallMs + DAY_MS, timeZone)]);
  for (const offset of [...offsets]) offsets.add(offsetAt(wallMs - offset, timeZone));

  const matches = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((candidate) => wallClockMs(candidate, timeZone) === wallMs)
    .sort((a, b) => a - b);
  const [earliest] = matches;
  if (earliest !== undefined) return { kind: 'exists', instantMs: earliest, repeated: matches.length > 1 };

  // Spring-forward gap: the transition lies between the two readings; find it to the second.
  let before = wallMs - Math.max(...offsets);
  let after = wallMs - Math.min(...offsets);
  const offsetAfter = offsetAt(after, timeZone);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === offsetAfter) after = middle;
    else before = middle;
  }
  return { kind: 'gap', gapEndMs: after };
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time` (a repeated time read as
 * in zonedWallTimeToInstantOrAfterGap), or null when the clock skips that time.
 */
export function zonedWallTimeToInstant(date: string, time: string, timeZone: string): Date | null {
  const resolution = resolveWallTime(date, time, timeZone);
  return resolution.kind === 'exists' ? new Date(resolution.instantMs) : null;
}

/**
 * Haven's one rule for a wall time that a clock change skips or repeats, used wherever a wall time
 * becomes an instant — open slots, weekly series, reply-by, and the browser reading what a person
 * typed — so a time previewed in the browser is the time booked on the server:
 * - repeated (clocks go back): the earlier instant, the first time the clock shows it;
 * - skipped (clocks go forward): the first instant after the gap, so 02:30 on the spring-forward
 *   night in New York is 03:00 EDT (not Temporal's "compatible" 03:30).
 */
export function zonedWallTimeToInstantOrAfterGap(date: string, time: string, timeZone: string): Date {
  const resolution = resolveWallTime(date, time, timeZone);
  return new Date(resolution.kind === 'exists' ? resolution.instantMs : resolution.gapEndMs);
}

/**
 * Whether the wall clock in `timeZone` shows the same date and minute as at `instant` at another
 * instant too (the repeated hour when clocks go back): such a time needs its zone abbreviation
 * ("1:30 AM CDT" / "1:30 AM CST") for two choices not to read the same.
 */
export function isRepeatedWallTime(instant: Date, timeZone: string): boolean {
  const { date, time } = instantToZonedParts(instant, timeZone);
  const resolution = resolveWallTime(date, time, timeZone);
  return resolution.kind === 'exists' && resolution.repeated;
}
