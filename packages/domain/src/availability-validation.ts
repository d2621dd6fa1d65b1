// Problems in a provider's availability, worded so the provider can fix them from the message.
import { MAX_BUFFER_MINUTES, wallTimeMinutes, type Availability, type AvailabilityWindow } from './availability.ts';
import { instantToZonedParts, isCalendarDate, isIanaTimeZone } from './time-zones.ts';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type LabelledWindow = { label: string; window: AvailabilityWindow };

function windowLabel({ label, window }: LabelledWindow): string {
  return `${label} ${window.start}–${window.end}`;
}

/** Problems with each window on its own, then with windows on the same day that overlap. */
function windowProblems(windows: LabelledWindow[]): string[] {
  const problems: string[] = [];
  const wellFormed: Array<LabelledWindow & { from: number; to: number }> = [];
  for (const labelled of windows) {
    const { label, window } = labelled;
    const from = wallTimeMinutes(window.start);
    const to = wallTimeMinutes(window.end, true);
    if (from === null) {
      const hint = window.start === '24:00' ? '24:00 can only end a window' : 'use a time like 09:00';
      problems.push(`${label} start "${window.start}" is not a valid start time (${hint}).`);
    }
    if (to === null) {
      const hint = 'use a time like 17:00, or 24:00 for midnight';
      problems.push(`${label} end "${window.end}" is not a valid end time (${hint}).`);
    }
    if (from === null || to === null) continue;
    if (from >= to) problems.push(`${windowLabel(labelled)} must end after it starts.`);
    else wellFormed.push({ ...labelled, from, to });
  }
  wellFormed.sort((a, b) => a.from - b.from);
  wellFormed.forEach((earlier, index) => {
    for (const later of wellFormed.slice(index + 1)) {
      if (later.from < earlier.to) problems.push(`${windowLabel(earlier)} overlaps ${windowLabel(later)}.`);
    }
  });
  return problems;
}

function weeklyProblems(availability: Availability): string[] {
  const problems: string[] = [];
  const byWeekday = new Map<number, LabelledWindow[]>();
  for (const window of availability.weekly) {
    const weekdayName = WEEKDAY_NAMES[window.weekday];
    if (!Number.isInteger(window.weekday) || weekdayName === undefined) {
      problems.push(`Weekday ${String(window.weekday)} is not a day of the week (0 = Sunday … 6 = Saturday).`);
      continue;
    }
    const sameDay = byWeekday.get(window.weekday) ?? [];
    sameDay.push({ label: weekdayName, window });
    byWeekday.set(window.weekday, sameDay);
  }
  for (const windows of [...byWeekday.entries()].sort(([a], [b]) => a - b).map(([, w]) => w)) {
    problems.push(...windowProblems(windows));
  }
  return problems;
}

function exceptionProblems(availability: Availability): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const exception of availability.exceptions) {
    if (!isCalendarDate(exception.date)) {
      const hint = 'use YYYY-MM-DD, for example 2026-12-24';
      problems.push(`Exception date "${exception.date}" is not a calendar date (${hint}).`);
      continue;
    }
    if (seen.has(exception.date)) {
      problems.push(`${exception.date} has more than one exception; keep one with all of that day's hours.`);
      continue;
    }
    seen.add(exception.date);
    problems.push(...windowProblems(exception.windows.map((window) => ({ label: exception.date, window }))));
  }
  return problems;
}

function timeOffProblems(availability: Availability, zoneIsValid: boolean): string[] {
  const problems: string[] = [];
  // Show time off on the provider's own clock when we can; it is how they entered it.
  const show = (instant: Date) => {
    if (!zoneIsValid) return instant.toISOString();
    const { date, time } = instantToZonedParts(instant, availability.timeZone);
    return `${date} ${time}`;
  };
  for (const off of availability.timeOff) {
    if (Number.isNaN(off.start.getTime()) || Number.isNaN(off.end.getTime())) {
      problems.push('Time off has a start or end that is not a real date and time.');
    } else if (off.end.getTime() <= off.start.getTime()) {
      problems.push(`Time off from ${show(off.start)} to ${show(off.end)} must end after it starts.`);
    }
  }
  return problems;
}

/** Human-readable problems with an availability; empty when it can be published. */
export function validateAvailability(availability: Availability): string[] {
  const problems: string[] = [];
  const zoneIsValid = isIanaTimeZone(availability.timeZone);
  if (!zoneIsValid) {
    const hint = 'choose one like America/New_York or Europe/London';
    problems.push(`"${availability.timeZone}" is not a time zone name; ${hint}.`);
  }
  const buffer = availability.bufferMinutes;
  if (!Number.isInteger(buffer) || buffer < 0 || buffer > MAX_BUFFER_MINUTES) {
    const allowed = `a whole number of minutes from 0 to ${MAX_BUFFER_MINUTES}`;
    problems.push(`Buffer between sessions must be ${allowed}, not ${String(buffer)}.`);
  }
  return [...problems, ...weeklyProblems(availability), ...exceptionProblems(availability), ...timeOffProblems(availability, zoneIsValid)];
}
