// The second half of each phase of the assignment solver: augment along every path of zero
// reduced cost ("admissible") from a waiting client to the sink, by depth-first search. Those
// are exactly the current shortest paths, so augmenting them keeps the flow of minimum cost.
//
// A search marks what it visits and the marks last for a whole sweep over the waiting clients,
// so the sweep costs no more than one pass over the graph; a node skipped because an earlier
// search in the sweep visited it is tried again in the next sweep. Sweeps repeat until one finds
// nothing: with no augmentation in it, every mark is a true dead end, so no admissible path is left.
// Indexes are in range by construction (non-null assertions).

export type FlowState = {
  clientCount: number;
  start: Int32Array;
  provider: Int32Array;
  /** Edge costs, shifted per client so that its cheapest edge costs 0. */
  edgeCost: Int32Array;
  /** The cost of leaving each client unassigned, shifted the same way. */
  leaveCost: Float64Array;
  capacity: Int32Array;
  potential: Float64Array;
  edgeOf: Int32Array;
  /** Clients not yet routed (assigned or left out), in waiting order; the first `waitingCount` count. */
  waiting: Int32Array;
  waitingCount: number;
  /** Each provider's places are a run of slots holding its clients. */
  slotStart: Int32Array;
  slotClient: Int32Array;
  slotOf: Int32Array;
  used: Int32Array;
};

/** Augments along admissible paths until none is left; returns how many clients were routed. */
export function routeAdmissible(flow: FlowState): number {
  const nodeCount = flow.potential.length;
  const visitedIn = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  const pathNode = new Int32Array(nodeCount + 1);
  const pathEdge = new Int32Array(nodeCount + 1);
  let routed = 0;
  for (let sweep = 1; flow.waitingCount > 0; sweep += 1) {
    let stillWaiting = 0;
    for (let i = 0; i < flow.waitingCount; i += 1) {
      const client = flow.waiting[i]!;
      if (search(flow, client, sweep, visitedIn, cursor, pathNode, pathEdge)) routed += 1;
      else flow.waiting[stillWaiting++] = client;
    }
    const found = flow.waitingCount - stillWaiting;
    flow.waitingCount = stillWaiting;
    if (found === 0) break;
  }
  return routed;
}

/** One depth-first search from a waiting client; augments and returns true when it reaches the sink. */
function search(
  flow: FlowState,
  source: number,
  sweep: number,
  visitedIn: Int32Array,
  cursor: Int32Array,
  pathNode: Int32Array,
  pathEdge: Int32Array,
): boolean {
  const { clientCount: n, start, provider, edgeCost, leaveCost, capacity, potential, edgeOf, slotStart, slotClient, used } = flow;
  if (visitedIn[source] === sweep) return false;
  visitedIn[source] = sweep;
  cursor[source] = start[source]!;
  pathNode[0] = source;
  let depth = 0;
  while (depth >= 0) {
    const node = pathNode[depth]!;
    let next = -1;
    if (node < n) {
      // A client: along an admissible edge to a provider, or else out of the assignment.
      const current = edgeOf[node]!;
      const end = start[node + 1]!;
      for (let e = cursor[node]!; e < end; e += 1) {
        const target = n + provider[e]!;
        if (e === current || visitedIn[target] === sweep) continue;
        if (edgeCost[e]! + potential[node]! - potential[target]! !== 0) continue;
        cursor[node] = e + 1;
        pathEdge[depth] = e;
        const p = target - n;
        if (used[p]! < capacity[p]! && potential[target] === 0) {
          augmentToPlace(flow, pathNode, pathEdge, depth, p);
          return true;
        }
        next = target;
        break;
      }
      if (next < 0) {
        cursor[node] = end;
        if (leaveCost[node]! + potential[node]! === 0) {
          augmentToLeave(flow, pathNode, pathEdge, depth);
          return true;
        }
      }
    } else {
      // A full provider: one of its clients makes way along an admissible reversed edge.
      const p = node - n;
      const end = slotStart[p]! + used[p]!;
      for (let slot = cursor[node]!; slot < end; slot += 1) {
        const client = slotClient[slot]!;
        if (visitedIn[client] === sweep) continue;
        if (potential[node]! - edgeCost[edgeOf[client]!]! - potential[client]! !== 0) continue;
        cursor[node] = slot + 1;
        next = client;
        break;
      }
      if (next < 0) cursor[node] = end;
    }
    if (next < 0) {
      depth -= 1; // a dead end for the rest of this sweep
      continue;
    }
    visitedIn[next] = sweep;
    cursor[next] = next < n ? start[next]! : slotStart[next - n]!;
    pathNode[++depth] = next;
  }
  return false;
}

/**
 * The path's clients each move one step: the last provider gains a client in a new place, and
 * every other client takes the place of the one it displaced. `last` is the depth of the client
 * whose edge reaches `provider`.
 */
function augmentToPlace(flow: FlowState, pathNode: Int32Array, pathEdge: Int32Array, last: number, provider: number): void {
  const slot = flow.slotStart[provider]! + flow.used[provider]!;
  flow.used[provider] = flow.used[provider]! + 1;
  shiftAlong(flow, pathNode, pathEdge, last, slot);
}

/** The client at depth `last` leaves the assignment; the rest of the path moves up behind it. */
function augmentToLeave(flow: FlowState, pathNode: Int32Array, pathEdge: Int32Array, last: number): void {
  if (last === 0) return; // the waiting client itself stays unassigned
  const leaving = pathNode[last]!;
  const slot = flow.slotOf[leaving]!;
  flow.edgeOf[leaving] = -1;
  flow.slotOf[leaving] = -1;
  shiftAlong(flow, pathNode, pathEdge, last - 2, slot);
}

/** Clients at depths last, last − 2, …, 0 take `slot` and then each other's vacated places. */
function shiftAlong(flow: FlowState, pathNode: Int32Array, pathEdge: Int32Array, last: number, firstSlot: number): void {
  let slot = firstSlot;
  for (let depth = last; depth >= 0; depth -= 2) {
    const client = pathNode[depth]!;
    const vacated = flow.slotOf[client]!;
    flow.slotClient[slot] = client;
    flow.slotOf[client] = slot;
    flow.edgeOf[client] = pathEdge[depth]!;
    slot = vacated;
  }
}
