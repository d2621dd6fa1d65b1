import { AvailabilityInput, LicenceInput, ProviderProfileInput, usStateCodes, type UsStateCode } from '@haven/contract';
import { isIanaTimeZone, isValidNpi, validateAvailability, type WeeklyWindow } from '@haven/domain';
import { describe, expect, it } from 'vitest';
import { generateDemoNetwork, type DemoProvider } from './generate.ts';
import { stateFacts } from './population.ts';
import { createRng } from './rng.ts';

const today = '2026-03-01';
const network = generateDemoNetwork({ seed: 2026, size: 600, today });

function countBy<K>(items: K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Problems the domain finds with weekly windows (contract weekdays are plain numbers; the domain's are 0–6). */
function problemsWith(weekly: DemoProvider['businessHours'], provider: DemoProvider): string[] {
  const { timeZone, availability } = provider;
  return validateAvailability({
    timeZone,
    weekly: weekly as WeeklyWindow[],
    exceptions: availability.exceptions,
    timeOff: [],
    bufferMinutes: availability.bufferMinutes,
  });
}

const share = (predicate: (provider: DemoProvider) => boolean) => network.filter(predicate).length / network.length;

describe('generateDemoNetwork', () => {
  it('gives the same network for the same seed and a different one for another seed', () => {
    const options = { seed: 11, size: 120, today };
    expect(generateDemoNetwork(options)).toEqual(generateDemoNetwork(options));
    expect(generateDemoNetwork({ ...options, seed: 12 })).not.toEqual(generateDemoNetwork(options));
  });

  it('makes exactly the number of providers asked for, including none', () => {
    expect(network).toHaveLength(600);
    expect(generateDemoNetwork({ seed: 1, size: 0, today })).toEqual([]);
    expect(generateDemoNetwork({ seed: 1, size: 7, today })).toHaveLength(7);
  });

  it('refuses a size or date it cannot use', () => {
    expect(() => generateDemoNetwork({ seed: 1, size: -1, today })).toThrow(RangeError);
    expect(() => generateDemoNetwork({ seed: 1, size: 10, today: '2026-02-30' })).toThrow(RangeError);
  });

  it('licenses at least two providers in every state and DC', () => {
    const licensed = countBy(network.flatMap((provider) => provider.licences.map((licence) => licence.state)));
    for (const state of usStateCodes) expect(licensed.get(state) ?? 0, state).toBeGreaterThanOrEqual(2);
  });

  it('puts most providers where most people live', () => {
    const homes = countBy(network.map((provider) => provider.homeState));
    const top4 = [...homes.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([state]) => state);
    expect(top4.sort()).toEqual(['CA', 'FL', 'NY', 'TX']);
    expect(homes.get('CA') ?? 0).toBeGreaterThan((homes.get('WY') ?? 0) * 10);
    expect(homes.get('TX') ?? 0).toBeGreaterThan(homes.get('OH') ?? 0);
  });

  it('offers Spanish at a realistic rate, more often where more people speak it', () => {
    expect(share((provider) => provider.languages.includes('es'))).toBeGreaterThanOrEqual(0.08);
    expect(share((provider) => provider.languages.includes('es'))).toBeLessThanOrEqual(0.2);
    const big = generateDemoNetwork({ seed: 5, size: 5000, today });
    const spanishIn = (states: UsStateCode[]) => {
      const there = big.filter((provider) => states.includes(provider.homeState));
      return there.filter((provider) => provider.languages.includes('es')).length / there.length;
    };
    expect(spanishIn(['TX', 'CA', 'NM', 'FL'])).toBeGreaterThan(spanishIn(['OH', 'PA', 'MI', 'TN']) * 2);
  });

  it('gives every provider a unique email and a unique, valid NPI', () => {
    expect(new Set(network.map((provider) => provider.email)).size).toBe(network.length);
    expect(new Set(network.map((provider) => provider.npi)).size).toBe(network.length);
    for (const provider of network) {
      expect(isValidNpi(provider.npi), provider.npi).toBe(true);
      expect(provider.email).toMatch(/^[a-z]+\.[a-z]+\.\d+@providers\.demo\.haven\.test$/);
    }
  });

  it('writes a different approach statement for each of the first 500 providers', () => {
    const statements = network.slice(0, 500).map((provider) => provider.approachStatement);
    expect(new Set(statements).size).toBe(500);
  });

  it('keeps licences current, home state first, typed by the first credential', () => {
    for (const provider of network) {
      expect(provider.licences[0]?.state).toBe(provider.homeState);
      expect(new Set(provider.licences.map((licence) => licence.state)).size).toBe(provider.licences.length);
      for (const licence of provider.licences) {
        expect(LicenceInput.safeParse(licence).success).toBe(true);
        expect(licence.expiresOn > today, licence.expiresOn).toBe(true);
        expect(licence.expiresOn <= '2028-03-01').toBe(true);
        expect(licence.licenceType).toBe(provider.credentials[0]);
      }
    }
    const multiState = share((provider) => provider.licences.length > 1);
    expect(multiState).toBeGreaterThan(0.25);
    expect(multiState).toBeLessThan(0.45);
  });

  it('publishes availability and messaging hours the domain accepts, in a real zone', () => {
    for (const provider of network) {
      const { availability, timeZone } = provider;
      expect(isIanaTimeZone(timeZone), timeZone).toBe(true);
      expect(timeZone).toBe(stateFacts[provider.homeState].timeZone);
      expect(problemsWith(availability.weekly, provider)).toEqual([]);
      expect(AvailabilityInput.safeParse(availability).success).toBe(true);
      expect(availability.sessionLengths.some((length) => length === 50 || length === 60)).toBe(true);
      const days = new Set(availability.weekly.filter((window) => window.weekday >= 1 && window.weekday <= 5).map((w) => w.weekday));
      expect(days.size).toBeGreaterThanOrEqual(2);
      expect(days.size).toBeLessThanOrEqual(5);
      expect(problemsWith(provider.businessHours, provider)).toEqual([]);
    }
  });

  it('builds profiles the onboarding form would accept', () => {
    for (const provider of network) {
      const profile = ProviderProfileInput.safeParse({
        ...Object.fromEntries(Object.keys(ProviderProfileInput.shape).map((key) => [key, provider[key as keyof DemoProvider]])),
      });
      expect(profile.error?.issues ?? [], provider.email).toEqual([]);
      expect(provider.focusAreas.length).toBeGreaterThanOrEqual(3);
      expect(provider.focusAreas.length).toBeLessThanOrEqual(8);
      expect(provider.yearsExperience).toBeGreaterThanOrEqual(1);
      expect(provider.yearsExperience).toBeLessThanOrEqual(35);
      expect(provider.capacity).toBeGreaterThanOrEqual(10);
      expect(provider.capacity).toBeLessThanOrEqual(40);
      expect(provider.languages[0]).toBe('en');
      const prescribes = provider.credentials.includes('PMHNP') || provider.credentials.includes('MD');
      expect(provider.approaches.includes('medication_management')).toBe(prescribes);
    }
  });

  it('looks like the profession: mostly women, pronouns that fit, common concerns first', () => {
    expect(share((provider) => provider.gender === 'woman')).toBeGreaterThan(0.6);
    expect(share((provider) => provider.gender === 'woman')).toBeLessThan(0.8);
    for (const provider of network) {
      if (provider.gender === 'woman') expect([null, 'she/her']).toContain(provider.pronouns);
      if (provider.gender === 'man') expect([null, 'he/him']).toContain(provider.pronouns);
    }
    const focus = countBy(network.flatMap((provider) => provider.focusAreas));
    expect(focus.get('anxiety') ?? 0).toBeGreaterThan(focus.get('eating') ?? 0);
    expect(share((provider) => provider.modalities.includes('video'))).toBeGreaterThan(0.8);
  });

  it('generates a benchmark-sized network of 20,000', () => {
    const big = generateDemoNetwork({ seed: 99, size: 20_000, today });
    expect(big).toHaveLength(20_000);
    expect(new Set(big.map((provider) => provider.npi)).size).toBe(20_000);
  });
});

describe('createRng', () => {
  it('repeats its sequence for a seed and keeps draws within bounds', () => {
    const [a, b] = [createRng(3), createRng(3)];
    const draws = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(Array.from({ length: 50 }, () => b.int(1, 6))).toEqual(draws);
    expect(draws.every((draw) => draw >= 1 && draw <= 6)).toBe(true);
    expect(new Set(draws).size).toBe(6);
  });

  it('samples distinct items and never picks a zero weight', () => {
    const rng = createRng(8);
    const sample = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    for (let i = 0; i < 200; i += 1) expect(rng.weightedPick(['never', 'always'], [0, 1])).toBe('always');
    expect(rng.weightedSample(['a', 'b', 'c'], [1, 0, 1], 3).sort()).toEqual(['a', 'c']);
  });
});

describe('stateFacts', () => {
  it('covers every state and DC, with neighbours that are states and mostly border back', () => {
    expect(Object.keys(stateFacts).sort()).toEqual([...usStateCodes].sort());
    for (const [state, facts] of Object.entries(stateFacts)) {
      expect(isIanaTimeZone(facts.timeZone)).toBe(true);
      for (const neighbour of facts.neighbours) {
        expect(usStateCodes).toContain(neighbour);
        if (state !== 'AK' && state !== 'HI') expect(stateFacts[neighbour].neighbours, `${state}–${neighbour}`).toContain(state);
      }
    }
  });
});
