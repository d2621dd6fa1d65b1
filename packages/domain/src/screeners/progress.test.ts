import { describe, expect, it } from 'vitest';
import { hasImproved, suggestsFitConversation, type ScreenerHistoryEntry } from './progress.ts';

const start = new Date('2026-01-05T15:00:00Z');
const weeksLater = (weeks: number) => new Date(start.getTime() + weeks * 7 * 86_400_000);
const history = (...entries: Array<[weeks: number, total: number]>): ScreenerHistoryEntry[] =>
  entries.map(([weeks, total]) => ({ takenAt: weeksLater(weeks), total }));

describe('hasImproved', () => {
  it('counts a drop of 5 PHQ-9 points, even within a band, and not a drop of 4', () => {
    expect(hasImproved(27, 22, 'phq9')).toBe(true); // severe → severe
    expect(hasImproved(27, 23, 'phq9')).toBe(false);
  });

  it('counts a drop of 4 GAD-7 points and not 3', () => {
    expect(hasImproved(21, 17, 'gad7')).toBe(true); // severe → severe
    expect(hasImproved(21, 18, 'gad7')).toBe(false);
  });

  it('counts moving to a lower band, however small the drop', () => {
    expect(hasImproved(10, 9, 'phq9')).toBe(true); // moderate → mild
    expect(hasImproved(15, 14, 'gad7')).toBe(true); // severe → moderate
    expect(hasImproved(14, 11, 'phq9')).toBe(false); // moderate → moderate
  });

  it('never calls a worse or equal result an improvement', () => {
    for (let previous = 0; previous <= 27; previous += 1) {
      for (let current = previous; current <= 27; current += 1) expect(hasImproved(previous, current, 'phq9')).toBe(false);
    }
  });

  it('refuses totals outside the scale', () => {
    expect(() => hasImproved(28, 3, 'phq9')).toThrow(RangeError);
    expect(() => hasImproved(10, 22, 'gad7')).toThrow(RangeError);
  });
});

describe('suggestsFitConversation', () => {
  it('suggests one after eight weeks without meaningful change', () => {
    expect(suggestsFitConversation(history([0, 18], [4, 17], [8, 16]), 'phq9', weeksLater(8))).toBe(true);
  });

  it('waits until eight weeks of results exist', () => {
    expect(suggestsFitConversation(history([0, 16], [4, 15], [7, 15]), 'phq9', weeksLater(10))).toBe(false);
    expect(suggestsFitConversation(history([0, 16]), 'phq9', weeksLater(20))).toBe(false);
    expect(suggestsFitConversation([], 'gad7', weeksLater(20))).toBe(false);
  });

  it('does not suggest one when the client improved', () => {
    expect(suggestsFitConversation(history([0, 16], [4, 13], [8, 11]), 'phq9', weeksLater(9))).toBe(false);
    expect(suggestsFitConversation(history([0, 12], [8, 8]), 'gad7', weeksLater(9))).toBe(false);
  });

  it('suggests one when an early improvement was lost again', () => {
    expect(suggestsFitConversation(history([0, 16], [4, 8], [9, 15]), 'phq9', weeksLater(9))).toBe(true);
  });

  it('does not suggest one to a client already in the mildest band', () => {
    expect(suggestsFitConversation(history([0, 4], [8, 4]), 'phq9', weeksLater(8))).toBe(false);
  });

  it('ignores results dated after now and does not depend on the order given', () => {
    const entries = history([12, 2], [8, 16], [0, 17]);
    expect(suggestsFitConversation(entries, 'gad7', weeksLater(10))).toBe(true);
    expect(suggestsFitConversation(entries, 'gad7', weeksLater(12))).toBe(false);
  });
});
