import { describe, expect, it } from 'vitest';
import { assignBatch, greedyAssign } from './assign-batch.ts';
import { bruteForceOptimum } from './brute-force.test-helper.ts';
import { makeClient, makeProvider } from './test-factories.ts';
import type { BatchResult } from './types.ts';

const totalFit = (result: BatchResult) => result.assignments.reduce((sum, assignment) => sum + assignment.score, 0);
const placement = (result: BatchResult) => Object.fromEntries(result.assignments.map((a) => [a.clientId, a.providerId]));

describe('assignBatch against greedy', () => {
  // Ana has waited longest and likes both providers almost equally; Ben only fits the lighter one.
  const ana = makeClient({ id: 'ana', focusAreas: ['anxiety'], waitingSince: new Date('2026-03-01') });
  const ben = makeClient({ id: 'ben', focusAreas: ['grief'], waitingSince: new Date('2026-03-02') });
  const light = makeProvider({ id: 'light', focusAreas: ['anxiety', 'grief'], capacity: 2, activeClients: 1 });
  const busy = makeProvider({ id: 'busy', focusAreas: ['anxiety'], capacity: 20, activeClients: 19 });

  it('places the clients where the total fit is higher, where greedy is myopic', () => {
    const greedy = greedyAssign([ana, ben], [light, busy]);
    const optimal = assignBatch([ana, ben], [light, busy]);
    expect(placement(greedy)).toEqual({ ana: 'light', ben: 'busy' });
    expect(placement(optimal)).toEqual({ ana: 'busy', ben: 'light' });
    expect(totalFit(optimal)).toBeGreaterThan(totalFit(greedy));
  });

  it('places more clients than greedy when greedy takes the only place someone could use', () => {
    const spanishOnly = makeClient({ id: 'ben', requiredLanguages: ['es'], waitingSince: new Date('2026-03-02') });
    const bilingual = makeProvider({ id: 'bilingual', languages: ['en', 'es'], capacity: 1, activeClients: 0 });
    const english = makeProvider({ id: 'english', capacity: 1, activeClients: 0 });
    expect(greedyAssign([ana, spanishOnly], [bilingual, english]).unassigned).toEqual(['ben']);
    expect(assignBatch([ana, spanishOnly], [bilingual, english])).toMatchObject({ unassigned: [] });
  });
});

describe('assignBatch', () => {
  it('fills a popular provider only up to its free places and reports the rest as waiting, longest first', () => {
    const clients = Array.from({ length: 6 }, (_, i) => makeClient({ id: `c${i}`, waitingSince: new Date(Date.UTC(2026, 2, 10 - i)) }));
    const result = assignBatch(clients, [makeProvider({ capacity: 10, activeClients: 8 })]);
    expect(result.assignments).toHaveLength(2);
    expect(result.unassigned).toHaveLength(4);
    const waitingOrder = clients.map((client) => client.id).reverse();
    expect(result.unassigned).toEqual(waitingOrder.filter((id) => result.unassigned.includes(id)));
  });

  it('gives the same answer every time', () => {
    const clients = Array.from({ length: 30 }, (_, i) => makeClient({ id: `c${i}`, focusAreas: i % 2 ? ['grief'] : ['anxiety'] }));
    const providers = Array.from({ length: 5 }, (_, i) =>
      makeProvider({ id: `p${i}`, focusAreas: i % 2 ? ['grief'] : ['anxiety', 'grief'], capacity: 8, activeClients: 2 + i }),
    );
    expect(assignBatch(clients, providers)).toEqual(assignBatch(clients, providers));
  });

  it('never leaves a client waiting because their candidate list was cut short', () => {
    // With one candidate each, both clients list the best provider, which has one place.
    const helped = (improved: boolean) => Array.from({ length: 10 }, () => ({ focusArea: 'anxiety' as const, startingBand: 2, improved }));
    const clients = [makeClient({ id: 'a' }), makeClient({ id: 'b' })];
    const providers = [
      makeProvider({ id: 'best', capacity: 5, activeClients: 4, outcomes: helped(true) }),
      makeProvider({ id: 'second', capacity: 5, activeClients: 4, outcomes: helped(false) }),
    ];
    const result = assignBatch(clients, providers, { candidateLimit: 1 });
    expect(result.unassigned).toEqual([]);
    expect(new Set(result.assignments.map((a) => a.providerId))).toEqual(new Set(['best', 'second']));
  });

  it('handles an empty queue and an empty network', () => {
    expect(assignBatch([], [makeProvider()])).toEqual({ assignments: [], unassigned: [] });
    expect(assignBatch([makeClient({ id: 'a' })], [])).toEqual({ assignments: [], unassigned: ['a'] });
    expect(greedyAssign([makeClient({ id: 'a' })], [])).toEqual({ assignments: [], unassigned: ['a'] });
  });

  it('refuses a candidate limit below 1', () => {
    expect(() => assignBatch([makeClient()], [makeProvider()], { candidateLimit: 0 })).toThrow(RangeError);
  });

  it('places everyone a long chain of moves allows, even when each move costs a lot of fit', () => {
    // Client i fits provider i very well and provider i + 1 poorly; the newcomer can only use
    // provider 1, and the only free place is at the end of the chain. Placing the newcomer means
    // moving all six others to poorer fits: worth it, because placing people comes first.
    const states = ['TX', 'NM', 'OK', 'AZ', 'CO', 'UT', 'NV'] as const;
    const focus = ['anxiety', 'depression', 'stress', 'trauma', 'relationships', 'grief', 'family'] as const;
    const approach = ['cbt', 'dbt', 'act', 'emdr', 'ifs', 'narrative', 'gottman'] as const;
    const clients = states.map((state, i) =>
      makeClient({ id: `c${i}`, state, focusAreas: [focus[i]!], preferences: { approaches: [approach[i]!] } }),
    );
    const providers = states.map((state, i) =>
      makeProvider({
        id: `p${i + 1}`,
        licensedStates: i + 1 < states.length ? [state, states[i + 1]!] : [state],
        focusAreas: i + 1 < states.length ? [focus[i + 1]!] : [],
        approaches: i + 1 < states.length ? [approach[i + 1]!] : [],
        capacity: 1,
        activeClients: 0,
      }),
    );
    const result = assignBatch(clients, providers);
    expect(result.unassigned).toEqual([]);
    expect({ assigned: result.assignments.length, fit: totalFit(result) }).toEqual(bruteForceOptimum(clients, providers));
  });
});
