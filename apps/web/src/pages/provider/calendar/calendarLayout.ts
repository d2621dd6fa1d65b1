// Where things sit on the provider's calendar: days are the provider's own dates, and a block's
// height follows the wall clock of their time zone, so 09:00 lines up on every day of the week,
// daylight-saving change or not.
import { addDays, instantToZonedParts, wallTimeMinutes, weekdayOf, zonedWallTimeToInstantOrAfterGap } from '@haven/domain';

export type CalendarView = 'week' | 'day';
export type Span = { start: string; end: string };
/** A span placed on one day: minutes after local midnight, `lane` of `lanes` side by side. */
export type Placed<T> = { item: T; startMinute: number; endMinute: number; lane: number; lanes: number };

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** 'YYYY-MM-DD' moved by whole calendar days. */
export const shiftDate = addDays;

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  return shiftDate(date, -((weekdayOf(date) + 6) % 7));
}

/** The dates shown: Monday to Sunday around `anchor`, or the one day. */
export function visibleDates(anchor: string, view: CalendarView): string[] {
  if (view === 'day') return [anchor];
  const monday = mondayOf(anchor);
  return Array.from({ length: 7 }, (_, index) => shiftDate(monday, index));
}

/** The first instant of a local date (after the gap, where a zone skips midnight). */
export function startOfDate(date: string, timeZone: string): Date {
  return zonedWallTimeToInstantOrAfterGap(date, '00:00', timeZone);
}

/** The instants from the first date's start to the start of the day after the last. */
export function rangeOfDates(dates: readonly string[], timeZone: string): { from: string; to: string } {
  const first = dates[0] ?? '1970-01-01';
  const last = dates.at(-1) ?? first;
  return { from: startOfDate(first, timeZone).toISOString(), to: startOfDate(shiftDate(last, 1), timeZone).toISOString() };
}

/** Minutes after midnight on the wall clock of `timeZone`. */
export function clockMinutes(instant: Date, timeZone: string): number {
  return wallTimeMinutes(instantToZonedParts(instant, timeZone).time) ?? 0;
}

/** Overlapping spans go side by side: each cluster of overlaps shares its width between lanes. */
function assignLanes<T>(placed: Omit<Placed<T>, 'lane' | 'lanes'>[]): Placed<T>[] {
  const sorted = [...placed].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  const result: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((entry) => entry.lane + 1));
    for (const entry of cluster) result.push({ ...entry, lanes });
    cluster = [];
  };
  for (const entry of sorted) {
    if (entry.startMinute >= clusterEnd) close();
    const busyLanes = new Set(cluster.filter((other) => other.endMinute > entry.startMinute).map((other) => other.lane));
    let lane = 0;
    while (busyLanes.has(lane)) lane += 1;
    cluster.push({ ...entry, lane, lanes: 1 });
    clusterEnd = Math.max(clusterEnd, entry.endMinute);
  }
  close();
  return result;
}

/** The spans that touch a local date, cut to it and measured on its wall clock. */
export function placeOnDate<T extends Span>(items: readonly T[], date: string, timeZone: string): Placed<T>[] {
  const dayStart = startOfDate(date, timeZone).getTime();
  const dayEnd = startOfDate(shiftDate(date, 1), timeZone).getTime();
  const placed = items.flatMap((item) => {
    const start = Math.max(new Date(item.start).getTime(), dayStart);
    const end = Math.min(new Date(item.end).getTime(), dayEnd);
    if (start >= end) return [];
    const startMinute = start === dayStart ? 0 : clockMinutes(new Date(start), timeZone);
    const clockEnd = end === dayEnd ? DAY_MINUTES : clockMinutes(new Date(end), timeZone);
    // In a repeated hour the clock runs backwards; keep the real length rather than a negative one.
    const endMinute = clockEnd > startMinute ? clockEnd : Math.min(DAY_MINUTES, startMinute + (end - start) / MINUTE_MS);
    return [{ item, startMinute, endMinute }];
  });
  return assignLanes(placed);
}

/** The hours to draw: 08:00–18:00 at least, widened to whole hours around everything shown. */
export function hoursShown(placed: readonly { startMinute: number; endMinute: number }[]): { first: number; last: number } {
  const first = Math.min(8, ...placed.map((entry) => Math.floor(entry.startMinute / 60)));
  const last = Math.max(18, ...placed.map((entry) => Math.ceil(entry.endMinute / 60)));
  return { first, last };
}

/** Today's date where the provider is. */
export const todayIn = (timeZone: string, now: number) => instantToZonedParts(new Date(now), timeZone).date;
