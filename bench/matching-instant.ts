// Instant matching's latency (PRODUCT §2.3): one client, matched at once against every provider.
// Timed two ways: `bestMatch` over the whole network, as the domain function is written, and over
// only the providers licensed in the client's state, as a server querying by state would call it.
// Both must choose the same provider (ties go to the smaller id whatever the order), and every
// choice must pass the hard rules.
import type { UsStateCode } from '@haven/contract';
import { bestMatch, hardRuleFailures, type Match, type MatchClient, type MatchProvider } from '@haven/domain';

export type Latency = { p50: number; p99: number; max: number };
export type InstantMatchReport = {
  sampled: number;
  matched: number;
  fullScan: Latency;
  stateIndex: Latency;
  /** Clients for whom the two ways chose differently. */
  disagreements: number;
  /** Chosen providers breaking a hard rule. */
  hardRuleViolations: number;
};

const WARM_UP_CALLS = 200;

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function latencyOf(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Calls `match` once per client, timing each call alone (after warming up on other clients). */
function timeEach(clients: readonly MatchClient[], warmUp: readonly MatchClient[], match: (client: MatchClient) => Match | null) {
  for (const client of warmUp) match(client);
  const times: number[] = [];
  const matches = clients.map((client) => {
    const started = performance.now();
    const found = match(client);
    times.push(performance.now() - started);
    return found;
  });
  return { matches, latency: latencyOf(times) };
}

function providersByState(providers: readonly MatchProvider[]): Map<UsStateCode, MatchProvider[]> {
  const byState = new Map<UsStateCode, MatchProvider[]>();
  for (const provider of providers) {
    for (const state of new Set(provider.licensedStates)) {
      const licensed = byState.get(state);
      if (licensed) licensed.push(provider);
      else byState.set(state, [provider]);
    }
  }
  return byState;
}

/** Times `sampleSize` clients spread evenly through the queue, against the providers as given. */
export function timeInstantMatches(
  clients: readonly MatchClient[],
  providers: readonly MatchProvider[],
  sampleSize: number,
): InstantMatchReport {
  const stride = Math.max(1, Math.floor(clients.length / sampleSize));
  const sample = clients.filter((_, i) => i % stride === 0).slice(0, sampleSize);
  const warmUp = clients.filter((_, i) => i % stride === Math.floor(stride / 2)).slice(0, WARM_UP_CALLS);
  const byState = providersByState(providers);

  const full = timeEach(sample, warmUp, (client) => bestMatch(client, providers));
  const indexed = timeEach(sample, warmUp, (client) => bestMatch(client, byState.get(client.state) ?? []));

  const providerById = new Map(providers.map((provider) => [provider.id, provider]));
  let disagreements = 0;
  let hardRuleViolations = 0;
  sample.forEach((client, i) => {
    const a = full.matches[i] ?? null;
    const b = indexed.matches[i] ?? null;
    if (a?.providerId !== b?.providerId || a?.score !== b?.score) disagreements += 1;
    for (const match of [a, b]) {
      if (match === null) continue;
      const provider = providerById.get(match.providerId);
      if (provider === undefined || hardRuleFailures(client, provider).length > 0) hardRuleViolations += 1;
    }
  });
  return {
    sampled: sample.length,
    matched: full.matches.filter((match) => match !== null).length,
    fullScan: full.latency,
    stateIndex: indexed.latency,
    disagreements,
    hardRuleViolations,
  };
}
