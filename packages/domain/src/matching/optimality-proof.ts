// Stopping early, with proof. Cost scaling is exact once ε is below 1/nodes in cost units, but the
// flow is usually optimal several phases before that. It is optimal exactly when whole-number
// potentials exist under which no residual arc has negative (unscaled) cost; a label-correcting
// search (Bellman–Ford with a queue), started from the current potentials rounded down, finds
// such potentials within a pass or two when they exist. When they do not, some cycle would still
// improve the flow and the search would run on, so it stops after a fixed amount of work and the
// phases continue. Indexes are in range by construction (non-null assertions).
import { LEFT, type PushRelabel } from './push-relabel.ts';

/** Whole-number potentials (in cost units) proving the current flow optimal, or null. */
export function proveOptimal(flow: PushRelabel, workLimit: number): Float64Array | null {
  const { n, sink, scale, start, provider, cost, capacity, held, out, at } = flow;
  const m = sink - n;
  const leave = flow.leaveCost / scale;
  const label = Float64Array.from(flow.potential, (value) => Math.floor(value / scale));
  const left: number[] = [];
  at.forEach((edge, client) => {
    if (edge === LEFT) left.push(client);
  });
  const queue = new Int32Array(sink + 1);
  const queued = new Uint8Array(sink + 1);
  let head = 0;
  let length = 0;
  const lower = (node: number, value: number): void => {
    if (value >= label[node]!) return;
    label[node] = value;
    if (queued[node] === 1) return;
    queued[node] = 1;
    queue[(head + length) % queue.length] = node;
    length += 1;
  };
  for (let node = 0; node <= sink; node += 1) {
    queued[node] = 1;
    queue[node] = node;
  }
  length = sink + 1;

  // Every residual arc u → w of cost c asks for label[w] ≤ label[u] + c.
  for (let work = 0; length > 0;) {
    const node = queue[head]!;
    head = (head + 1) % queue.length;
    length -= 1;
    queued[node] = 0;
    const from = label[node]!;
    if (node < n) {
      const current = at[node]!;
      if (current !== LEFT) lower(sink, from + leave);
      for (let e = start[node]!; e < start[node + 1]!; e += 1) if (e !== current) lower(n + provider[e]!, from + cost[e]!);
      work += start[node + 1]! - start[node]! + 1;
    } else if (node < sink) {
      const p = node - n;
      for (let slot = held.start[p]!, end = slot + held.count[p]!; slot < end; slot += 1) {
        const client = held.client[slot]!;
        lower(client, from - cost[at[client]!]!);
      }
      if (out[p]! < capacity[p]!) lower(sink, from);
      work += held.count[p]! + 1;
    } else {
      for (let p = 0; p < m; p += 1) if (out[p]! > 0) lower(n + p, from);
      for (const client of left) lower(client, from - leave);
      work += m + left.length;
    }
    if (work > workLimit) return null;
  }
  return label;
}
