// Seeded randomness for demo data: the same seed gives the same network on every machine, so demo
// loads and benchmarks are reproducible. mulberry32: tiny, fast, and plenty for fake people.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(list: readonly T[]): T;
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
  /** `k` distinct items in random order (all of them when k ≥ length). */
  sample<T>(list: readonly T[], k: number): T[];
  /** `k` distinct items, each draw favouring the heavier of those left. */
  weightedSample<T>(items: readonly T[], weights: readonly number[], k: number): T[];
  /** Shuffles `list` in place and returns it. */
  shuffle<T>(list: T[]): T[];
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0;
    for (const weight of weights) total += weight;
    if (!(total > 0)) throw new RangeError('weightedPick needs at least one positive weight.');
    let remaining = next() * total;
    let last = 0;
    for (let index = 0; index < weights.length; index += 1) {
      const weight = weights[index] ?? 0;
      if (weight > 0) last = index;
      remaining -= weight;
      if (remaining < 0 && weight > 0) return index;
    }
    return last; // float rounding at the very top
  };

  // Fisher–Yates over the first `k` places only: a sample costs k swaps, not a full shuffle.
  const shuffleFirst = <T>(list: T[], k: number): T[] => {
    const places = Math.min(Math.max(0, k), list.length);
    for (let index = 0; index < places; index += 1) {
      const other = int(index, list.length - 1);
      [list[index], list[other]] = [list[other] as T, list[index] as T];
    }
    return list;
  };
  const shuffle = <T>(list: T[]): T[] => shuffleFirst(list, list.length - 1);

  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (list) => {
      if (list.length === 0) throw new RangeError('Cannot pick from an empty list.');
      return list[int(0, list.length - 1)] as (typeof list)[number];
    },
    weightedPick: (items, weights) => {
      if (items.length !== weights.length) throw new RangeError('Each item needs exactly one weight.');
      return items[weightedIndex(weights)] as (typeof items)[number];
    },
    sample: (list, k) => shuffleFirst([...list], k).slice(0, Math.max(0, k)),
    weightedSample: (items, weights, k) => {
      if (items.length !== weights.length) throw new RangeError('Each item needs exactly one weight.');
      const remaining = [...weights];
      const chosen: Array<(typeof items)[number]> = [];
      const available = remaining.filter((weight) => weight > 0).length;
      while (chosen.length < Math.min(k, available)) {
        const index = weightedIndex(remaining);
        chosen.push(items[index] as (typeof items)[number]);
        remaining[index] = 0;
      }
      return chosen;
    },
    shuffle,
  };
}
