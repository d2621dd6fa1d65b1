// A provider's published availability, kept in their own time zone, and the bookable slots it
// yields. Slots are instants, so clients can see them in their own zone; a daylight-saving change
// never moves a 09:00 start, and no instant is ever offered twice.
import { addDays, instantToZonedParts, weekdayOf, zonedWallTimeToInstantOrAfterGap } from './time-zones.ts';

export type WallTime = string; // 'HH:MM', 00:00–24:00 (24:00 allowed only as an end)
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday
export type AvailabilityWindow = { start: WallTime; end: WallTime };
export type WeeklyWindow = { weekday: Weekday } & AvailabilityWindow;
/** Replaces that date's weekly windows; no windows = a day off. */
export type DatedException = { date: string; windows: AvailabilityWindow[] };
export type TimeOff = { start: Date; end: Date };
export type Availability = {
  timeZone: string;
  weekly: WeeklyWindow[];
  exceptions: DatedException[];
  timeOff: TimeOff[];
  bufferMinutes: number;
};
export type Slot = { start: Date; end: Date };

const MINUTE_MS = 60_000;
const END_OF_DAY = 24 * 60;
const WALL_TIME_PATTERN = /^(\d{2}):(\d{2})$/;
// Each day's slots are checked against the previous day's only, so a buffer must not reach further.
export const MAX_BUFFER_MINUTES = 12 * 60;

/** Minutes after local midnight, or null when malformed; 24:00 (1440) only when `asEnd`. */
export function wallTimeMinutes(time: WallTime, asEnd = false): number | null {
  const match = WALL_TIME_PATTERN.exec(time);
  if (!match) return null;
  const [hours, minutesPastHour] = [Number(match[1]), Number(match[2])];
  if (minutesPastHour > 59) return null;
  const minutes = hours * 60 + minutesPastHour;
  return minutes < END_OF_DAY || (asEnd && minutes === END_OF_DAY) ? minutes : null;
}

function requireMinutes(time: WallTime, asEnd: boolean): number {
  const minutes = wallTimeMinutes(time, asEnd);
  if (minutes === null) throw new RangeError(`"${time}" is not a wall time (HH:MM).`);
  return minutes;
}

/** The windows that apply on a local date: its exception if there is one, else that weekday's. */
export function windowsOn(availability: Availability, date: string): AvailabilityWindow[] {
  const exception = availability.exceptions.find((candidate) => candidate.date === date);
  if (exception) return exception.windows;
  const weekday = weekdayOf(date);
  return availability.weekly.filter((window) => window.weekday === weekday);
}

function windowInstants(date: string, window: AvailabilityWindow, timeZone: string): Slot {
  const end =
    window.end === '24:00'
      ? zonedWallTimeToInstantOrAfterGap(addDays(date, 1), '00:00', timeZone)
      : zonedWallTimeToInstantOrAfterGap(date, window.end, timeZone);
  return { start: zonedWallTimeToInstantOrAfterGap(date, window.start, timeZone), end };
}

