// A binary min-heap of (key, node) pairs in typed arrays, growing as needed; equal keys come out
// by node number so the solver is deterministic. Used for the sink's arcs, whose keys go stale:
// the solver checks an entry when it reaches the top and queues it again if it moved.

export class ArcHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0] ?? Infinity;
  }

  topNode(): number {
    return this.nodes[0] ?? -1;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    const { keys, nodes } = this;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey < key || (parentKey === key && nodes[parent]! <= node)) break;
      keys[at] = parentKey;
      nodes[at] = nodes[parent]!;
      at = parent;
    }
    keys[at] = key;
    nodes[at] = node;
  }

  pop(): void {
    const { keys, nodes } = this;
    const size = --this.size;
    const key = keys[size]!;
    const node = nodes[size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (keys[right]! < keys[child]! || (keys[right] === keys[child] && nodes[right]! < nodes[child]!))) {
        child = right;
      }
      if (key < keys[child]! || (key === keys[child] && node <= nodes[child]!)) break;
      keys[at] = keys[child]!;
      nodes[at] = nodes[child]!;
      at = child;
    }
    keys[at] = key;
    nodes[at] = node;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
