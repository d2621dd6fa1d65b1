import { AvailabilityInput, type Availability } from '@haven/contract';
import { checkWith, type FieldMessages } from '../../../forms/fieldMessages.ts';
import type { Validation } from '../../../forms/problems.ts';

/** One stretch of hours on a weekday; `key` keeps React's list stable while stretches come and go. */
export type HoursDraft = { key: number; start: string; end: string };

export type AvailabilityDraft = {
  /** Indexed by weekday, 0 = Sunday. */
  weekly: HoursDraft[][];
  sessionLengths: number[];
  bufferMinutes: string;
  minNoticeHours: string;
};
export type AvailabilityField = keyof AvailabilityDraft;

export const availabilityFieldIds: Record<AvailabilityField, string> = {
  weekly: 'availability-weekly',
  sessionLengths: 'availability-lengths',
  bufferMinutes: 'availability-buffer',
  minNoticeHours: 'availability-notice',
};

export const availabilityMessages: FieldMessages<AvailabilityField> = {
  weekly: 'validation.availability.weekly',
  sessionLengths: 'validation.availability.sessionLengths',
  bufferMinutes: 'validation.availability.bufferMinutes',
  minNoticeHours: 'validation.availability.minNoticeHours',
};
let nextKey = 0;

export function newHours(start = '', end = ''): HoursDraft {
  nextKey += 1;
  return { key: nextKey, start, end };
}

export function draftFromAvailability(availability: Availability): AvailabilityDraft {
  const weekly = [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
    availability.weekly
      .filter((window) => window.weekday === weekday)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((window) => newHours(window.start, window.end)),
  );
  return {
    weekly,
    sessionLengths: availability.sessionLengths,
    bufferMinutes: String(availability.bufferMinutes),
    minNoticeHours: String(availability.minNoticeHours),
  };
}

/** Each stretch ends after it starts, and a day's stretches do not overlap. */
function dayMakesSense(hours: readonly HoursDraft[]): boolean {
  const sorted = [...hours].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.every((stretch, index) => {
    const previousEnd = sorted[index - 1]?.end ?? '';
    return stretch.start !== '' && stretch.end > stretch.start && stretch.start >= previousEnd;
  });
}

const numberFrom = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** Checks the draft; date-specific exceptions are not edited here and go back as they came. */
export function checkAvailability(
  draft: AvailabilityDraft,
  exceptions: Availability['exceptions'],
): Validation<AvailabilityInput, AvailabilityField> {
  const input: Record<keyof AvailabilityInput, unknown> = {
    weekly: draft.weekly.flatMap((hours, weekday) => hours.map(({ start, end }) => ({ weekday, start, end }))),
    exceptions,
    sessionLengths: draft.sessionLengths,
    bufferMinutes: numberFrom(draft.bufferMinutes),
    minNoticeHours: numberFrom(draft.minNoticeHours),
  };
  const checked = checkWith(AvailabilityInput, input, availabilityMessages);
  if (draft.weekly.every(dayMakesSense)) return checked;
  const fields = checked.ok ? {} : checked.problem.fields;
  return { ok: false, problem: { fields: { ...fields, weekly: { key: availabilityMessages.weekly } } } };
}
