import { isIanaTimeZone } from './time-zones.ts';

/** A zone to write a time in: the person's own, else UTC, so a time is never written in a zone that does not exist. */
export const zoneOrUtc = (timeZone: string | null | undefined): string => (timeZone && isIanaTimeZone(timeZone) ? timeZone : 'UTC');

/** "Tue 24 Nov at 3:00 PM (America/Chicago)": the zone is named, so the time cannot be misread. */
export function sessionTime(at: Date, timeZone: string | null | undefined): string {
  const zone = zoneOrUtc(timeZone);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month} at ${part.hour}:${part.minute} ${part.dayPeriod} (${zone})`;
}
