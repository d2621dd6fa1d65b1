// Realistic clients and providers for the matching tests: each test states only what it is about.
import fc from 'fast-check';
import type { MatchClient, MatchProvider } from './types.ts';

export function makeClient(overrides: Partial<MatchClient> = {}): MatchClient {
  return {
    id: 'client-1',
    state: 'TX',
    requiredLanguages: ['en'],
    preferredLanguages: [],
    coverage: 'direct',
    neededModalities: ['messaging'],
    focusAreas: ['anxiety'],
    preferences: {},
    waitingSince: new Date('2026-03-02T09:00:00Z'),
    ...overrides,
  };
}

export function makeProvider(overrides: Partial<MatchProvider> = {}): MatchProvider {
  return {
    id: 'provider-1',
    active: true,
    licensedStates: ['TX'],
    languages: ['en'],
    coverage: ['direct', 'eap', 'health_plan'],
    modalities: ['messaging', 'video'],
    capacity: 20,
    activeClients: 10,
    focusAreas: ['anxiety', 'depression', 'trauma'],
    approaches: ['cbt'],
    gender: 'woman',
    offeredTimes: ['morning', 'evening'],
    outcomes: [],
    ...overrides,
  };
}

/**
 * Small random queues: a couple of states, languages and coverage kinds, so that many pairs are
 * eligible and many are not, and providers with 0–2 free places.
 */
export const smallInstance = (limits: { clients: number; providers: number }) =>
  fc
    .record({
      clients: fc.array(
        fc.record({
          state: fc.constantFrom('TX' as const, 'NM' as const),
          spanish: fc.boolean(),
          coverage: fc.constantFrom('direct' as const, 'eap' as const),
          modality: fc.constantFrom('messaging' as const, 'video' as const),
          focusAreas: fc.subarray(['anxiety', 'depression', 'trauma', 'grief'] as const, { minLength: 1 }),
          gender: fc.constantFrom(null, 'woman' as const, 'man' as const),
          times: fc.subarray(['morning', 'evening', 'weekend'] as const),
          waitedDays: fc.integer({ min: 0, max: 30 }),
          startingBand: fc.option(fc.integer({ min: 0, max: 4 })),
          outcomePrior: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: limits.clients },
      ),
      providers: fc.array(
        fc.record({
          states: fc.subarray(['TX', 'NM'] as const, { minLength: 1 }),
          spanish: fc.boolean(),
          coverage: fc.subarray(['direct', 'eap'] as const, { minLength: 1 }),
          modalities: fc.subarray(['messaging', 'video'] as const, { minLength: 1 }),
          capacity: fc.integer({ min: 1, max: 4 }),
          free: fc.integer({ min: 0, max: 2 }),
          focusAreas: fc.subarray(['anxiety', 'depression', 'trauma', 'grief'] as const),
          gender: fc.constantFrom(null, 'woman' as const, 'man' as const),
          times: fc.subarray(['morning', 'evening', 'weekend'] as const),
          outcomes: fc.array(
            fc.record({
              focusArea: fc.constantFrom('anxiety' as const, 'depression' as const, 'trauma' as const, 'grief' as const),
              startingBand: fc.integer({ min: 0, max: 4 }),
              improved: fc.boolean(),
            }),
            { maxLength: 6 },
          ),
        }),
        { minLength: 1, maxLength: limits.providers },
      ),
    })
    .map(({ clients, providers }) => ({
      clients: clients.map((client, index) =>
        makeClient({
          id: `client-${index}`,
          state: client.state,
          requiredLanguages: client.spanish ? ['es'] : ['en'],
          coverage: client.coverage,
          neededModalities: [client.modality],
          focusAreas: [...client.focusAreas],
          preferences: { providerGender: client.gender, preferredTimes: [...client.times] },
          waitingSince: new Date(Date.UTC(2026, 0, 1 + client.waitedDays)),
          startingBand: client.startingBand,
          ...(client.outcomePrior === undefined ? {} : { outcomePrior: client.outcomePrior }),
        }),
      ),
      providers: providers.map((provider, index) =>
        makeProvider({
          id: `provider-${index}`,
          licensedStates: [...provider.states],
          languages: provider.spanish ? ['en', 'es'] : ['en'],
          coverage: [...provider.coverage],
          modalities: [...provider.modalities],
          capacity: Math.max(provider.capacity, provider.free),
          activeClients: Math.max(provider.capacity, provider.free) - provider.free,
          focusAreas: [...provider.focusAreas],
          gender: provider.gender,
          offeredTimes: [...provider.times],
          outcomes: provider.outcomes,
        }),
      ),
    }));
