// The clients each provider holds during cost scaling, as one min-heap per provider, keyed by the
// part of the provider's arc back to the client that stays fixed while the client is held (so the
// client it would send back first is always on top). All heaps share two typed arrays: provider
// p owns the run of slots from start[p], as long as its number of candidate clients, so it can
// never overflow. Indexes are in range by construction (non-null assertions).

export class HeldClients {
  /** How many clients each provider holds. */
  readonly count: Int32Array;
  readonly start: Int32Array;
  readonly client: Int32Array;
  private readonly key: Float64Array;

  constructor(providerCount: number, candidateProviders: Int32Array) {
    this.count = new Int32Array(providerCount);
    this.start = new Int32Array(providerCount + 1);
    for (const p of candidateProviders) this.start[p + 1] = this.start[p + 1]! + 1;
    for (let p = 0; p < providerCount; p += 1) this.start[p + 1] = this.start[p + 1]! + this.start[p]!;
    this.client = new Int32Array(this.start[providerCount]!);
    this.key = new Float64Array(this.start[providerCount]!);
  }

  clear(): void {
    this.count.fill(0);
  }

  /** The smallest key provider p holds (it must hold someone). */
  topKey(p: number): number {
    return this.key[this.start[p]!]!;
  }

  add(p: number, client: number, key: number): void {
    const { client: clients, key: keys } = this;
    const base = this.start[p]!;
    let at = this.count[p]!;
    this.count[p] = at + 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[base + parent]! <= key) break;
      clients[base + at] = clients[base + parent]!;
      keys[base + at] = keys[base + parent]!;
      at = parent;
    }
    clients[base + at] = client;
    keys[base + at] = key;
  }

  /** Removes and returns the client with the smallest key. */
  removeTop(p: number): number {
    const { client: clients, key: keys } = this;
    const base = this.start[p]!;
    const top = clients[base]!;
    const size = this.count[p]! - 1;
    this.count[p] = size;
    const last = clients[base + size]!;
    const key = keys[base + size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[base + child + 1]! < keys[base + child]!) child += 1;
      if (key <= keys[base + child]!) break;
      clients[base + at] = clients[base + child]!;
      keys[base + at] = keys[base + child]!;
      at = child;
    }
    clients[base + at] = last;
    keys[base + at] = key;
    return top;
  }
}
