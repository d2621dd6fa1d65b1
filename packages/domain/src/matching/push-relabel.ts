// The moves of cost-scaling push–relabel on the assignment network (see assignment-solver.ts).
// Reduced cost of an arc u → w is cost·scale + π(u) − π(w); an arc is admissible when that is
// negative. "Value" of an arc out of a client is the client potential at which it would cost 0.
// Only nodes with surplus act: a client whose unit is at home, a provider holding more clients
// than it passes to the sink, or the sink holding more than it needs. A node with no admissible
// arc is relabelled: its potential drops until its best arc costs −ε.
// Indexes are in range by construction (non-null assertions).
import { ArcHeap } from './arc-heap.ts';
import { HeldClients } from './held-clients.ts';
import type { AssignmentProblem } from './assignment-solver.ts';

/** `at` values that are not edges: the unit is at the client, or went to "unassigned". */
export const HOME = -1;
export const LEFT = -2;

export class PushRelabel {
  readonly potential: Float64Array;
  /** Where each client's unit is: a candidate edge, HOME or LEFT. */
  readonly at: Int32Array;
  readonly sink: number;
  /** Greater than the number of nodes, so ε = 1 at this scale is below 1 / nodes in cost units. */
  readonly scale: number;
  readonly n: number;
  readonly start: Int32Array;
  readonly provider: Int32Array;
  readonly cost: Int32Array;
  readonly capacity: Int32Array;
  readonly leaveCost: number;
  readonly held: HeldClients;
  /** Units each provider passes to the sink. */
  readonly out: Int32Array;
  /** Units at the sink beyond the n it needs (negative while it needs more). */
  private sinkSurplus = 0;
  private readonly sinkArcs = new ArcHeap();
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private length = 0;

  constructor(problem: AssignmentProblem, unassignedCost: number) {
    const { clientCount: n, providerCount: m } = problem;
    this.n = n;
    this.sink = n + m;
    this.scale = n + m + 2;
    this.start = problem.start;
    this.provider = problem.provider;
    this.cost = problem.cost;
    this.capacity = Int32Array.from(problem.capacity, (free) => Math.max(0, free));
    this.leaveCost = unassignedCost * this.scale;
    this.potential = new Float64Array(n + m + 1);
    this.at = new Int32Array(n).fill(HOME);
    this.held = new HeldClients(m, problem.provider);
    this.out = new Int32Array(m);
    this.queue = new Int32Array(n + m + 1);
    this.queued = new Uint8Array(n + m + 1);
  }

  /** One phase: from a flow optimal to within some larger ε to one optimal to within ε. */
  refine(epsilon: number): void {
    this.begin(epsilon);
    const { n, sink } = this;
    while (this.length > 0) {
      const node = this.queue[this.head]!;
      this.head = this.head + 1 === this.queue.length ? 0 : this.head + 1;
      this.length -= 1;
      this.queued[node] = 0;
      if (node < n) this.dischargeClient(node, epsilon);
      else if (node < sink) this.dischargeProvider(node - n, epsilon);
      else this.dischargeSink(epsilon);
    }
  }

  /**
   * Keeps every assignment still within ε of its client's best alternative (moving the client's
   * potential only as far as ε-optimality needs) and sends the rest home; then saturates or
   * empties provider arcs to the sink whose reduced cost is now below −ε. The result is
   * ε-optimal, with surpluses and shortfalls for the phase to settle.
   */
  private begin(epsilon: number): void {
    const { n, sink, scale, start, provider, cost, potential, at, out, capacity } = this;
    const held = this.held.count;
    const leaveValue = potential[sink]! - this.leaveCost;
    this.held.clear();
    let left = 0;
    for (let c = 0; c < n; c += 1) {
      const current = at[c]!;
      let alternative = current === LEFT ? -Infinity : leaveValue;
      for (let e = start[c]!; e < start[c + 1]!; e += 1) {
        if (e !== current) alternative = Math.max(alternative, potential[n + provider[e]!]! - cost[e]! * scale);
      }
      if (current === HOME) {
        potential[c] = alternative;
        this.enqueue(c);
        continue;
      }
      const kept = current === LEFT ? leaveValue : potential[n + provider[current]!]! - cost[current]! * scale;
      if (kept < alternative - epsilon) {
        at[c] = HOME;
        potential[c] = alternative;
        this.enqueue(c);
        continue;
      }
      potential[c] = Math.min(kept + epsilon, Math.max(potential[c]!, alternative - epsilon));
      if (current === LEFT) left += 1;
      else this.hold(provider[current]!, c);
    }
    this.sinkArcs.clear();
    let sinkInflow = left;
    for (let p = 0; p < out.length; p += 1) {
      const margin = potential[n + p]! - potential[sink]!;
      if (out[p]! < capacity[p]! && margin < -epsilon) out[p] = capacity[p]!;
      else if (out[p]! > 0 && margin > epsilon) out[p] = 0;
      if (out[p]! > 0) this.sinkArcs.push(-potential[n + p]!, n + p);
      if (held[p]! > out[p]!) this.enqueue(n + p);
      sinkInflow += out[p]!;
    }
    for (let c = 0; c < n; c += 1) if (at[c] === LEFT) this.sinkArcs.push(this.sinkKey(c), c);
    this.sinkSurplus = sinkInflow - n;
    if (this.sinkSurplus > 0) this.enqueue(sink);
  }

