import { isCalendarDate, zonedWallTimeToInstantOrAfterGap } from '@haven/domain';

const LOCAL_PATTERN = /^(\d{4}-\d{2}-\d{2})T((?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The instant at which a clock in `timeZone` reads `local` ('YYYY-MM-DDTHH:MM', as a
 * datetime-local input gives it), or null if `local` is not such a time. A time that a clock change
 * skips or repeats is read by the server's own rule (zonedWallTimeToInstantOrAfterGap), so what the
 * browser shows is what gets booked.
 */
export function instantFromWallTime(local: string, timeZone: string): Date | null {
  const match = LOCAL_PATTERN.exec(local);
  const [, date, time] = match ?? [];
  if (date === undefined || time === undefined || !isCalendarDate(date)) return null;
  return zonedWallTimeToInstantOrAfterGap(date, time, timeZone);
}
