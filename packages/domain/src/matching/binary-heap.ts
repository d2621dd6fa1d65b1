// A binary min-heap of node numbers keyed by an outside array of distances, with decrease-key, so
// the assignment solver's Dijkstra keeps one entry per node and allocates nothing per edge.
// Indexes are in range by construction, hence the non-null assertions on typed-array reads.

export class NodeHeap {
  private readonly heap: Int32Array;
  /** Where each node sits in `heap`, or −1 when it is not queued. */
  private readonly position: Int32Array;
  /** When each node was last queued or moved up: among equal keys the latest comes first. */
  private readonly stamp: Int32Array;
  private clock = 0;
  private size = 0;

  constructor(
    nodeCount: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
    this.stamp = new Int32Array(nodeCount);
  }

  /** Whether node a comes out before node b. */
  private before(a: number, b: number): boolean {
    const keyA = this.key[a]!;
    const keyB = this.key[b]!;
    return keyA < keyB;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The smallest key queued (Infinity when empty). */
  peekKey(): number {
    return this.size === 0 ? Infinity : this.key[this.heap[0]!]!;
  }

  /** Queues the node, or moves it up after its key fell. */
  push(node: number): void {
    this.stamp[node] = ++this.clock;
    let at = this.position[node]!;
    if (at < 0) {
      at = this.size++;
      this.heap[at] = node;
      this.position[node] = at;
    }
    this.siftUp(at);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.position[top] = -1;
    this.size -= 1;
    if (this.size > 0) {
      const last = this.heap[this.size]!;
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  /** Empties the heap in time proportional to what is still queued. */
  clear(): void {
    for (let at = 0; at < this.size; at += 1) this.position[this.heap[at]!] = -1;
    this.size = 0;
  }

  private siftUp(start: number): void {
    const { heap, position } = this;
    const node = heap[start]!;
    let at = start;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = heap[parentAt]!;
      if (!this.before(node, parent)) break;
      heap[at] = parent;
      position[parent] = at;
      at = parentAt;
    }
    heap[at] = node;
    position[node] = at;
  }

  private siftDown(start: number): void {
    const { heap, position, size } = this;
    const node = heap[start]!;
    let at = start;
    for (;;) {
      let childAt = 2 * at + 1;
      if (childAt >= size) break;
      const rightAt = childAt + 1;
      if (rightAt < size && this.before(heap[rightAt]!, heap[childAt]!)) childAt = rightAt;
      const child = heap[childAt]!;
      if (!this.before(child, node)) break;
      heap[at] = child;
      position[child] = at;
      at = childAt;
    }
    heap[at] = node;
    position[node] = at;
  }
}
