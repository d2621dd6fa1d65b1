// How long a tab waits before trying the live socket again. Full jitter: a random wait up to an
// exponentially growing ceiling, so a thousand tabs cut off by one server restart do not all come
// back in the same second.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 20_000;

/** The wait before attempt `attempt` (0 for the first retry): random(0, min(cap, base · 2^attempt)). */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
