import { describe, expect, it } from 'vitest';
import { isRescreenDue, markSeries, marksOf, rescreenDueAt } from './measurement.ts';
import { suggestsFitConversation } from './progress.ts';

const start = new Date('2026-01-05T15:00:00Z');
const daysLater = (days: number) => new Date(start.getTime() + days * 86_400_000);

describe('re-screen due date', () => {
  it('is 28 days after the latest result by default, and due from that moment', () => {
    expect(rescreenDueAt(start)).toEqual(daysLater(28));
    expect(isRescreenDue(start, 28, daysLater(27.9))).toBe(false);
    expect(isRescreenDue(start, 28, daysLater(28))).toBe(true);
  });

  it('follows the interval a provider chose, and refuses one outside 14–90 days', () => {
    expect(rescreenDueAt(start, 14)).toEqual(daysLater(14));
    expect(() => rescreenDueAt(start, 13)).toThrow(RangeError);
    expect(() => rescreenDueAt(start, 91)).toThrow(RangeError);
    expect(() => rescreenDueAt(start, 20.5)).toThrow(RangeError);
  });

  it('is never due without a first result', () => {
    expect(rescreenDueAt(null)).toBeNull();
    expect(isRescreenDue(null, 28, daysLater(400))).toBe(false);
  });
});

describe('marks', () => {
  it('marks response at a drop of half or more, not less', () => {
    expect(marksOf(20, 10, 'phq9').response).toBe(true);
    expect(marksOf(20, 11, 'phq9').response).toBe(false);
    expect(marksOf(0, 0, 'phq9').response).toBe(false);
  });

  it('marks remission below 5 on either instrument', () => {
    expect(marksOf(12, 4, 'phq9').remission).toBe(true);
    expect(marksOf(12, 5, 'phq9').remission).toBe(false);
    expect(marksOf(12, 4, 'gad7').remission).toBe(true);
  });

  it('marks reliable change at 6 PHQ-9 points and 4 GAD-7 points, either way', () => {
    expect(marksOf(20, 14, 'phq9').reliableImprovement).toBe(true);
    expect(marksOf(20, 15, 'phq9').reliableImprovement).toBe(false);
    expect(marksOf(10, 16, 'phq9').reliableDeterioration).toBe(true);
    expect(marksOf(15, 11, 'gad7').reliableImprovement).toBe(true);
    expect(marksOf(15, 12, 'gad7').reliableImprovement).toBe(false);
  });

  it('never marks the baseline itself as a change, and sorts the series first', () => {
    const series = markSeries(
      [
        { takenAt: daysLater(28), total: 8 },
        { takenAt: start, total: 18 },
      ],
      'phq9',
    );
    expect(series.map((e) => e.total)).toEqual([18, 8]);
    expect(series[0]?.marks).toEqual({ response: false, remission: false, reliableImprovement: false, reliableDeterioration: false });
    expect(series[1]?.marks).toMatchObject({ response: true, reliableImprovement: true, remission: false });
  });
});

describe('fit conversation after a configurable time', () => {
  const flat = [
    { takenAt: start, total: 16 },
    { takenAt: daysLater(42), total: 15 },
  ];
  it('waits eight weeks by default and fewer when configured', () => {
    expect(suggestsFitConversation(flat, 'phq9', daysLater(60))).toBe(false);
    expect(suggestsFitConversation(flat, 'phq9', daysLater(60), 6)).toBe(true);
  });
});
