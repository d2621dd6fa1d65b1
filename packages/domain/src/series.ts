// A weekly or every-other-week series keeps its wall-clock time in the client's zone: a 6 PM
// Tuesday session stays at 6 PM when the clocks change, so the instants between sessions are not
// always a whole number of weeks apart.
import { addDays, instantToZonedParts, zonedWallTimeToInstantOrAfterGap } from './time-zones.ts';

export function weeklySeries(first: Date, timeZone: string, everyWeeks: 1 | 2, count: number): Date[] {
  const { date, time } = instantToZonedParts(first, timeZone);
  return Array.from({ length: count }, (_, index) =>
    index === 0 ? first : zonedWallTimeToInstantOrAfterGap(addDays(date, index * everyWeeks * 7), time, timeZone),
  );
}
