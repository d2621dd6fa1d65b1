// A proof of how close a batch assignment is to the best possible, without solving the unpruned
// problem: linear-programming duality. Any non-negative price per provider place gives a lower
// bound on the cost (1000 − fit per assigned client, `unassignedCost` per client left out) of
// every assignment: each client pays at least the cheapest of "leave out" and "candidate's cost +
// its price", minus what all places are worth at those prices. The solver's own prices make that
// bound tight on the problem it solved; checking them against every eligible pair, pruned or not,
// bounds the unpruned optimum.
import type { BatchSolution } from './assign-batch.ts';
import { MAX_FIT } from './fit.ts';

/**
 * An upper bound on the total fit of the optimal (unpruned) assignment, or null when the bound
 * cannot also prove that no assignment places more clients than this one.
 */
export function fitUpperBound(solution: BatchSolution): number | null {
  const { index, providerPrice, unassignedCost, assignments } = solution;
  const n = index.clients.length;
  let lowerCost = 0;
  for (let c = 0; c < n; c += 1) {
    let cheapest = unassignedCost;
    for (const p of index.eligibleFor(c)) {
      const cost = MAX_FIT - index.fit(c, p) + (providerPrice[p] ?? 0);
      if (cost < cheapest) cheapest = cost;
    }
    lowerCost += cheapest;
  }
  index.freePlaces.forEach((free, p) => (lowerCost -= free * (providerPrice[p] ?? 0)));

  const assigned = assignments.length;
  const fit = assignments.reduce((sum, assignment) => sum + assignment.score, 0);
  const ourCost = MAX_FIT * assigned - fit + unassignedCost * (n - assigned);
  // Placing one more client would lower the cost by at least unassignedCost − MAX_FIT·(assigned + 1);
  // if our cost is closer than that to the bound, no assignment places more clients than ours.
  const countProven = assigned === n || ourCost - lowerCost < unassignedCost - MAX_FIT * (assigned + 1);
  if (!countProven) return null;
  return unassignedCost * n - (unassignedCost - MAX_FIT) * assigned - lowerCost;
}
