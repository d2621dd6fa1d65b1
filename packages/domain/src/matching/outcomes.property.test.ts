import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignBatch } from './assign-batch.ts';
import { bestMatch } from './best-match.ts';
import { isEligible } from './hard-rules.ts';
import { outcomeEvidence, PRIOR_WEIGHT, similarClientsRate } from './outcomes.ts';
import { makeClient, makeProvider, smallInstance } from './test-factories.ts';
import type { MatchProvider } from './types.ts';

const RUNS = { numRuns: 200 };
const withoutOutcomes = (providers: readonly MatchProvider[]) => providers.map((provider) => ({ ...provider, outcomes: [] }));
/** Every provider, eligible or not, given a perfect record with every kind of client. */
const perfect = (providers: readonly MatchProvider[]) =>
  providers.map((provider) => ({
    ...provider,
    outcomes: Array.from({ length: 40 }, (_, i) => ({
      focusArea: (['anxiety', 'depression', 'trauma', 'grief'] as const)[i % 4]!,
      startingBand: i % 5,
      improved: true,
    })),
  }));

describe('outcome-informed fit (property)', () => {
  it('never changes who is eligible: the same providers pass the hard rules with or without outcomes', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 5, providers: 5 }), ({ clients, providers }) => {
        for (const client of clients) {
          const eligible = (list: readonly MatchProvider[]) => list.filter((p) => isEligible(client, p)).map((p) => p.id);
          expect(eligible(providers)).toEqual(eligible(withoutOutcomes(providers)));
          expect(eligible(perfect(providers))).toEqual(eligible(withoutOutcomes(providers)));
        }
      }),
      RUNS,
    );
  });

  it('never matches a provider who breaks a hard rule, however good their outcomes, instantly or in a batch', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 6, providers: 4 }), ({ clients, providers }) => {
        const boosted = perfect(providers);
        const byId = new Map(boosted.map((provider) => [provider.id, provider]));
        for (const client of clients) {
          const match = bestMatch(client, boosted);
          const plain = bestMatch(client, withoutOutcomes(providers));
          expect(match === null).toBe(plain === null); // outcomes never make a match possible or impossible
          if (match) expect(isEligible(client, byId.get(match.providerId)!)).toBe(true);
        }
        const batch = assignBatch(clients, boosted);
        const plainBatch = assignBatch(clients, withoutOutcomes(providers));
        expect(batch.assignments.length).toBe(plainBatch.assignments.length); // as many clients placed
        for (const { clientId, providerId } of batch.assignments) {
          expect(
            isEligible(
              clients.find((c) => c.id === clientId)!,
              byId.get(providerId)!,
            ),
          ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('stays within the prior and the raw rate, and moves toward the raw rate as evidence grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (improved, notImproved, prior) => {
          const record = (n: number, better: boolean) =>
            Array.from({ length: n }, () => ({ focusArea: 'anxiety' as const, startingBand: 2, improved: better }));
          const outcomes = [...record(improved, true), ...record(notImproved, false)];
          const client = makeClient({ startingBand: 2 });
          const { score, similar } = outcomeEvidence(client, outcomes, prior);
          expect(similar).toBe(improved + notImproved);
          if (similar === 0) {
            expect(score).toBeCloseTo(prior, 9);
            return;
          }
          const raw = improved / similar;
          expect(score).toBeGreaterThanOrEqual(Math.min(raw, prior) - 1e-9);
          expect(score).toBeLessThanOrEqual(Math.max(raw, prior) + 1e-9);
          expect(Math.abs(score - prior)).toBeCloseTo((Math.abs(raw - prior) * similar) / (similar + PRIOR_WEIGHT), 9);
        },
      ),
      RUNS,
    );
  });
});

describe('similarClientsRate', () => {
  it('is the improvement rate of similar clients across every provider, else the midpoint', () => {
    const client = makeClient({ focusAreas: ['grief'], startingBand: 3 });
    const one = makeProvider({ outcomes: [{ focusArea: 'grief', startingBand: 3, improved: true }] });
    const two = makeProvider({
      outcomes: [
        { focusArea: 'grief', startingBand: 4, improved: false },
        { focusArea: 'anxiety', startingBand: 3, improved: false }, // not similar: another concern
        { focusArea: 'grief', startingBand: 1, improved: false }, // not similar: two bands away
      ],
    });
    expect(similarClientsRate(client, [one, two])).toBe(0.5);
    expect(similarClientsRate(client, [])).toBe(0.5);
    expect(similarClientsRate(client, [one])).toBe(1);
  });
});
