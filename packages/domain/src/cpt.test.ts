import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cptForMinutes, psychotherapyCptCodes } from './cpt.ts';

describe('cptForMinutes', () => {
  it('follows the time rule at every boundary', () => {
    const cases: Array<[number, string | null]> = [
      [0, null],
      [15, null],
      [16, '90832'],
      [30, '90832'],
      [37, '90832'],
      [38, '90834'],
      [45, '90834'],
      [52, '90834'],
      [53, '90837'],
      [60, '90837'],
      [180, '90837'],
    ];
    for (const [minutes, code] of cases) expect(cptForMinutes(minutes), `${minutes} minutes`).toBe(code);
  });

  it('refuses what is not a number of minutes', () => {
    expect(cptForMinutes(Number.NaN)).toBeNull();
    expect(cptForMinutes(-20)).toBeNull();
  });

  it('never gives a shorter code for more minutes', () => {
    const rank = (code: string | null) =>
      code === null ? -1 : psychotherapyCptCodes.indexOf(code as (typeof psychotherapyCptCodes)[number]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rank(cptForMinutes(low))).toBeLessThanOrEqual(rank(cptForMinutes(high)));
      }),
    );
  });
});
