// Clients and providers laid out for batch matching: providers are grouped once per kind of
// client (state, coverage, modalities, required languages), so hard rules are checked per group
// rather than per pair, and wishes become bit masks so a pair's fit is a handful of integer
// operations, adding up the same `sharePoints`, `providerPoints` and outcome points (`shrunkRate`) as `fitScore`.
// Indexes are in range by construction (non-null assertions).
import { FIT_WEIGHTS, providerPoints, sharePoints, unique } from './fit.ts';
import { BAND_SLOTS, bandSlotOf, shrunkRate, slotsCounting } from './outcomes.ts';
import { isEligible } from './hard-rules.ts';
import type { MatchClient, MatchProvider } from './types.ts';

export type MatchingIndex = {
  /** In waiting order: longest waiting first, then by id. */
  clients: MatchClient[];
  /** In id order, so "lowest index" breaks ties the same way as "smallest id". */
  providers: MatchProvider[];
  /** Each provider's free places (capacity − active clients, never below 0). */
  freePlaces: Int32Array;
  /** The providers eligible for each client, in id order (shared by clients of one group). */
  eligibleFor: (client: number) => Int32Array;
  /** The fit of every provider in eligibleFor(client), in that order, written into `into`. */
  fitsFor: (client: number, into: Int32Array) => void;
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Longest waiting first (a client with no date waits behind those with one), then by id. */
export function waitingOrder(clients: readonly MatchClient[]): MatchClient[] {
  const since = (client: MatchClient) => client.waitingSince?.getTime() ?? Infinity;
  return [...clients].sort((a, b) => since(a) - since(b) || byId(a, b));
}

function popcount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Gives each distinct value a bit on first sight; the vocabularies have at most 32 words. */
function bitEncoder(vocabulary: string): (values: readonly string[]) => number {
  const bits = new Map<string, number>();
  return (values) => {
    let mask = 0;
    for (const value of values) {
      let bit = bits.get(value);
      if (bit === undefined) {
        bit = bits.size;
        if (bit >= 32) throw new RangeError(`More than 32 distinct ${vocabulary} values.`);
        bits.set(value, bit);
      }
      mask |= 1 << bit;
    }
    return mask;
  };
}

function groupKey(client: MatchClient): string {
  const sorted = (values: readonly string[]) => unique(values).sort().join(',');
  return `${client.state}|${client.coverage}|${sorted(client.neededModalities)}|${sorted(client.requiredLanguages)}`;
}

export function indexMatching(clientList: readonly MatchClient[], providerList: readonly MatchProvider[]): MatchingIndex {
  const clients = waitingOrder(clientList);
  const providers = [...providerList].sort(byId);
  const n = clients.length;
  const m = providers.length;
  const focusBits = bitEncoder('focus area');
  const approachBits = bitEncoder('approach');
  const timeBits = bitEncoder('time of day');
  const genderBits = bitEncoder('gender');

  const providerFocus = new Int32Array(m);
  const providerApproaches = new Int32Array(m);
  const providerTimes = new Int32Array(m);
  const providerGender = new Int32Array(m);
  const providerBase = new Int32Array(m);
  const freePlaces = new Int32Array(m);
  const byState = new Map<string, number[]>();
  providers.forEach((provider, p) => {
    providerFocus[p] = focusBits(provider.focusAreas);
    providerApproaches[p] = approachBits(provider.approaches);
    providerTimes[p] = timeBits(provider.offeredTimes);
    providerGender[p] = provider.gender === null ? 0 : genderBits([provider.gender]);
    providerBase[p] = providerPoints(provider);
    freePlaces[p] = Math.max(0, provider.capacity - provider.activeClients);
    for (const state of unique(provider.licensedStates)) {
      const list = byState.get(state) ?? [];
      if (list.length === 0) byState.set(state, list);
      list.push(p);
    }
  });

  const clientFocus = new Int32Array(n);
  const clientApproaches = new Int32Array(n);
  const clientTimes = new Int32Array(n);
  const clientGender = new Int32Array(n); // 0 = no preference
  const clientGroup = new Int32Array(n);
  const groups = new Map<string, number>();
  const groupProviders: Int32Array[] = [];
  // Preferred languages: a flat list per client, and one "speaks it" row per language asked for.
  const languageIndex = new Map<string, number>();
  const preferredStart = new Int32Array(n + 1);
  const preferred: number[] = [];
  const speaks: Uint8Array[] = [];

  clients.forEach((client, c) => {
    clientFocus[c] = focusBits(client.focusAreas);
    clientApproaches[c] = approachBits(client.preferences.approaches ?? []);
    clientTimes[c] = timeBits(client.preferences.preferredTimes ?? []);
    const gender = client.preferences.providerGender ?? null;
    clientGender[c] = gender === null ? 0 : genderBits([gender]);
    for (const language of unique(client.preferredLanguages)) {
      let index = languageIndex.get(language);
      if (index === undefined) {
        index = speaks.length;
        languageIndex.set(language, index);
        speaks.push(Uint8Array.from(providers, (provider) => (provider.languages.includes(language) ? 1 : 0)));
      }
      preferred.push(index);
    }
    preferredStart[c + 1] = preferred.length;
    const key = groupKey(client);
    let group = groups.get(key);
    if (group === undefined) {
      // The hard rules depend only on the fields in the key, so one client stands for the group.
      group = groupProviders.length;
      groups.set(key, group);
      groupProviders.push(Int32Array.from((byState.get(client.state) ?? []).filter((p) => isEligible(client, providers[p]!))));
    }
    clientGroup[c] = group;
  });
  const preferredLanguages = Int32Array.from(preferred);

  // Outcomes, when any provider has them: per concern, client band slot and provider, how many
  // similar clients and how many improved (outcomes.ts). Laid out provider-last, so scoring one
  // client's eligible providers (in id order) reads each row front to back.
  const anyOutcomes = providers.some((provider) => (provider.outcomes?.length ?? 0) > 0);
  const similarCounts = new Int32Array(anyOutcomes ? 32 * BAND_SLOTS * m : 0);
  const improvedCounts = new Int32Array(anyOutcomes ? 32 * BAND_SLOTS * m : 0);
  if (anyOutcomes) {
    providers.forEach((provider, p) => {
      for (const outcome of provider.outcomes ?? []) {
        const area = 31 - Math.clz32(focusBits([outcome.focusArea]));
        for (const slot of slotsCounting(outcome)) {
          const at = (area * BAND_SLOTS + slot) * m + p;
          similarCounts[at]! += 1;
          if (outcome.improved) improvedCounts[at]! += 1;
        }
      }
    });
  }

  // The same sums as `pairPoints`, read from tables built once per client: a client's wishes fix
  // the points each count of matches earns, so scoring a provider is a few lookups. A property
  // test holds this equal to `fitScore`.
  // Focus areas, approaches and times have at most 32 words each; languages can be more.
  let mostLanguages = 0;
  for (let c = 0; c < n; c += 1) mostLanguages = Math.max(mostLanguages, preferredStart[c + 1]! - preferredStart[c]!);
  const tables = new Int32Array(3 * 33 + mostLanguages + 1);
  const fillShares = (offset: number, weight: number, wanted: number) => {
    for (let matched = 0; matched <= wanted; matched += 1) tables[offset + matched] = sharePoints(weight, matched, wanted);
  };
  const fitsFor = (c: number, into: Int32Array): void => {
    const eligible = groupProviders[clientGroup[c]!]!;
    const focus = clientFocus[c]!;
    const approaches = clientApproaches[c]!;
    const times = clientTimes[c]!;
    const gender = clientGender[c]!;
    const languageStart = preferredStart[c]!;
    const languageEnd = preferredStart[c + 1]!;
    fillShares(0, FIT_WEIGHTS.focus, popcount(focus));
    fillShares(33, FIT_WEIGHTS.approaches, popcount(approaches));
    fillShares(66, FIT_WEIGHTS.times, popcount(times));
    fillShares(99, FIT_WEIGHTS.preferredLanguages, languageEnd - languageStart);
    const genderMet = sharePoints(FIT_WEIGHTS.gender, 1, gender === 0 ? 0 : 1);
    const genderMissed = sharePoints(FIT_WEIGHTS.gender, 0, gender === 0 ? 0 : 1);
    const prior = clients[c]!.outcomePrior;
    const slot = bandSlotOf(clients[c]!);
    const noEvidence = Math.round(FIT_WEIGHTS.outcomes * shrunkRate(0, 0, prior));
    for (let k = 0; k < eligible.length; k += 1) {
      const p = eligible[k]!;
      let outcome = noEvidence;
      if (anyOutcomes) {
        let similar = 0;
        let improved = 0;
        for (let bits = focus; bits !== 0; bits &= bits - 1) {
          const at = ((31 - Math.clz32(bits & -bits)) * BAND_SLOTS + slot) * m + p;
          similar += similarCounts[at]!;
          improved += improvedCounts[at]!;
        }
        if (similar > 0) outcome = Math.round(FIT_WEIGHTS.outcomes * shrunkRate(similar, improved, prior));
      }
      let languagesMet = 0;
      for (let l = languageStart; l < languageEnd; l += 1) languagesMet += speaks[preferredLanguages[l]!]![p]!;
      into[k] =
        tables[popcount(focus & providerFocus[p]!)]! +
        tables[33 + popcount(approaches & providerApproaches[p]!)]! +
        tables[66 + popcount(times & providerTimes[p]!)]! +
        tables[99 + languagesMet]! +
        (gender !== 0 && gender === providerGender[p] ? genderMet : genderMissed) +
        providerBase[p]! +
        outcome;
    }
  };

  return { clients, providers, freePlaces, eligibleFor: (c) => groupProviders[clientGroup[c]!]!, fitsFor };
}
