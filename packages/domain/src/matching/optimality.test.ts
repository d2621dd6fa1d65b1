import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveBatch } from './assign-batch.ts';
import { bruteForceOptimum } from './brute-force.test-helper.ts';
import { fitUpperBound } from './optimality.ts';
import { makeClient, makeProvider, smallInstance } from './test-factories.ts';

describe('fitUpperBound', () => {
  it('never falls below the true optimum, pruned or not (property)', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 7, providers: 4 }), fc.integer({ min: 1, max: 3 }), ({ clients, providers }, limit) => {
        const optimum = bruteForceOptimum(clients, providers);
        for (const solution of [solveBatch(clients, providers), solveBatch(clients, providers, { candidateLimit: limit })]) {
          const bound = fitUpperBound(solution);
          if (solution.assignments.length === optimum.assigned) {
            expect(bound).not.toBeNull();
            expect(bound!).toBeGreaterThanOrEqual(optimum.fit - 1e-6);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is tight for an exact solve', () => {
    const clients = Array.from({ length: 6 }, (_, i) => makeClient({ id: `c${i}`, focusAreas: i % 2 ? ['grief'] : ['anxiety'] }));
    const providers = Array.from({ length: 3 }, (_, i) =>
      makeProvider({ id: `p${i}`, focusAreas: i ? ['grief'] : ['anxiety'], capacity: 3, activeClients: 1 + i }),
    );
    const solution = solveBatch(clients, providers, { candidateLimit: Infinity });
    const fit = solution.assignments.reduce((sum, a) => sum + a.score, 0);
    expect(fitUpperBound(solution)).toBeCloseTo(fit, 6);
  });

  it('declines when a client left out could still have been placed', () => {
    // The provider has two places; a solution that left 'b' out would not be the best count.
    const clients = [makeClient({ id: 'a' }), makeClient({ id: 'b' })];
    const providers = [makeProvider({ id: 'p', capacity: 5, activeClients: 3 })];
    const solution = solveBatch(clients, providers);
    const leftOut = { ...solution, assignments: solution.assignments.slice(0, 1), providerOf: Int32Array.of(solution.providerOf[0]!, -1) };
    expect(fitUpperBound(leftOut)).toBeNull();
  });
});
