import { describe, expect, it } from 'vitest';
import { suggestedCpt } from './cpt.ts';

const thresholds = [
  { code: '90832', minutes: 16 },
  { code: '90834', minutes: 38 },
  { code: '90837', minutes: 53 },
] as const;

describe('suggestedCpt', () => {
  it('picks the longest code the minutes reach, by the thresholds the server sent', () => {
    const cases: Array<[number, string | null]> = [
      [15, null],
      [16, '90832'],
      [37, '90832'],
      [38, '90834'],
      [52, '90834'],
      [53, '90837'],
      [90, '90837'],
    ];
    for (const [minutes, code] of cases) expect(suggestedCpt(minutes, [...thresholds]), `${minutes}`).toBe(code);
  });

  it('suggests nothing for minutes that are not a whole number', () => {
    expect(suggestedCpt(Number.NaN, [...thresholds])).toBeNull();
    expect(suggestedCpt(40.5, [...thresholds])).toBeNull();
  });
});
