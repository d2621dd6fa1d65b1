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
export type BatchSolution = BatchResult & {
  index: MatchingIndex;
  /** Each client's provider (indexes into index.clients and index.providers), or −1. */
  providerOf: Int32Array;
  providerPrice: Float64Array;
  unassignedCost: number;
};

export function solveBatch(
  clients: readonly MatchClient[],
  providers: readonly MatchProvider[],
  { candidateLimit = DEFAULT_CANDIDATE_LIMIT }: BatchOptions = {},
): BatchSolution {
  if (!(candidateLimit >= 1)) throw new RangeError(`candidateLimit must be at least 1, got ${candidateLimit}.`);
  const index = indexMatching(clients, providers);
  const candidates = topCandidates(index, candidateLimit);
  const { edgeOf, providerPrice, unassignedCost } = solveAssignment({
    clientCount: index.clients.length,
    providerCount: index.providers.length,
    start: candidates.start,
    provider: candidates.provider,
    cost: candidates.fit.map((fit) => MAX_FIT - fit),
    capacity: index.freePlaces,
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
  return { ...present(index, providerOf, fitOf), index, providerOf, providerPrice, unassignedCost };
}

export function assignBatch(clients: readonly MatchClient[], providers: readonly MatchProvider[], options: BatchOptions = {}): BatchResult {
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
  const eligible = index.eligibleFor(client);
  const fits = new Int32Array(eligible.length);
  index.fitsFor(client, fits);
  let best = -1;
  let bestFit = -1;
  eligible.forEach((p, k) => {
    if (free[p]! > 0 && fits[k]! > bestFit) {
      best = p;
      bestFit = fits[k]!;
    }
  });
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
