// Instant matching (PRODUCT §2.3): when someone eligible has room, the client is matched at once
// with the best fit, and told why; otherwise they join the queue (see wait-estimate.ts).
import { fitScore } from './fit.ts';
import { isEligible } from './hard-rules.ts';
import type { Match, MatchClient, MatchProvider } from './types.ts';

/** Highest fit among eligible providers with room; equal fits go to the smaller id, so reruns agree. */
export function bestMatch(client: MatchClient, providers: readonly MatchProvider[]): Match | null {
  let best: Match | null = null;
  for (const provider of providers) {
    if (!isEligible(client, provider)) continue;
    const { score, reasons } = fitScore(client, provider);
    const better = best === null || score > best.score || (score === best.score && provider.id < best.providerId);
    if (better) best = { providerId: provider.id, score, reasons };
  }
  return best;
}
