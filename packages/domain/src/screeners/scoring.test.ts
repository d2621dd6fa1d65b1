import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAD7_ITEMS, PHQ9_ITEMS } from './instruments.ts';
import { bandRank, gad7Band, phq9Band, scoreGad7, scorePhq9 } from './scoring.ts';

const answer = fc.integer({ min: 0, max: 3 });
const phq9Answers = fc.array(answer, { minLength: 9, maxLength: 9 });
const gad7Answers = fc.array(answer, { minLength: 7, maxLength: 7 });
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** `count` answers adding up to `total`, highest first (total ≤ 3 × count). */
function answersTotalling(total: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.max(0, Math.min(3, total - index * 3)));
}

const phq9With = (item9: number, otherTotal: number) => [...answersTotalling(otherTotal, 8), item9];

describe('PHQ-9 item 9 and safety follow-up', () => {
  it.each([
    [0, false],
    [1, true],
    [2, true],
    [3, true],
  ])('item 9 answered %i → follow-up %s, whatever the other answers', (item9, followUp) => {
    for (const otherTotal of [0, 4, 12, 24]) {
      const result = scorePhq9(phq9With(item9, otherTotal));
      expect(result.item9).toBe(item9);
      expect(result.needsSafetyFollowUp).toBe(followUp);
      expect(result.total).toBe(otherTotal + item9);
    }
  });

  it('flags follow-up exactly when item 9 is above 0 (property)', () => {
    fc.assert(
      fc.property(phq9Answers, (answers) => {
        expect(scorePhq9(answers).needsSafetyFollowUp).toBe((answers[8] ?? 0) > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('published severity bands', () => {
  it.each([
    [0, 'none_minimal'],
    [4, 'none_minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('PHQ-9 total %i is %s', (total, band) => {
    expect(phq9Band(total)).toBe(band);
    expect(scorePhq9(answersTotalling(total, 9)).band).toBe(band);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('GAD-7 total %i is %s', (total, band) => {
    expect(gad7Band(total)).toBe(band);
    expect(scoreGad7(answersTotalling(total, 7)).band).toBe(band);
  });

  it('refuses totals outside the scale', () => {
    for (const total of [-1, 28, 4.5, Number.NaN]) expect(() => phq9Band(total)).toThrow(RangeError);
    for (const total of [-1, 22, 0.5]) expect(() => gad7Band(total)).toThrow(RangeError);
  });
});

describe('scoring rules (properties)', () => {
  it('the PHQ-9 total is the sum of the answers and its band never falls as the total rises', () => {
    fc.assert(
      fc.property(phq9Answers, phq9Answers, (a, b) => {
        const [first, second] = [scorePhq9(a), scorePhq9(b)];
        expect(first.total).toBe(sum(a));
        if (first.total <= second.total) expect(bandRank(first.total, 'phq9')).toBeLessThanOrEqual(bandRank(second.total, 'phq9'));
      }),
      { numRuns: 300 },
    );
  });

  it('the GAD-7 total is the sum of the answers and its band never falls as the total rises', () => {
    fc.assert(
      fc.property(gad7Answers, gad7Answers, (a, b) => {
        const [first, second] = [scoreGad7(a), scoreGad7(b)];
        expect(first.total).toBe(sum(a));
        expect(first.band).toBe(gad7Band(first.total));
        if (first.total <= second.total) expect(bandRank(first.total, 'gad7')).toBeLessThanOrEqual(bandRank(second.total, 'gad7'));
      }),
      { numRuns: 300 },
    );
  });

  it('band rank rises by at most one per point, across the whole scale', () => {
    for (const [instrument, max] of [
      ['phq9', 27],
      ['gad7', 21],
    ] as const) {
      for (let total = 1; total <= max; total += 1) {
        const step = bandRank(total, instrument) - bandRank(total - 1, instrument);
        expect(step === 0 || step === 1).toBe(true);
      }
    }
  });
});

describe('answer validation', () => {
  it('needs exactly one answer per item', () => {
    expect(PHQ9_ITEMS).toHaveLength(9);
    expect(GAD7_ITEMS).toHaveLength(7);
    expect(() => scorePhq9([0, 0, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => scorePhq9(Array<number>(10).fill(0))).toThrow(RangeError);
    expect(() => scoreGad7(Array<number>(9).fill(0))).toThrow(RangeError);
    expect(() => scoreGad7([])).toThrow(RangeError);
  });

  it('accepts only the whole numbers 0 to 3', () => {
    for (const bad of [-1, 4, 1.5, Number.NaN]) {
      expect(() => scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, bad])).toThrow(RangeError);
      expect(() => scoreGad7([bad, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    }
  });
});
