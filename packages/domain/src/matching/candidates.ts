// Each client's candidate list for the exact solver: their eligible providers with the highest
// fit, at most `limit` of them. Pruning keeps the graph at n × limit edges instead of every
// eligible pair (thousands per client in a populous state). It is not free: a client whose best
// place in the optimum lies beyond their top `limit` is placed less well. There is no worst-case
// bound; the product's bar (within 1% of the optimal total fit) is measured by the benchmark
// (bench/matching.bench.ts) against the unpruned solve, and with `limit` = Infinity the
// solver is exact. Indexes are in range by construction (non-null assertions).
import type { MatchingIndex } from './matching-index.ts';

export type CandidateLists = {
  start: Int32Array;
  provider: Int32Array;
  fit: Int32Array;
  /** 1 when the client had more eligible providers than were kept. */
  truncated: Uint8Array;
};

export function topCandidates(index: MatchingIndex, limit: number): CandidateLists {
  const n = index.clients.length;
  const start = new Int32Array(n + 1);
  for (let c = 0; c < n; c += 1) start[c + 1] = start[c]! + Math.min(limit, index.eligibleFor(c).length);
  const provider = new Int32Array(start[n]!);
  const fit = new Int32Array(start[n]!);
  const truncated = new Uint8Array(n);

  for (let c = 0; c < n; c += 1) {
    const eligible = index.eligibleFor(c);
    const first = start[c]!;
    if (eligible.length <= limit) {
      for (let k = 0; k < eligible.length; k += 1) {
        provider[first + k] = eligible[k]!;
        fit[first + k] = index.fit(c, eligible[k]!);
      }
      continue;
    }
    truncated[c] = 1;
    // Insertion into a list kept in descending fit; equal fits keep the earlier (smaller id) first.
    let kept = 0;
    for (let k = 0; k < eligible.length; k += 1) {
      const p = eligible[k]!;
      const score = index.fit(c, p);
      if (kept === limit && score <= fit[first + limit - 1]!) continue;
      let at = kept < limit ? first + kept++ : first + limit - 1;
      while (at > first && fit[at - 1]! < score) {
        fit[at] = fit[at - 1]!;
        provider[at] = provider[at - 1]!;
        at -= 1;
      }
      fit[at] = score;
      provider[at] = p;
    }
  }
  return { start, provider, fit, truncated };
}
