// Exact batch assignment as a minimum-cost flow, solved by cost scaling (Goldberg–Tarjan
// push–relabel, which on an assignment network behaves like Bertsekas' auction with ε-scaling).
//
// Network: each client sends one unit, along a candidate edge to a provider (cost 1000 − fit) or
// to "unassigned"; each provider passes at most its free places on to the sink. Node potentials
// act as prices; a flow is ε-optimal when no residual arc's reduced cost is below −ε. Each phase
// ("refine") turns a flow optimal to within α·ε into one optimal to within ε by local moves only:
// a client bids for its best provider, a provider over its places raises its price and sends back
// the client who values it least. Costs are multiplied by more than the number of nodes, so at
// ε = 1 every residual cycle has non-negative whole cost and the flow is exactly optimal; usually
// it is optimal phases earlier, which optimality-proof.ts proves, and then the solver stops.
//
// Leaving a client out costs more than any single assignment, so nobody waits while a provider
// they could have has room. Whether the count assigned is also the largest possible is checked
// afterwards (maximum-count.ts); in the rare case it is not, that cost is raised and the problem
// solved again, at worst up to a cost at which the count is maximal by construction. Keeping the
// cost small keeps prices, and so the number of phases, small.
//
// Successive shortest paths (Hungarian row by row, and the primal–dual form) were implemented
// first and are exact too, but fit scores tie so often that every search for an augmenting path
// re-explores large regions of equally good alternatives: 50–140 s for the benchmark's 100,000
// clients, against a few seconds here.
import { canPlaceMore } from './maximum-count.ts';
import { proveOptimal } from './optimality-proof.ts';
import { PushRelabel } from './push-relabel.ts';

export type AssignmentProblem = {
  clientCount: number;
  providerCount: number;
  /** Candidate edges of client c are edges start[c] ≤ e < start[c + 1]. */
  start: Int32Array;
  provider: Int32Array;
  /** Non-negative integer cost of each edge. */
  cost: Int32Array;
  /** Free places of each provider. */
  capacity: Int32Array;
};

export type AssignmentSolution = {
  /** The candidate edge each client was assigned along, or −1. */
  edgeOf: Int32Array;
  /** Each provider's dual price (≥ 0) in cost units: what one more place there would be worth. */
  providerPrice: Float64Array;
  /** The cost of leaving a client out in the problem finally solved. */
  unassignedCost: number;
};

/** How much ε shrinks per phase: larger means fewer phases, each with more work. */
const EPSILON_FACTOR = 4;

export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { clientCount: n, providerCount: m, start, provider, capacity } = problem;
  let maxCost = 1;
  for (const cost of problem.cost) maxCost = Math.max(maxCost, cost);
  const places = capacity.reduce((sum, free) => sum + Math.max(0, free), 0);
  // At this cost no trade of fit can justify leaving one more client out.
  const countIsMaximal = maxCost * Math.min(n, places) + 1;
  for (let unassignedCost = 4 * maxCost + 1; ; unassignedCost = Math.min(countIsMaximal, 16 * unassignedCost)) {
    const solution = solveWith(problem, unassignedCost);
    if (unassignedCost >= countIsMaximal) return solution;
    const providerOf = Int32Array.from(solution.edgeOf, (edge) => (edge >= 0 ? provider[edge]! : -1));
    const placesLeft = Int32Array.from(capacity, (free) => Math.max(0, free));
    for (const p of providerOf) if (p >= 0) placesLeft[p] = placesLeft[p]! - 1;
    const candidatesOf = (client: number) => provider.subarray(start[client], start[client + 1]);
    if (!canPlaceMore(m, candidatesOf, providerOf, placesLeft)) return solution;
  }
}

function solveWith(problem: AssignmentProblem, unassignedCost: number): AssignmentSolution {
  const flow = new PushRelabel(problem, unassignedCost);
  const { clientCount: n, providerCount: m } = problem;
  const { sink, scale } = flow;
  let maxCost = unassignedCost;
  for (const cost of problem.cost) maxCost = Math.max(maxCost, cost);
  // Below one cost unit, each phase whose assignment cost did not change tries to prove itself final.
  let proof: Float64Array | null = null;
  let previousCost = NaN;
  for (let epsilon = Math.max(1, Math.ceil((maxCost * scale) / EPSILON_FACTOR)); ;) {
    flow.refine(epsilon);
    if (epsilon === 1) break;
    if (epsilon < scale) {
      const cost = assignmentCost(problem, flow.at, unassignedCost);
      if (cost === previousCost) proof = proveOptimal(flow, 4 * (problem.provider.length + n + m));
      if (proof) break;
      previousCost = cost;
    }
    epsilon = Math.max(1, Math.floor(epsilon / EPSILON_FACTOR));
  }

  // Whole-number prices are exact duals; the optimality certificate (optimality.ts) is then tight.
  proof ??= proveOptimal(flow, 20 * (problem.provider.length + n + m));

  // Potentials and costs are integers held in doubles: exact only below 2^53.
  for (const value of flow.potential) {
    if (Math.abs(value) >= 2 ** 53) throw new RangeError('The assignment is too large for exact arithmetic.');
  }
  const price = (p: number) => (proof ? proof[sink]! - proof[n + p]! : (flow.potential[sink]! - flow.potential[n + p]!) / scale);
  const providerPrice = Float64Array.from({ length: m }, (_, p) => Math.max(0, price(p)));
  const edgeOf = Int32Array.from(flow.at, (edge) => (edge >= 0 ? edge : -1));
  return { edgeOf, providerPrice, unassignedCost };
}

function assignmentCost(problem: AssignmentProblem, at: Int32Array, unassignedCost: number): number {
  let total = 0;
  for (const edge of at) total += edge >= 0 ? problem.cost[edge]! : unassignedCost;
  return total;
}
