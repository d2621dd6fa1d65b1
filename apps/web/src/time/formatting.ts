/** Dates and times for people, in their language and in the time zone they concern. */
import { isRepeatedWallTime } from '@haven/domain';

/**
 * The zone's abbreviation where the clock shows this time twice (the night clocks go back), so that
 * "1:30 AM CDT" and "1:30 AM CST" never read as the same choice; elsewhere the page names the zone once.
 */
function zoneNameIfRepeated(instant: Date, timeZone: string): Pick<Intl.DateTimeFormatOptions, 'timeZoneName'> {
  return isRepeatedWallTime(instant, timeZone) ? { timeZoneName: 'short' } : {};
}

export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A moment in a table cell, where space is short: "Nov 24, 2026, 7:03 AM". */
export function formatShortDateTime(iso: string, timeZone: string, locale: string): string {
  const instant = new Date(iso);
  // dateStyle/timeStyle cannot be combined with timeZoneName, so a repeated time is spelt out field by field.
  const options: Intl.DateTimeFormatOptions = isRepeatedWallTime(instant, timeZone)
    ? { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(instant);
}

export function formatTimeOfDay(iso: string, timeZone: string, locale: string): string {
  const instant = new Date(iso);
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', ...zoneNameIfRepeated(instant, timeZone) }).format(
    instant,
  );
}

export function formatDayHeading(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(iso));
}

/** A calendar date such as a licence expiry ('YYYY-MM-DD'): the same day wherever it is read. */
export function formatCalendarDate(date: string, locale: string): string {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(parsed);
}

/** A time on the wall clock ('HH:MM', 24:00 being the end of the day), e.g. "9:00 AM". */
export function formatWallTime(time: string, locale: string): string {
  const [hour, minute] = time.split(':').map(Number);
  if (hour === undefined || minute === undefined) return time;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(
    new Date(Date.UTC(2000, 0, 1, hour, minute)),
  );
}

/** A time zone as people say it, with its identifier: "Central Time (America/Chicago)". */
export function describeTimeZone(timeZone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    const name = parts.find((part) => part.type === 'timeZoneName')?.value;
    return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** The reader's own time zone, for times that concern nobody else (an invitation's expiry). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
