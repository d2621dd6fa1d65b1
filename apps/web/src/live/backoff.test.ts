import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff.ts';

describe('full-jitter backoff', () => {
  it('waits up to 1 s, 2 s, 4 s … and never more than 20 s', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 30].map((attempt) => backoffDelay(attempt, () => 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000, 20_000]);
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
  });

  it('is always between zero and the ceiling for the attempt', () => {
    fc.assert(
      fc.property(fc.nat(1_000), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const delay = backoffDelay(attempt, () => random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(BACKOFF_CAP_MS, 1_000 * 2 ** attempt));
      }),
    );
  });

  it('spreads tabs out: a hundred tabs retrying at once do not pick the same moment', () => {
    const delays = Array.from({ length: 100 }, () => backoffDelay(4));
    expect(new Set(delays).size).toBeGreaterThan(90);
  });
});
