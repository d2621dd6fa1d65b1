import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hardRuleFailures, isEligible } from './hard-rules.ts';
import { makeClient, makeProvider, smallInstance } from './test-factories.ts';

describe('hardRuleFailures', () => {
  const client = makeClient({ state: 'TX', requiredLanguages: ['es'], coverage: 'eap', neededModalities: ['video'] });
  const eligible = makeProvider({ languages: ['en', 'es'], coverage: ['eap'], modalities: ['video'] });

  it('finds nothing wrong with an eligible provider', () => {
    expect(hardRuleFailures(client, eligible)).toEqual([]);
    expect(isEligible(client, eligible)).toBe(true);
  });

  it.each([
    ['inactive', { active: false }],
    ['not_licensed_in_state', { licensedStates: ['OK' as const, 'NM' as const] }],
    ['language', { languages: ['en'] }],
    ['coverage', { coverage: ['direct' as const, 'health_plan' as const] }],
    ['modality', { modalities: ['messaging' as const, 'audio' as const] }],
    ['no_capacity', { capacity: 12, activeClients: 12 }],
  ])('reports %s alone when only that rule fails', (rule, change) => {
    const provider = { ...eligible, ...change };
    expect(hardRuleFailures(client, provider)).toEqual([rule]);
    expect(isEligible(client, provider)).toBe(false);
  });

  it('needs every required language and every needed modality, not just one', () => {
    const bilingual = makeClient({ requiredLanguages: ['es', 'en'], neededModalities: ['video', 'messaging'] });
    expect(hardRuleFailures(bilingual, makeProvider({ languages: ['es'], modalities: ['video'] }))).toEqual(['language', 'modality']);
  });

  it('treats a provider over capacity like a full one', () => {
    expect(hardRuleFailures(client, { ...eligible, capacity: 10, activeClients: 11 })).toEqual(['no_capacity']);
  });

  it('lists several failures in a fixed order', () => {
    const provider = { ...eligible, active: false, coverage: ['direct' as const], capacity: 5, activeClients: 5 };
    expect(hardRuleFailures(client, provider)).toEqual(['inactive', 'coverage', 'no_capacity']);
  });

  it('calls a provider eligible exactly when no rule fails (property)', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 3, providers: 3 }), ({ clients, providers }) => {
        for (const c of clients) for (const p of providers) expect(isEligible(c, p)).toBe(hardRuleFailures(c, p).length === 0);
      }),
      { numRuns: 100 },
    );
  });
});
