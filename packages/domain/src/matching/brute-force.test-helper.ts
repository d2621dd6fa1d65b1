// The exhaustive optimum for small instances, which assignBatch must equal: most clients placed,
// then the largest total fit. Every client either stays out or takes any eligible provider with a
// place left.
import { fitScore } from './fit.ts';
import { isEligible } from './hard-rules.ts';
import type { MatchClient, MatchProvider } from './types.ts';

export type Outcome = { assigned: number; fit: number };

export const better = (a: Outcome, b: Outcome) => a.assigned > b.assigned || (a.assigned === b.assigned && a.fit > b.fit);

export function bruteForceOptimum(clients: readonly MatchClient[], providers: readonly MatchProvider[]): Outcome {
  const options = clients.map((client) =>
    providers.flatMap((provider, p) => (isEligible(client, provider) ? [{ p, fit: fitScore(client, provider).score }] : [])),
  );
  const placesLeft = providers.map((provider) => Math.max(0, provider.capacity - provider.activeClients));
  let best: Outcome = { assigned: 0, fit: 0 };
  const visit = (next: number, sofar: Outcome): void => {
    if (next === clients.length) {
      if (better(sofar, best)) best = sofar;
      return;
    }
    visit(next + 1, sofar);
    for (const { p, fit } of options[next] ?? []) {
      if ((placesLeft[p] ?? 0) === 0) continue;
      placesLeft[p] = (placesLeft[p] ?? 0) - 1;
      visit(next + 1, { assigned: sofar.assigned + 1, fit: sofar.fit + fit });
      placesLeft[p] = (placesLeft[p] ?? 0) + 1;
    }
  };
  visit(0, best);
  return best;
}