/** Every slot the date's windows allow, before anything is taken away; sorted by start. */
function candidateSlotsOn(availability: Availability, date: string, lengthMs: number, bufferMs: number): Slot[] {
  const { timeZone } = availability;
  const windows = windowsOn(availability, date).map((window) => ({
    ...windowInstants(date, window, timeZone),
    from: requireMinutes(window.start, false),
    to: requireMinutes(window.end, true),
  }));
  // In a repeated hour real time can run "behind" the window's start on the clock
  // (01:30 EDT is followed by 01:00 EST); the provider did not offer 01:00, so skip it.
  const startsOnTheClock = (at: number) => {
    const local = instantToZonedParts(new Date(at), timeZone);
    const minutes = requireMinutes(local.time, false);
    return local.date === date && windows.some((window) => window.from <= minutes && minutes < window.to);
  };
  const candidates: Slot[] = [];
  for (const { start, end, from, to } of windows) {
    // Equal real and clock lengths mean the clock did not change inside the window (almost
    // every day), so every step is on the clock and asking Intl again would only cost time.
    const steady = end.getTime() - start.getTime() === (to - from) * MINUTE_MS;
    // Step in real elapsed time so a session always lasts its length, whatever the clock does.
    for (let at = start.getTime(); at + lengthMs <= end.getTime(); at += lengthMs + bufferMs) {
      if (steady || startsOnTheClock(at)) candidates.push({ start: new Date(at), end: new Date(at + lengthMs) });
    }
  }
  return candidates.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Earlier slots win: a slot is dropped when it would start inside an earlier one or its buffer. */
function keepBufferApart(sorted: Slot[], bufferMs: number): Slot[] {
  const kept: Slot[] = [];
  for (const slot of sorted) {
    const previous = kept.at(-1);
    if (!previous || slot.start.getTime() >= previous.end.getTime() + bufferMs) kept.push(slot);
  }
  return kept;
}

/** The slots a date offers on its own, at least the buffer apart. */
function slotsOn(availability: Availability, date: string, lengthMs: number, bufferMs: number): Slot[] {
  return keepBufferApart(candidateSlotsOn(availability, date, lengthMs, bufferMs), bufferMs);
}

function overlaps(slot: Slot, other: Slot, marginMs = 0): boolean {
  return slot.start.getTime() < other.end.getTime() + marginMs && other.start.getTime() - marginMs < slot.end.getTime();
}

/**
 * Bookable slots of `lengthMinutes` that lie wholly inside [from, to), sorted, at least the
 * buffer apart, clear of time off and of `busy` slots (plus the buffer either side).
 */
export function openSlots(availability: Availability, lengthMinutes: number, range: { from: Date; to: Date }, busy: Slot[] = []): Slot[] {
  if (!(lengthMinutes > 0 && Number.isFinite(lengthMinutes))) {
    throw new RangeError('A slot must last a positive number of minutes.');
  }
  const buffer = availability.bufferMinutes;
  if (!(buffer >= 0 && buffer <= MAX_BUFFER_MINUTES)) {
    throw new RangeError(`The buffer must be 0–${MAX_BUFFER_MINUTES} minutes.`);
  }
  if (range.from.getTime() >= range.to.getTime()) return [];
  const lengthMs = lengthMinutes * MINUTE_MS;
  const bufferMs = buffer * MINUTE_MS;
  const { timeZone } = availability;

  // Each date's slots are settled against the previous date's own slots only, never against
  // what survived before it, so a slot's fate does not depend on the range asked for:
  // paging through a calendar a week at a time shows the same slots as one long page.
  const lastDate = addDays(instantToZonedParts(range.to, timeZone).date, 1);
  let date = addDays(instantToZonedParts(range.from, timeZone).date, -1);
  let previousDay = slotsOn(availability, date, lengthMs, bufferMs);
  const slots: Slot[] = [...previousDay];
  while (date < lastDate) {
    date = addDays(date, 1);
    const day = slotsOn(availability, date, lengthMs, bufferMs);
    slots.push(...day.filter((slot) => !previousDay.some((earlier) => overlaps(slot, earlier, bufferMs))));
    previousDay = day;
  }

  return slots
    .filter((slot) => slot.start.getTime() >= range.from.getTime() && slot.end.getTime() <= range.to.getTime())
    .filter((slot) => !availability.timeOff.some((off) => overlaps(slot, off)))
    .filter((slot) => !busy.some((taken) => overlaps(slot, taken, bufferMs)))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The published hours as instants overlapping [from, to), clipped to it, sorted, touching or
 * overlapping windows joined; time off and bookings are not taken out (a calendar shows them
 * on top). Days are the provider's own dates, so a daylight-saving change never moves them.
 */
export function publishedWindows(availability: Availability, range: { from: Date; to: Date }): Slot[] {
  if (range.from.getTime() >= range.to.getTime()) return [];
  const { timeZone } = availability;
  const lastDate = instantToZonedParts(range.to, timeZone).date;
  const windows: Slot[] = [];
  for (let date = addDays(instantToZonedParts(range.from, timeZone).date, -1); date <= lastDate; date = addDays(date, 1)) {
    for (const window of windowsOn(availability, date)) {
      const { start, end } = windowInstants(date, window, timeZone);
      const clipped = {
        start: new Date(Math.max(start.getTime(), range.from.getTime())),
        end: new Date(Math.min(end.getTime(), range.to.getTime())),
      };
      if (clipped.start < clipped.end) windows.push(clipped);
    }
  }
  windows.sort((a, b) => a.start.getTime() - b.start.getTime());
  const joined: Slot[] = [];
  for (const window of windows) {
    const previous = joined.at(-1);
    if (previous && window.start.getTime() <= previous.end.getTime()) {
      if (window.end > previous.end) previous.end = window.end;
    } else joined.push({ ...window });
  }
  return joined;
}
