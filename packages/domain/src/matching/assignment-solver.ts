// Exact batch assignment as a minimum-cost flow, solved by successive shortest paths.
//
// Network: each client sends one unit, either along a candidate edge to a provider (cost
// 1000 − fit) or to "unassigned" (cost `unassignedCost`, more than any total fit can make up, so
// the number assigned is maximised first); each provider passes at most its free places on to the
// sink. Augmenting only along shortest paths keeps the flow of minimum cost at every step.
//
// Shortest paths come in phases (the primal-dual form of the method): one Dijkstra from all
// clients still waiting, on costs reduced by node potentials so they are never negative, finds
// the current shortest distance to the sink and updates the potentials; then every path of that
// length is an "admissible" path of zero reduced cost, and as many of them as exist are augmented
// by depth-first search before the next Dijkstra. Fit scores tie often, so shortest paths are
// rarely unique: finding them all in one sweep, rather than one Dijkstra per client, is what
// makes 100,000 clients fast. Each client's costs are first shifted so that its best edge costs 0
// (every client sends exactly one unit, so this changes every assignment's cost by the same sum).
//
// Typed arrays throughout, no per-edge objects; indexes are in range by construction, hence the
// non-null assertions on typed-array reads.
import { routeAdmissible, type FlowState } from './admissible-paths.ts';
import { NodeHeap } from './binary-heap.ts';

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
  unassignedCost: number;
};

export type AssignmentSolution = {
  /** The candidate edge each client was assigned along, or −1. */
  edgeOf: Int32Array;
  /** Each provider's dual price (≥ 0): what one more place there would be worth. */
  providerPrice: Float64Array;
};

export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const flow = initialFlow(problem);
  const { clientCount: n, providerCount: m } = problem;
  const distance = new Float64Array(n + m).fill(Infinity);
  const heap = new NodeHeap(n + m, distance);
  const settled = new Int32Array(n + m);
  const touched = new Int32Array(n + m);

  while (flow.waitingCount > 0) {
    updatePotentials(flow, heap, distance, settled, touched);
    routeAdmissible(flow);
  }

  const providerPrice = new Float64Array(m);
  for (let p = 0; p < m; p += 1) providerPrice[p] = Math.max(0, -flow.potential[n + p]!);
  return { edgeOf: flow.edgeOf, providerPrice };
}

function initialFlow(problem: AssignmentProblem): FlowState {
  const { clientCount: n, providerCount: m, start, provider, cost, capacity, unassignedCost } = problem;
  const edgeCost = new Int32Array(cost.length);
  const leaveCost = new Float64Array(n);
  for (let c = 0; c < n; c += 1) {
    let cheapest = unassignedCost;
    for (let e = start[c]!; e < start[c + 1]!; e += 1) cheapest = Math.min(cheapest, cost[e]!);
    for (let e = start[c]!; e < start[c + 1]!; e += 1) edgeCost[e] = cost[e]! - cheapest;
    leaveCost[c] = unassignedCost - cheapest;
  }
  const slotStart = new Int32Array(m + 1);
  const places = Int32Array.from(capacity, (free) => Math.max(0, free));
  for (let p = 0; p < m; p += 1) slotStart[p + 1] = slotStart[p]! + places[p]!;
  return {
    clientCount: n,
    start,
    provider,
    edgeCost,
    leaveCost,
    capacity: places,
    // Nodes: clients 0..n−1, providers n..n+m−1; the sink's potential is held at 0.
    potential: new Float64Array(n + m),
    edgeOf: new Int32Array(n).fill(-1),
    waiting: Int32Array.from({ length: n }, (_, c) => c),
    waitingCount: n,
    slotStart,
    slotClient: new Int32Array(slotStart[m]!),
    slotOf: new Int32Array(n).fill(-1),
    used: new Int32Array(m),
  };
}

/**
 * Dijkstra from every waiting client at once, stopped as soon as nothing queued is closer than
 * the best way to the sink found so far; settled nodes then move by (distance − that length),
 * which keeps every reduced cost non-negative and makes every shortest path cost exactly zero.
 */
function updatePotentials(
  flow: FlowState,
  heap: NodeHeap,
  distance: Float64Array,
  settled: Int32Array,
  touched: Int32Array,
): void {
  const { clientCount: n, start, provider, edgeCost, leaveCost, capacity, potential, edgeOf, slotStart, slotClient, used } = flow;
  let touchedCount = 0;
  let settledCount = 0;
  const reach = (node: number, candidate: number): boolean => {
    const current = distance[node]!;
    if (candidate >= current) return false;
    if (current === Infinity) touched[touchedCount++] = node;
    distance[node] = candidate;
    heap.push(node);
    return true;
  };

  // The best way out is noted when a node is reached, not when it is settled, so the search stops
  // as early as possible.
  let best = Infinity;
  for (let i = 0; i < flow.waitingCount; i += 1) {
    const client = flow.waiting[i]!;
    reach(client, 0);
    best = Math.min(best, leaveCost[client]! + potential[client]!);
  }
  while (heap.peekKey() < best) {
    const node = heap.pop();
    settled[settledCount++] = node;
    const base = distance[node]! + potential[node]!;
    if (node < n) {
      const current = edgeOf[node]!;
      for (let e = start[node]!; e < start[node + 1]!; e += 1) {
        if (e === current) continue;
        const p = provider[e]!;
        const reached = base + edgeCost[e]! - potential[n + p]!;
        if (reach(n + p, reached) && used[p]! < capacity[p]!) best = Math.min(best, reached + potential[n + p]!);
      }
    } else {
      const p = node - n;
      for (let slot = slotStart[p]!, end = slot + used[p]!; slot < end; slot += 1) {
        const client = slotClient[slot]!;
        const reached = base - edgeCost[edgeOf[client]!]! - potential[client]!;
        if (reach(client, reached)) best = Math.min(best, reached + leaveCost[client]! + potential[client]!);
      }
    }
  }

  for (let i = 0; i < settledCount; i += 1) {
    const node = settled[i]!;
    potential[node] = potential[node]! + distance[node]! - best;
  }
  for (let i = 0; i < touchedCount; i += 1) distance[touched[i]!] = Infinity;
  heap.clear();
}