  /**
   * A client at home bids, as in an auction: it takes its best arc and lowers its potential to
   * where its second best would cost −ε, so a provider keeps it over clients with thinner margins.
   */
  private dischargeClient(client: number, epsilon: number): void {
    const { n, scale, start, provider, cost, potential } = this;
    let best = potential[this.sink]! - this.leaveCost;
    let second = -Infinity;
    let bestEdge = LEFT;
    for (let e = start[client]!; e < start[client + 1]!; e += 1) {
      const value = potential[n + provider[e]!]! - cost[e]! * scale;
      if (value > best) {
        second = best;
        best = value;
        bestEdge = e;
      } else if (value > second) second = value;
    }
    potential[client] = Math.min(potential[client]!, (second === -Infinity ? best : second) - epsilon);
    this.at[client] = bestEdge;
    if (bestEdge === LEFT) {
      this.sinkArcs.push(this.sinkKey(client), client);
      this.sinkSurplus += 1;
      if (this.sinkSurplus > 0) this.enqueue(this.sink);
      return;
    }
    const p = provider[bestEdge]!;
    this.hold(p, client);
    if (this.held.count[p]! > this.out[p]!) this.enqueue(n + p);
  }

  /** A provider over what it passes on uses a free place or sends back its lowest-margin client. */
  private dischargeProvider(p: number, epsilon: number): void {
    const { n, sink, potential, out, capacity } = this;
    const held = this.held.count;
    const node = n + p;
    while (held[p]! > out[p]!) {
      const toSink = out[p]! < capacity[p]! ? potential[node]! - potential[sink]! : Infinity;
      const toClient = potential[node]! + this.held.topKey(p);
      const best = Math.min(toSink, toClient);
      if (best >= 0) potential[node] = potential[node]! - (best + epsilon);
      if (toSink <= toClient) {
        const amount = Math.min(held[p]! - out[p]!, capacity[p]! - out[p]!);
        if (out[p] === 0) this.sinkArcs.push(-potential[node]!, node);
        out[p] = out[p]! + amount;
        this.sinkSurplus += amount;
        if (this.sinkSurplus > 0) this.enqueue(sink);
        continue;
      }
      const client = this.held.removeTop(p);
      this.at[client] = HOME;
      this.enqueue(client);
    }
  }

  /**
   * The sink holding more units than clients exist sends units back along its cheapest arcs: to
   * providers it values least, or to clients who went unassigned, relabelling when none is
   * admissible. Heap entries whose key moved are queued again with the current key.
   */
  private dischargeSink(epsilon: number): void {
    const { n, sink, potential, out, sinkArcs } = this;
    while (this.sinkSurplus > 0 && sinkArcs.size > 0) {
      const node = sinkArcs.topNode();
      const residual = node < n ? this.at[node] === LEFT : out[node - n]! > 0;
      const key = this.sinkKey(node);
      if (!residual || key !== sinkArcs.topKey()) {
        sinkArcs.pop();
        if (residual) sinkArcs.push(key, node);
        continue;
      }
      const reduced = potential[sink]! + key;
      if (reduced >= 0) potential[sink] = potential[sink]! - (reduced + epsilon);
      if (node < n) {
        sinkArcs.pop();
        this.at[node] = HOME;
        this.sinkSurplus -= 1;
        this.enqueue(node);
        continue;
      }
      const p = node - n;
      const amount = Math.min(this.sinkSurplus, out[p]!);
      out[p] = out[p]! - amount;
      this.sinkSurplus -= amount;
      if (out[p] === 0) sinkArcs.pop();
      if (this.held.count[p]! > out[p]) this.enqueue(node);
    }
  }

  /** The part of a sink arc's reduced cost that does not depend on the sink's own potential. */
  private sinkKey(node: number): number {
    return node < this.n ? -this.leaveCost - this.potential[node]! : -this.potential[node]!;
  }

  /** The part of a provider's arc back to a held client that stays fixed while it is held. */
  private heldKey(client: number): number {
    return -this.cost[this.at[client]!]! * this.scale - this.potential[client]!;
  }

  private hold(p: number, client: number): void {
    this.held.add(p, client, this.heldKey(client));
  }

  private enqueue(node: number): void {
    if (this.queued[node] === 1) return;
    this.queued[node] = 1;
    const slot = this.head + this.length;
    this.queue[slot >= this.queue.length ? slot - this.queue.length : slot] = node;
    this.length += 1;
  }
}
