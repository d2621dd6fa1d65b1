// Whether an assignment places as many clients as possible. By Berge's theorem it does unless an
// augmenting path exists: from an unassigned client, to a provider it could go to, on through a
// client that provider holds (who would move), …, to a provider with a place left. One search
// from all unassigned clients at once settles it; each provider and client is visited once.
// Indexes are in range by construction (non-null assertions).

export function canPlaceMore(
  providerCount: number,
  /** The providers each client could go to. */
  candidatesOf: (client: number) => ArrayLike<number>,
  /** Each client's provider, or −1. */
  providerOf: Int32Array,
  /** Places each provider still has. */
  placesLeft: Int32Array,
): boolean {
  const clientCount = providerOf.length;
  // The clients each provider holds, grouped by provider.
  const heldStart = new Int32Array(providerCount + 1);
  for (const p of providerOf) if (p >= 0) heldStart[p + 1] = heldStart[p + 1]! + 1;
  for (let p = 0; p < providerCount; p += 1) heldStart[p + 1] = heldStart[p + 1]! + heldStart[p]!;
  const held = new Int32Array(clientCount);
  const fill = heldStart.slice(0, providerCount);
  providerOf.forEach((p, client) => {
    if (p >= 0) held[fill[p]!++] = client;
  });

  const seenProvider = new Uint8Array(providerCount);
  const seenClient = new Uint8Array(clientCount);
  const queue = new Int32Array(clientCount);
  let tail = 0;
  providerOf.forEach((p, client) => {
    if (p >= 0) return;
    seenClient[client] = 1;
    queue[tail++] = client;
  });
  for (let head = 0; head < tail; head += 1) {
    const client = queue[head]!;
    const candidates = candidatesOf(client);
    for (let k = 0; k < candidates.length; k += 1) {
      const p = candidates[k]!;
      if (seenProvider[p] === 1 || p === providerOf[client]) continue;
      seenProvider[p] = 1;
      if (placesLeft[p]! > 0) return true;
      for (let h = heldStart[p]!; h < heldStart[p + 1]!; h += 1) {
        const next = held[h]!;
        if (seenClient[next] === 0) {
          seenClient[next] = 1;
          queue[tail++] = next;
        }
      }
    }
  }
  return false;
}
