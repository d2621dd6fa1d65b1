// CPT codes for individual psychotherapy by time (AMA CPT, "time rule"): a code is billable once
// more than half its nominal time has passed — 16 minutes for the 30-minute code, 38 for the
// 45-minute code, 53 for the 60-minute code.
export const psychotherapyCptCodes = ['90832', '90834', '90837'] as const;
export type PsychotherapyCpt = (typeof psychotherapyCptCodes)[number];

/** Fewest psychotherapy minutes each code needs, longest first. */
export const CPT_MINIMUM_MINUTES: Readonly<Record<PsychotherapyCpt, number>> = { '90837': 53, '90834': 38, '90832': 16 };

/** The code for this many minutes of psychotherapy, or null under 16 (not billable as psychotherapy). */
export function cptForMinutes(minutes: number): PsychotherapyCpt | null {
  if (!Number.isFinite(minutes)) return null;
  if (minutes >= CPT_MINIMUM_MINUTES['90837']) return '90837';
  if (minutes >= CPT_MINIMUM_MINUTES['90834']) return '90834';
  if (minutes >= CPT_MINIMUM_MINUTES['90832']) return '90832';
  return null;
}
