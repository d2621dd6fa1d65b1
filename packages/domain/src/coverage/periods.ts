// Monthly billing periods for direct plans (PRODUCT §2.2): a plan started on the 14th renews on
// the 14th of each month. Anchors are capped at the 28th so every month has the day.
import { isCalendarDate } from '../time-zones.ts';

export type Period = { start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number) => {
  const normalised = new Date(Date.UTC(year, month - 1, day));
  return `${normalised.getUTCFullYear()}-${pad(normalised.getUTCMonth() + 1)}-${pad(normalised.getUTCDate())}`;
};

/** The day of the month periods start on, for a plan that began on `startDate`. */
export function anchorDayOf(startDate: string): number {
  return Math.min(28, Number(startDate.slice(8, 10)));
}

/** The period containing `day`: from its anchor day (inclusive) to the next one (exclusive). */
export function periodContaining(day: string, anchorDay: number): Period {
  if (!isCalendarDate(day)) throw new RangeError(`"${day}" is not a calendar date.`);
  if (!Number.isInteger(anchorDay) || anchorDay < 1 || anchorDay > 28) throw new RangeError(`An anchor day is 1–28, got ${anchorDay}.`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const startMonth = date >= anchorDay ? month : month - 1;
  return { start: dateOf(year, startMonth, anchorDay), end: dateOf(year, startMonth + 1, anchorDay) };
}

/** The period after the one containing `day`. */
export function nextPeriod(day: string, anchorDay: number): Period {
  return periodContaining(periodContaining(day, anchorDay).end, anchorDay);
}
