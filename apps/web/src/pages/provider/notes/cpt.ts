import type { CptCode, NoteView } from '@haven/contract';

/** The code `minutes` of psychotherapy call for, by the thresholds the server sent; null under the lowest. */
export function suggestedCpt(minutes: number, thresholds: NoteView['cptMinimumMinutes']): CptCode | null {
  if (!Number.isInteger(minutes)) return null;
  const met = thresholds.filter((threshold) => minutes >= threshold.minutes).sort((a, b) => b.minutes - a.minutes);
  return met[0]?.code ?? null;
}
