// Scoring by the published rules: the total is the sum of the item scores, and the severity band
// is read from the total with the published cut-points (Kroenke 2001 for the PHQ-9, Spitzer 2006
// for the GAD-7). Answers are validated here, not trusted, because a wrong total is a clinical error.
import { ITEM_COUNT, MAX_TOTAL, type AnswerScore, type Instrument } from './instruments.ts';

export type Phq9Band = 'none_minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';
export type Gad7Band = 'minimal' | 'mild' | 'moderate' | 'severe';
export type ScreenerBand = Phq9Band | Gad7Band;

export type Phq9Result = { total: number; band: Phq9Band; item9: AnswerScore; needsSafetyFollowUp: boolean };
export type Gad7Result = { total: number; band: Gad7Band };

/** Lowest total of each band, mildest first; a band runs up to the next one's start minus one. */
const PHQ9_BANDS: ReadonlyArray<readonly [number, Phq9Band]> = [
  [0, 'none_minimal'],
  [5, 'mild'],
  [10, 'moderate'],
  [15, 'moderately_severe'],
  [20, 'severe'],
];
const GAD7_BANDS: ReadonlyArray<readonly [number, Gad7Band]> = [
  [0, 'minimal'],
  [5, 'mild'],
  [10, 'moderate'],
  [15, 'severe'],
];

function requireAnswers(answers: readonly number[], instrument: Instrument): AnswerScore[] {
  const expected = ITEM_COUNT[instrument];
  if (answers.length !== expected) {
    throw new RangeError(`${instrument.toUpperCase()} needs ${expected} answers, got ${answers.length}.`);
  }
  return answers.map((answer, index) => {
    if (!Number.isInteger(answer) || answer < 0 || answer > 3) {
      throw new RangeError(`Answer ${index + 1} must be 0, 1, 2 or 3, got ${answer}.`);
    }
    return answer as AnswerScore;
  });
}

function requireTotal(total: number, instrument: Instrument): number {
  if (!Number.isInteger(total) || total < 0 || total > MAX_TOTAL[instrument]) {
    throw new RangeError(`A ${instrument.toUpperCase()} total is a whole number from 0 to ${MAX_TOTAL[instrument]}, got ${total}.`);
  }
  return total;
}

function bandOf<Band extends ScreenerBand>(total: number, bands: ReadonlyArray<readonly [number, Band]>): Band {
  const found = bands.findLast(([lowest]) => total >= lowest);
  if (!found) throw new RangeError(`No band holds the total ${total}.`);
  return found[1];
}

export function phq9Band(total: number): Phq9Band {
  return bandOf(requireTotal(total, 'phq9'), PHQ9_BANDS);
}

export function gad7Band(total: number): Gad7Band {
  return bandOf(requireTotal(total, 'gad7'), GAD7_BANDS);
}

/** 0 for the mildest band, rising with severity: lets progress compare bands across instruments. */
export function bandRank(total: number, instrument: Instrument): number {
  const bands: ReadonlyArray<readonly [number, ScreenerBand]> = instrument === 'phq9' ? PHQ9_BANDS : GAD7_BANDS;
  requireTotal(total, instrument);
  return bands.filter(([lowest]) => total >= lowest).length - 1;
}

/**
 * Any answer above "Not at all" on item 9 (thoughts of being better off dead or of self-harm)
 * means crisis resources are shown at once and a clinician follows up, whatever the total.
 */
export function scorePhq9(answers: readonly number[]): Phq9Result {
  const scores = requireAnswers(answers, 'phq9');
  const total = scores.reduce<number>((sum, score) => sum + score, 0);
  const item9 = scores[8] ?? 0;
  return { total, band: bandOf(total, PHQ9_BANDS), item9, needsSafetyFollowUp: item9 > 0 };
}

export function scoreGad7(answers: readonly number[]): Gad7Result {
  const scores = requireAnswers(answers, 'gad7');
  const total = scores.reduce<number>((sum, score) => sum + score, 0);
  return { total, band: bandOf(total, GAD7_BANDS) };
}
