// A proof of how close a batch assignment is to the best possible without solving the unpruned
// problem: linear-programming duality. Any non-negative price per provider place gives a lower
// bound on the cost (1000 − fit per assigned client, `unassignedCost` per client left out) of
// every assignment: each client pays at least the cheaper of leaving and of its best eligible
// provider's cost plus price, minus what all places are worth at those prices. The solver's own
// prices make that bound tight on the problem it solved; checking them against every eligible
// pair, pruned or not, bounds the unpruned optimum.
import type { BatchSolution } from './assign-batch.ts';
import { MAX_FIT } from './fit.ts';
import { canPlaceMore } from './maximum-count.ts';

/**
 * An upper bound on the total fit of the optimal unpruned assignment, or null when some client
 * left out could still have been placed (then the optimum places more clients and the two totals
 * do not compare).
 */
export function fitUpperBound(solution: BatchSolution): number | null {
  const { index, providerPrice, unassignedCost, assignments, providerOf } = solution;
  const n = index.clients.length;
  const placesLeft = index.freePlaces.slice();
  for (const p of providerOf) if (p >= 0) placesLeft[p] = (placesLeft[p] ?? 0) - 1;
  if (assignments.length < n && canPlaceMore(index.providers.length, index.eligibleFor, providerOf, placesLeft)) return null;

  let lowerCost = 0;
  let fits = new Int32Array(64);
  for (let c = 0; c < n; c += 1) {
    const eligible = index.eligibleFor(c);
    if (fits.length < eligible.length) fits = new Int32Array(eligible.length * 2);
    index.fitsFor(c, fits);
    let cheapest = unassignedCost;
    eligible.forEach((p, k) => {
      cheapest = Math.min(cheapest, MAX_FIT - (fits[k] ?? 0) + (providerPrice[p] ?? 0));
    });
    lowerCost += cheapest;
  }
  index.freePlaces.forEach((free, p) => (lowerCost -= free * (providerPrice[p] ?? 0)));
  // Every assignment placing as many clients as this one costs at least lowerCost.
  const assigned = assignments.length;
  return MAX_FIT * assigned + unassignedCost * (n - assigned) - lowerCost;
}
