/** Lengths of time as people say them: "42 s", "3 min", "2 h 5 min", "1.5 days". */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in the largest unit that reads naturally; the words are the i18n layer's. */
export type DurationWords =
  | { unit: 'seconds'; value: number }
  | { unit: 'minutes'; value: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'days'; value: number };

export function durationWords(totalSeconds: number): DurationWords {
  const seconds = Math.max(0, totalSeconds);
  // Each unit is rounded first, so that 59.6 s reads "1 min" rather than "60 s".
  if (Math.round(seconds) < MINUTE) return { unit: 'seconds', value: Math.round(seconds) };
  const minutes = Math.round(seconds / MINUTE);
  if (minutes < 60) return { unit: 'minutes', value: minutes };
  if (minutes < 24 * 60) return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return { unit: 'days', value: Math.round((seconds / DAY) * 10) / 10 };
}

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'month';

/** How long ago (negative) or ahead, in the unit Intl.RelativeTimeFormat should say it in. */
export function relativeTime(secondsFromNow: number): { value: number; unit: RelativeUnit } {
  const size = Math.abs(secondsFromNow);
  const sign = secondsFromNow < 0 ? -1 : 1;
  const inUnit = (unitSeconds: number) => sign * Math.floor(size / unitSeconds);
  if (size < MINUTE) return { value: inUnit(1), unit: 'second' };
  if (size < HOUR) return { value: inUnit(MINUTE), unit: 'minute' };
  if (size < DAY) return { value: inUnit(HOUR), unit: 'hour' };
  if (size < 30 * DAY) return { value: inUnit(DAY), unit: 'day' };
  return { value: inUnit(30 * DAY), unit: 'month' };
}
