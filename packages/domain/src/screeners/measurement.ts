// Measurement-based care: when the screeners are asked again, and how a series of results reads.
// The marks follow the usual outcome definitions for repeated PHQ-9 / GAD-7 scores:
// - response: a drop of 50% or more from the first score with this provider (Kroenke 2001 for the
//   PHQ-9; the same convention is used for the GAD-7);
// - remission: a total below 5, the floor of the mild band (Kroenke 2001; Spitzer 2006);
// - reliable change: a change larger than the instrument's measurement error, 6 points on the
//   PHQ-9 and 4 on the GAD-7 (NHS Talking Therapies Manual, 2024, appendix on reliable change,
//   after Richards & Borglin 2011 and McMillan, Gilbody & Richards 2010). The PHQ-9 threshold is
//   stricter than progress.ts's "meaningful drop" of 5, which also counts a move down a band:
//   a reliable change is always an improvement there, not every improvement is reliable.
import type { Instrument } from './instruments.ts';
import { MEANINGFUL_DROP } from './progress.ts';

export const RESCREEN_DEFAULT_DAYS = 28;
export const RESCREEN_MIN_DAYS = 14;
export const RESCREEN_MAX_DAYS = 90;
export const RELIABLE_CHANGE: Record<Instrument, number> = { phq9: 6, gad7: MEANINGFUL_DROP.gad7 };
export const REMISSION_BELOW = 5;
const DAY_MS = 86_400_000;

/** When the next re-screen is due: `intervalDays` after the latest result, or null with none yet. */
export function rescreenDueAt(latestTakenAt: Date | null, intervalDays: number = RESCREEN_DEFAULT_DAYS): Date | null {
  if (!Number.isInteger(intervalDays) || intervalDays < RESCREEN_MIN_DAYS || intervalDays > RESCREEN_MAX_DAYS) {
    throw new RangeError(`A re-screen interval is ${RESCREEN_MIN_DAYS}–${RESCREEN_MAX_DAYS} days, got ${intervalDays}.`);
  }
  return latestTakenAt ? new Date(latestTakenAt.getTime() + intervalDays * DAY_MS) : null;
}

export function isRescreenDue(latestTakenAt: Date | null, intervalDays: number, now: Date): boolean {
  const due = rescreenDueAt(latestTakenAt, intervalDays);
  return due !== null && due.getTime() <= now.getTime();
}

export type ScoreMarks = { response: boolean; remission: boolean; reliableImprovement: boolean; reliableDeterioration: boolean };

/** The marks of one score against the first score with this provider (the baseline). */
export function marksOf(baseline: number, total: number, instrument: Instrument, isBaseline = false): ScoreMarks {
  const change = baseline - total;
  return {
    response: !isBaseline && baseline > 0 && total <= baseline / 2,
    remission: total < REMISSION_BELOW,
    reliableImprovement: !isBaseline && change >= RELIABLE_CHANGE[instrument],
    reliableDeterioration: !isBaseline && -change >= RELIABLE_CHANGE[instrument],
  };
}

export type MarkedEntry<E> = E & { marks: ScoreMarks };

/** Each result of one instrument, oldest first, marked against the first of them. */
export function markSeries<E extends { takenAt: Date; total: number }>(entries: readonly E[], instrument: Instrument): MarkedEntry<E>[] {
  const sorted = [...entries].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const first = sorted[0];
  return sorted.map((entry) => ({ ...entry, marks: marksOf(first?.total ?? entry.total, entry.total, instrument, entry === first) }));
}
