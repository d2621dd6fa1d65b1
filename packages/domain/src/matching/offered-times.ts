// Which parts of the day a provider's weekly hours cover, seen from the client's time zone: a
// provider in New York working 18:00–21:00 has evening hours for a client in New York but
// afternoon hours for one in Los Angeles. Used as the `offeredTimes` the fit score compares with
// the client's preferred times.
import type { WeeklyWindow } from '../availability.ts';
import { addDays, instantToZonedParts, weekdayOf, zonedWallTimeToInstantOrAfterGap } from '../time-zones.ts';
import type { TimeOfDay } from './types.ts';

/** Weekday parts of the day, in local minutes after midnight; Saturday and Sunday are "weekend". */
const PARTS: ReadonlyArray<readonly [TimeOfDay, number, number]> = [
  ['morning', 6 * 60, 12 * 60],
  ['afternoon', 12 * 60, 17 * 60],
  ['evening', 17 * 60, 22 * 60],
];
/** Less than this much overlap with a part of the day does not count as offering it. */
const MIN_OVERLAP_MINUTES = 60;
const MINUTE_MS = 60_000;

/**
 * The parts of the day the provider's weekly windows cover in `clientZone`, judged over the week
 * starting on `weekStart` (a local date; pass today's so daylight saving is current).
 */
export function offeredTimesOfDay(
  weekly: readonly WeeklyWindow[],
  providerZone: string,
  clientZone: string,
  weekStart: string,
): TimeOfDay[] {
  const covered = new Map<TimeOfDay, number>();
  const add = (part: TimeOfDay, minutes: number) => covered.set(part, (covered.get(part) ?? 0) + minutes);
  for (let day = 0; day < 7; day += 1) {
    const date = addDays(weekStart, day);
    for (const window of weekly.filter((w) => w.weekday === weekdayOf(date))) {
      const start = zonedWallTimeToInstantOrAfterGap(date, window.start, providerZone);
      const end =
        window.end === '24:00'
          ? zonedWallTimeToInstantOrAfterGap(addDays(date, 1), '00:00', providerZone)
          : zonedWallTimeToInstantOrAfterGap(date, window.end, providerZone);
      // Walk the window in client-local hours (a window may cross the client's midnight).
      for (let at = start.getTime(); at < end.getTime();) {
        const local = instantToZonedParts(new Date(at), clientZone);
        const minuteOfDay = Number(local.time.slice(0, 2)) * 60 + Number(local.time.slice(3));
        const step = Math.min(60 - (minuteOfDay % 60), (end.getTime() - at) / MINUTE_MS);
        if (local.weekday === 0 || local.weekday === 6) add('weekend', step);
        else {
          const part = PARTS.find(([, from, to]) => minuteOfDay >= from && minuteOfDay < to);
          if (part) add(part[0], step);
        }
        at += step * MINUTE_MS;
      }
    }
  }
  const order: TimeOfDay[] = ['morning', 'afternoon', 'evening', 'weekend'];
  return order.filter((part) => (covered.get(part) ?? 0) >= MIN_OVERLAP_MINUTES);
}
