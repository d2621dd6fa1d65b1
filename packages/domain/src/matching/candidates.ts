// Each client's candidate list for the exact solver: their eligible providers with the highest
// fit, at most `limit` of them. Pruning keeps the graph at n × limit edges instead of every
// eligible pair (716 per client on average in the benchmark's 100,000 × 20,000 instance, 72
// million in all). It can cost fit: a client whose place in the unpruned optimum lies beyond their
// top `limit` is placed less well, and because every client ranks providers partly on the same
// load and outcome points, lists crowd onto the same popular providers. No worst-case bound holds.
// The product allows 1% below the optimal total fit; the benchmark measures the loss against the
// unpruned solve on instances of the same density (0.013–0.016% at the default 24) and bounds it
// on the full instance by LP duality (optimality.ts: at most 0.39%). Smaller lists are not safe:
// 16 lost 0.8% of the total fit and 6 lost 15%. With `limit` = Infinity nothing is pruned.
// Indexes are in range by construction (non-null assertions).
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

  let scores = new Int32Array(64);
  for (let c = 0; c < n; c += 1) {
    const eligible = index.eligibleFor(c);
    if (scores.length < eligible.length) scores = new Int32Array(eligible.length * 2);
    index.fitsFor(c, scores);
    const first = start[c]!;
    if (eligible.length <= limit) {
      provider.set(eligible, first);
      fit.set(scores.subarray(0, eligible.length), first);
      continue;
    }
    truncated[c] = 1;
    // Insertion into a list kept in descending fit; equal fits keep the earlier (smaller id) first.
    let kept = 0;
    for (let k = 0; k < eligible.length; k += 1) {
      const score = scores[k]!;
      if (kept === limit && score <= fit[first + limit - 1]!) continue;
      let at = kept < limit ? first + kept++ : first + limit - 1;
      while (at > first && fit[at - 1]! < score) {
        fit[at] = fit[at - 1]!;
        provider[at] = provider[at - 1]!;
        at -= 1;
      }
      fit[at] = score;
      provider[at] = eligible[k]!;
    }
  }
  return { start, provider, fit, truncated };
}
