import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainInEnglish } from './explain.ts';
import { FIT_WEIGHTS, MAX_FIT, fitScore } from './fit.ts';
import { indexMatching } from './matching-index.ts';
import { makeClient, makeProvider, smallInstance } from './test-factories.ts';

describe('fitScore', () => {
  it('weighs focus areas most and adds up to 1000 at most', () => {
    const others = Object.entries(FIT_WEIGHTS).filter(([part]) => part !== 'focus');
    for (const [, weight] of others) expect(weight).toBeLessThan(FIT_WEIGHTS.focus);
    expect(Object.values(FIT_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBe(MAX_FIT);
  });

  it('gives a provider who meets every wish, with an empty caseload and top outcomes, 1000', () => {
    const client = makeClient({
      outcomePrior: 1,
      focusAreas: ['anxiety', 'trauma'],
      preferredLanguages: ['es'],
      preferences: { providerGender: 'woman', approaches: ['emdr'], preferredTimes: ['evening'] },
    });
    const provider = makeProvider({ languages: ['en', 'es'], approaches: ['emdr'], activeClients: 0 });
    expect(fitScore(client, provider).score).toBe(1000);
  });

  it('scores focus areas by the share covered', () => {
    const client = makeClient({ focusAreas: ['anxiety', 'grief'] });
    const both = fitScore(client, makeProvider({ focusAreas: ['anxiety', 'grief'] })).score;
    const one = fitScore(client, makeProvider({ focusAreas: ['anxiety'] })).score;
    const none = fitScore(client, makeProvider({ focusAreas: ['ocd'] })).score;
    expect(both - one).toBe(FIT_WEIGHTS.focus / 2);
    expect(one - none).toBe(FIT_WEIGHTS.focus / 2);
  });

  it('does not rank a client who states no preferences below one who does', () => {
    const provider = makeProvider({ gender: 'man', approaches: ['act'] });
    const unstated = fitScore(makeClient(), provider).score;
    const unmet = fitScore(makeClient({ preferences: { providerGender: 'woman', approaches: ['dbt'] } }), provider).score;
    expect(unstated - unmet).toBe(FIT_WEIGHTS.gender + FIT_WEIGHTS.approaches);
  });

  it('prefers the lighter caseload, all else equal', () => {
    const client = makeClient();
    const light = fitScore(client, makeProvider({ capacity: 20, activeClients: 2 })).score;
    const heavy = fitScore(client, makeProvider({ capacity: 20, activeClients: 18 })).score;
    expect(light).toBeGreaterThan(heavy);
  });

  it('gives a provider without outcome data the prior, between poor and good results', () => {
    const client = makeClient({ startingBand: 2 });
    const unknown = fitScore(client, makeProvider({ outcomes: [] })).score;
    const anxious = (improved: boolean, startingBand = 2) => ({ focusArea: 'anxiety' as const, startingBand, improved });
    expect(fitScore(client, makeProvider({ outcomes: [anxious(true), anxious(false)] })).score).toBe(unknown);
    expect(fitScore(client, makeProvider({ outcomes: Array.from({ length: 9 }, () => anxious(true)) })).score).toBeGreaterThan(unknown);
    expect(fitScore(client, makeProvider({ outcomes: Array.from({ length: 9 }, () => anxious(false)) })).score).toBeLessThan(unknown);
    // Clients unlike this one (another focus, or two bands away) say nothing about this client.
    const unlike = [{ focusArea: 'grief' as const, startingBand: 2, improved: false }, anxious(false, 4), anxious(false, 0)];
    expect(fitScore(client, makeProvider({ outcomes: unlike })).score).toBe(unknown);
  });

  it('shrinks a small sample toward the prior: one improved client counts for little, many for more', () => {
    const client = makeClient({ startingBand: 2, outcomePrior: 0.5 });
    const improved = (n: number) => Array.from({ length: n }, () => ({ focusArea: 'anxiety' as const, startingBand: 2, improved: true }));
    const one = fitScore(client, makeProvider({ outcomes: improved(1) })).score;
    const many = fitScore(client, makeProvider({ outcomes: improved(30) })).score;
    const none = fitScore(client, makeProvider({ outcomes: [] })).score;
    expect(one - none).toBeLessThan(many - one);
    expect(one - none).toBeLessThanOrEqual(FIT_WEIGHTS.outcomes * 0.1);
  });

  it('is a whole number from 0 to 1000, and batch matching computes exactly the same (property)', () => {
    fc.assert(
      fc.property(smallInstance({ clients: 4, providers: 4 }), ({ clients, providers }) => {
        const index = indexMatching(clients, providers);
        index.clients.forEach((client, c) => {
          const eligible = index.eligibleFor(c);
          const fits = new Int32Array(eligible.length);
          index.fitsFor(c, fits);
          eligible.forEach((p, k) => {
            const { score } = fitScore(client, index.providers[p]!);
            expect(Number.isInteger(score) && score >= 0 && score <= MAX_FIT).toBe(true);
            expect(fits[k]).toBe(score);
          });
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('reasons and their English explanation', () => {
  const client = makeClient({
    state: 'TX',
    requiredLanguages: ['es'],
    focusAreas: ['anxiety', 'trauma', 'ocd'],
    preferences: { preferredTimes: ['evening', 'weekend'] },
  });
  const provider = makeProvider({
    languages: ['en', 'es'],
    focusAreas: ['trauma', 'anxiety'],
    offeredTimes: ['morning', 'evening'],
    activeClients: 15,
  });

  it('records what matched, as data, in the client’s order', () => {
    expect(fitScore(client, provider).reasons).toEqual([
      { kind: 'licensed_in', state: 'TX' },
      { kind: 'speaks', language: 'es' },
      { kind: 'focus', areas: ['anxiety', 'trauma'] },
      { kind: 'times', times: ['evening'] },
    ]);
  });

  it('reads as one English sentence', () => {
    expect(explainInEnglish(fitScore(client, provider).reasons)).toBe(
      'Licensed in Texas, speaks Spanish, works with anxiety and trauma, has evening hours',
    );
  });

  it('words every kind of reason and lists languages together', () => {
    const sentence = explainInEnglish([
      { kind: 'speaks', language: 'es' },
      { kind: 'licensed_in', state: 'DC' },
      { kind: 'speaks', language: 'en' },
      { kind: 'focus', areas: ['lgbtqia', 'substance_use', 'ocd'] },
      { kind: 'gender', gender: 'nonbinary' },
      { kind: 'approach', approaches: ['cbt', 'gottman'] },
      { kind: 'times', times: ['morning', 'weekend'] },
      { kind: 'light_caseload' },
      { kind: 'good_outcomes', improved: 7, similar: 9 },
    ]);
    expect(sentence).toBe(
      'Speaks Spanish and English, licensed in the District of Columbia, works with LGBTQIA+ concerns, substance use and OCD, ' +
        'is nonbinary, uses CBT and the Gottman method, has morning and weekend hours, has a light caseload, ' +
        'has helped 7 of 9 clients with similar concerns feel better',
    );
  });

  it('mentions gender, approach, caseload and outcomes only when they hold', () => {
    const wishes = makeClient({ startingBand: 2, preferences: { providerGender: 'woman', approaches: ['emdr', 'cbt'] } });
    const record = (improved: number, of: number) =>
      Array.from({ length: of }, (_, i) => ({ focusArea: 'anxiety' as const, startingBand: 2, improved: i < improved }));
    const kinds = (p: ReturnType<typeof makeProvider>) => fitScore(wishes, p).reasons.map((reason) => reason.kind);
    expect(kinds(makeProvider({ gender: 'woman', approaches: ['cbt'], activeClients: 4, outcomes: record(9, 10) }))).toEqual([
      'licensed_in',
      'speaks',
      'focus',
      'gender',
      'approach',
      'light_caseload',
      'good_outcomes',
    ]);
    expect(kinds(makeProvider({ gender: 'man', approaches: ['act'], activeClients: 15, outcomes: record(5, 10) }))).toEqual([
      'licensed_in',
      'speaks',
      'focus',
    ]);
  });

  it('explains an empty list as an empty sentence', () => {
    expect(explainInEnglish([])).toBe('');
  });
});
