const MINUTE = 60_000;
const DAY = 86_400_000;

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock in `timeZone` reads at `instant` (to the minute), written as if it were a UTC time. */
function wallClockAt(instant: number, timeZone: string): number {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockAt(instant, timeZone) - Math.floor(instant / MINUTE) * MINUTE;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which a clock in `timeZone` reads `local` ('YYYY-MM-DDTHH:MM', as a
 * datetime-local input gives it), or null if `local` is not such a time.
 *
 * Daylight saving makes some readings ambiguous, and the rule is the one Temporal calls
 * "compatible": a time that happens twice (clocks go back) is the first of the two; a time that
 * never happens (clocks go forward) is read with the offset from before the change, so 02:30 on
 * the spring-forward night becomes 03:30.
 */
export function instantFromWallTime(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).toISOString().slice(0, 16) !== local) return null;

  // Offsets change at most once a day, so the offsets a day either side cover every reading.
  const candidates = [offsetAt(wall - DAY, timeZone), offsetAt(wall + DAY, timeZone)].map((offset) => wall - offset);
  const exact = candidates.filter((instant) => wallClockAt(instant, timeZone) === wall);
  return new Date(exact.length > 0 ? Math.min(...exact) : (candidates[0] ?? wall));
}

/** The calendar day ('YYYY-MM-DD') that `instant` falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string): string {
  return new Date(wallClockAt(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}
