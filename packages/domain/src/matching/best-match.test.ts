import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestMatch } from './best-match.ts';
import { fitScore } from './fit.ts';
import { hardRuleFailures, isEligible } from './hard-rules.ts';
import { makeClient, makeProvider, smallInstance } from './test-factories.ts';
import { estimateWait } from './wait-estimate.ts';

describe('bestMatch', () => {
  const client = makeClient({ focusAreas: ['grief'] });

  it('picks the eligible provider with the highest fit, with its reasons', () => {
    const griefWork = makeProvider({ id: 'p-grief', focusAreas: ['grief'] });
    const providers = [makeProvider({ id: 'p-other', focusAreas: ['ocd'] }), griefWork];
    expect(bestMatch(client, providers)).toEqual({ providerId: 'p-grief', ...fitScore(client, griefWork) });
  });

  it('never offers an ineligible provider, however good the fit', () => {
    const full = makeProvider({ id: 'p-full', focusAreas: ['grief'], capacity: 10, activeClients: 10 });
    const elsewhere = makeProvider({ id: 'p-ok', focusAreas: ['grief'], licensedStates: ['OK'] });
    const modest = makeProvider({ id: 'p-modest', focusAreas: [] });
    expect(bestMatch(client, [full, elsewhere, modest])?.providerId).toBe('p-modest');
  });

  it('breaks ties by the smaller id, whatever the order given', () => {
    const providers = ['p-c', 'p-a', 'p-b'].map((id) => makeProvider({ id }));
    expect(bestMatch(client, providers)?.providerId).toBe('p-a');
    expect(bestMatch(client, [...providers].reverse())?.providerId).toBe('p-a');
  });

  it('returns null when nobody eligible has room', () => {
    expect(bestMatch(client, [])).toBeNull();
    expect(bestMatch(client, [makeProvider({ active: false })])).toBeNull();
  });
});

describe('estimateWait', () => {
  it('is the queue position divided by places freed per day, rounded up', () => {
    expect(estimateWait(1, 4)).toEqual({ days: 1 });
    expect(estimateWait(8, 4)).toEqual({ days: 2 });
    expect(estimateWait(9, 4)).toEqual({ days: 3 });
    expect(estimateWait(3, 0.5)).toEqual({ days: 6 });
  });

  it('gives no number when nothing has freed up recently', () => {
    expect(estimateWait(5, 0)).toEqual({ days: null });
    expect(estimateWait(5, Number.NaN)).toEqual({ days: null });
  });

  it('refuses a queue position that is not 1, 2, 3, …', () => {
    for (const position of [0, -1, 1.5]) expect(() => estimateWait(position, 3)).toThrow(RangeError);
  });
});

describe('bestMatch on random networks', () => {
  it('offers only a provider who holds every hard rule, and the best fit among them', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 3, providers: 6 }), ({ clients, providers }) => {
        for (const client of clients) {
          const match = bestMatch(client, providers);
          const eligible = providers.filter((provider) => isEligible(client, provider));
          if (!match) {
            expect(eligible).toEqual([]);
            continue;
          }
          const provider = providers.find((candidate) => candidate.id === match.providerId)!;
          expect(hardRuleFailures(client, provider)).toEqual([]);
          for (const other of eligible) expect(fitScore(client, other).score).toBeLessThanOrEqual(match.score);
        }
      }),
      { numRuns: 200 },
    );
  });
});
