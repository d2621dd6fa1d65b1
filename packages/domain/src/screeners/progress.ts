// Whether a client is getting better, by the usual clinical reading of repeated screeners: a drop
// of at least 5 points on the PHQ-9 (Löwe 2004, Kroenke 2001) or 4 on the GAD-7 (Toussaint 2020)
// is a meaningful change, and so is moving down a severity band. Too little change after about
// two months of care is when a gentle conversation about fit (or a switch) is worth offering.
import type { Instrument } from './instruments.ts';
import { bandRank } from './scoring.ts';

export const MEANINGFUL_DROP: Record<Instrument, number> = { phq9: 5, gad7: 4 };
/** Eight weeks: two rounds of the default four-weekly re-screen after the first one. */
export const FIT_CONVERSATION_AFTER_WEEKS = 8;
export const FIT_CONVERSATION_AFTER_DAYS = FIT_CONVERSATION_AFTER_WEEKS * 7;
const DAY_MS = 86_400_000;

export type ScreenerHistoryEntry = { takenAt: Date; total: number };

export function hasImproved(previous: number, current: number, instrument: Instrument): boolean {
  const lowerBand = bandRank(current, instrument) < bandRank(previous, instrument); // validates both totals
  return lowerBand || previous - current >= MEANINGFUL_DROP[instrument];
}

/**
 * True when a client has been screened for at least `afterWeeks` (eight by default; first to latest result), is still
 * above the mildest band, and the latest result shows no meaningful improvement on the first.
 * The caller passes the history that belongs to the current provider, so a switch starts afresh.
 * Comparing with the first result (not the best) means an improvement that was later lost counts
 * as none; results dated after `now` are ignored; a single result is never enough evidence.
 */
export function suggestsFitConversation(
  history: readonly ScreenerHistoryEntry[],
  instrument: Instrument,
  now: Date,
  afterWeeks: number = FIT_CONVERSATION_AFTER_WEEKS,
): boolean {
  const taken = history
    .filter((entry) => entry.takenAt.getTime() <= now.getTime())
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const [first] = taken;
  const latest = taken.at(-1);
  if (!first || !latest || first === latest) return false;
  const weeksOfCare = (latest.takenAt.getTime() - first.takenAt.getTime()) / DAY_MS >= afterWeeks * 7;
  const stillSymptomatic = bandRank(latest.total, instrument) > 0;
  return weeksOfCare && stillSymptomatic && !hasImproved(first.total, latest.total, instrument);
}
