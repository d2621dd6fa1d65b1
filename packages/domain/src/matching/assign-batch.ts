// Queued clients assigned together so that the overall fit is best (PRODUCT §2.3): as many
// clients as the free places allow, and among those assignments the largest total fit. The greedy
// baseline (each client in waiting order takes their best remaining provider) is kept beside it
// for comparison; it can fill a place that a later client needed more, or leave someone out.
import { solveAssignment } from './assignment-solver.ts';
import { topCandidates } from './candidates.ts';
import { MAX_FIT } from './fit.ts';
import { indexMatching, type MatchingIndex } from './matching-index.ts';
import type { Assignment, BatchResult, MatchClient, MatchProvider } from './types.ts';

/** Candidates kept per client; Infinity solves the unpruned problem exactly. */
export const DEFAULT_CANDIDATE_LIMIT = 24;
export type BatchOptions = { candidateLimit?: number };

/** `assignBatch`'s result plus what an optimality check needs (see optimality.ts). */
export type BatchSolution = BatchResult & { index: MatchingIndex; providerPrice: Float64Array; unassignedCost: number };

/**
 * Leaving a client out costs more than any total fit can make up (at most MAX_FIT per assigned
 * client is at stake), so the count assigned is maximised first. Twice that, so an optimality
 * certificate (optimality.ts) can also prove the count from a bound that is not exact.
 */
export function unassignedCostFor(index: MatchingIndex): number {
  const places = index.freePlaces.reduce((sum, free) => sum + free, 0);
  return 2 * MAX_FIT * Math.min(index.clients.length, places) + 1;
}

export function solveBatch(
  clients: readonly MatchClient[],
  providers: readonly MatchProvider[],
  { candidateLimit = DEFAULT_CANDIDATE_LIMIT }: BatchOptions = {},
): BatchSolution {
  if (!(candidateLimit >= 1)) throw new RangeError(`candidateLimit must be at least 1, got ${candidateLimit}.`);
  const index = indexMatching(clients, providers);
  const candidates = topCandidates(index, candidateLimit);
  const unassignedCost = unassignedCostFor(index);
  const { edgeOf, providerPrice } = solveAssignment({
    clientCount: index.clients.length,
    providerCount: index.providers.length,
    start: candidates.start,
    provider: candidates.provider,
    cost: candidates.fit.map((fit) => MAX_FIT - fit),
    capacity: index.freePlaces,
    unassignedCost,
  });

  const providerOf = Int32Array.from(edgeOf, (edge) => (edge < 0 ? -1 : candidates.provider[edge]!));
  const fitOf = Int32Array.from(edgeOf, (edge) => (edge < 0 ? 0 : candidates.fit[edge]!));
  const free = index.freePlaces.slice();
  for (const p of providerOf) if (p >= 0) free[p] = free[p]! - 1;
  // Pruning must never be why someone waits: a client left out with places free among providers
  // beyond their kept candidates takes the best of those.
  providerOf.forEach((assigned, c) => {
    if (assigned >= 0 || candidates.truncated[c] === 0) return;
    const [p, fit] = bestWithRoom(index, c, free);
    if (p < 0) return;
    providerOf[c] = p;
    fitOf[c] = fit;
    free[p] = free[p]! - 1;
  });
  return { ...present(index, providerOf, fitOf), index, providerPrice, unassignedCost };
}

export function assignBatch(
  clients: readonly MatchClient[],
  providers: readonly MatchProvider[],
  options: BatchOptions = {},
): BatchResult {
  const { assignments, unassigned } = solveBatch(clients, providers, options);
  return { assignments, unassigned };
}

/** The baseline: clients in waiting order, each taking their best provider with a place left. */
export function greedyAssign(clients: readonly MatchClient[], providers: readonly MatchProvider[]): BatchResult {
  const index = indexMatching(clients, providers);
  const free = index.freePlaces.slice();
  const providerOf = new Int32Array(index.clients.length).fill(-1);
  const fitOf = new Int32Array(index.clients.length);
  for (let c = 0; c < index.clients.length; c += 1) {
    const [p, fit] = bestWithRoom(index, c, free);
    if (p < 0) continue;
    providerOf[c] = p;
    fitOf[c] = fit;
    free[p] = free[p]! - 1;
  }
  return present(index, providerOf, fitOf);
}

/** The eligible provider with a free place and the highest fit (smallest id on ties), or −1. */
function bestWithRoom(index: MatchingIndex, client: number, free: Int32Array): [provider: number, fit: number] {
  let best = -1;
  let bestFit = -1;
  for (const p of index.eligibleFor(client)) {
    if (free[p]! <= 0) continue;
    const fit = index.fit(client, p);
    if (fit > bestFit) {
      best = p;
      bestFit = fit;
    }
  }
  return [best, bestFit];
}

function present(index: MatchingIndex, providerOf: Int32Array, fitOf: Int32Array): BatchResult {
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  index.clients.forEach((client, c) => {
    const p = providerOf[c]!;
    if (p < 0) unassigned.push(client.id);
    else assignments.push({ clientId: client.id, providerId: index.providers[p]!.id, score: fitOf[c]! });
  });
  return { assignments, unassigned };
}
