import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignBatch, greedyAssign } from './assign-batch.ts';
import { better, bruteForceOptimum, type Outcome } from './brute-force.test-helper.ts';
import { fitScore } from './fit.ts';
import { hardRuleFailures, isEligible } from './hard-rules.ts';
import { smallInstance } from './test-factories.ts';
import type { BatchResult, MatchProvider } from './types.ts';

const RUNS = { numRuns: 150 };
const outcome = (result: BatchResult): Outcome => ({
  assigned: result.assignments.length,
  fit: result.assignments.reduce((sum, assignment) => sum + assignment.score, 0),
});

describe('assignBatch on small random queues (≤ 7 clients, ≤ 4 providers, 0–2 free places)', () => {
  it('equals the exhaustive optimum: most clients placed, then the largest total fit', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 7, providers: 4 }), ({ clients, providers }) => {
        expect(outcome(assignBatch(clients, providers))).toEqual(bruteForceOptimum(clients, providers));
      }),
      RUNS,
    );
  });

  it('never does worse than greedy, and greedy never beats the optimum', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 7, providers: 4 }), ({ clients, providers }) => {
        const optimal = outcome(assignBatch(clients, providers));
        const greedy = outcome(greedyAssign(clients, providers));
        expect(better(greedy, optimal)).toBe(false);
        expect(optimal.assigned).toBeGreaterThanOrEqual(greedy.assigned);
      }),
      RUNS,
    );
  });

  it('breaks no hard rule, fills no provider beyond its free places, and reports true fits', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 7, providers: 4 }), ({ clients, providers }) => {
        for (const result of [assignBatch(clients, providers), greedyAssign(clients, providers)]) {
          const byId = new Map(providers.map((provider) => [provider.id, provider]));
          const taken = new Map<string, number>();
          const placed = result.assignments.map((assignment) => assignment.clientId);
          expect(new Set([...placed, ...result.unassigned]).size).toBe(clients.length);
          expect(placed.length + result.unassigned.length).toBe(clients.length);
          for (const { clientId, providerId, score } of result.assignments) {
            const client = clients.find((candidate) => candidate.id === clientId)!;
            const provider = byId.get(providerId)!;
            expect(hardRuleFailures(client, provider)).toEqual([]);
            expect(score).toBe(fitScore(client, provider).score);
            taken.set(providerId, (taken.get(providerId) ?? 0) + 1);
          }
          for (const [providerId, count] of taken) {
            const provider = byId.get(providerId)!;
            expect(count).toBeLessThanOrEqual(provider.capacity - provider.activeClients);
          }
        }
      }),
      RUNS,
    );
  });

  it('leaves a client out only when every provider eligible for them is full', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 7, providers: 4 }), ({ clients, providers }) => {
        const result = assignBatch(clients, providers);
        const taken = (provider: MatchProvider) => result.assignments.filter((a) => a.providerId === provider.id).length;
        for (const clientId of result.unassigned) {
          const client = clients.find((candidate) => candidate.id === clientId)!;
          for (const provider of providers.filter((candidate) => isEligible(client, candidate))) {
            expect(taken(provider)).toBe(provider.capacity - provider.activeClients);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same result whatever order clients and providers are listed in', () => {
    fc.assert(
      fc.property(
        smallInstance({ clients: 7, providers: 4 }),
        fc.array(fc.double({ noNaN: true }), { minLength: 11, maxLength: 11 }),
        ({ clients, providers }, keys) => {
          const shuffled = <T>(items: readonly T[], offset: number) =>
            items
              .map((item, index) => ({ item, key: keys[(index + offset) % keys.length] ?? 0 }))
              .sort((a, b) => a.key - b.key)
              .map(({ item }) => item);
          expect(assignBatch(shuffled(clients, 0), shuffled(providers, 7))).toEqual(assignBatch(clients, providers));
        },
      ),
      RUNS,
    );
  });
});
