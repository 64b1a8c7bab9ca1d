// Aho-Corasick automaton over UTF-16 code units: built once per dictionary, scans a text in O(length + matches).
// Children are kept in flat arrays (CSR, sorted by code unit) so 100k words need a few MB, not a Map per node;
// the root has a dense 65,536-entry table because most characters of a text leave the automaton at the root.

export interface AcMatch {
  /** Index of the pattern in the array given to buildAutomaton. */
  pattern: number;
  start: number;
  end: number;
}

export class AhoCorasick {
  readonly patternCount: number;
  private readonly rootNext: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childCount: Int32Array;
  private readonly childChar: Uint16Array;
  private readonly childNode: Int32Array;
  private readonly fail: Int32Array;
  /** Pattern ending at the node (-1 if none) and the next node on the failure chain that ends a pattern. */
  private readonly output: Int32Array;
  private readonly outLink: Int32Array;
  private readonly lengths: Int32Array;
  /** Every edge in an open-addressing hash table keyed by (parent, code unit): one probe per character when scanning. */
  private readonly edgeMask: number;
  private readonly edgeShift: number;
  private readonly edgeParent: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeChild: Int32Array;

  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    // 1. Trie with per-node child lists built in Maps only during construction.
    const children: Map<number, number>[] = [new Map()];
    const output: number[] = [-1];
    this.lengths = new Int32Array(patterns.length);
    patterns.forEach((p, index) => {
      this.lengths[index] = p.length;
      if (p.length === 0) return;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let next = children[node]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          output.push(-1);
          children[node]!.set(c, next);
        }
        node = next;
      }
      // Duplicate words: the first entry wins.
      if (output[node] === -1) output[node] = index;
    });
    const n = children.length;
    this.childStart = new Int32Array(n);
    this.childCount = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += children[i]!.size;
    this.childChar = new Uint16Array(total);
    this.childNode = new Int32Array(total);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const entries = [...children[i]!.entries()].sort((a, b) => a[0] - b[0]);
      this.childStart[i] = pos;
      this.childCount[i] = entries.length;
      for (const [c, node] of entries) {
        this.childChar[pos] = c;
        this.childNode[pos++] = node;
      }
      children[i] = undefined as unknown as Map<number, number>; // free as we go
    }
    let capacity = 1024;
    while (capacity < total * 2) capacity *= 2;
    this.edgeMask = capacity - 1;
    this.edgeShift = 32 - Math.log2(capacity);
    this.edgeParent = new Int32Array(capacity).fill(-1);
    this.edgeChar = new Uint16Array(capacity);
    this.edgeChild = new Int32Array(capacity);
    for (let node = 1; node < n; node++) {
      for (let k = this.childStart[node]!; k < this.childStart[node]! + this.childCount[node]!; k++) {
        let h = edgeHash(node, this.childChar[k]!, this.edgeShift);
        while (this.edgeParent[h] !== -1) h = (h + 1) & this.edgeMask;
        this.edgeParent[h] = node;
        this.edgeChar[h] = this.childChar[k]!;
        this.edgeChild[h] = this.childNode[k]!;
      }
    }
    this.rootNext = new Int32Array(65536);
    for (let k = this.childStart[0]!; k < this.childStart[0]! + this.childCount[0]!; k++) this.rootNext[this.childChar[k]!] = this.childNode[k]!;
    // 2. Failure links breadth-first.
    this.output = Int32Array.from(output);
    this.fail = new Int32Array(n);
    this.outLink = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let k = this.childStart[0]!; k < this.childStart[0]! + this.childCount[0]!; k++) queue[tail++] = this.childNode[k]!;
    while (head < tail) {
      const node = queue[head++]!;
      const end = this.childStart[node]! + this.childCount[node]!;
      for (let k = this.childStart[node]!; k < end; k++) {
        const c = this.childChar[k]!;
        const child = this.childNode[k]!;
        let f = this.fail[node]!;
        let target = -1;
        for (;;) {
          target = f === 0 ? this.rootNext[c]! : this.child(f, c);
          if (target > 0 || f === 0) break;
          f = this.fail[f]!;
        }
        this.fail[child] = target > 0 && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.outLink[child] = this.output[fc]! >= 0 ? fc : this.outLink[fc]!;
        queue[tail++] = child;
      }
    }
  }

  /** Number of trie nodes (for memory estimates). */
  get nodeCount(): number {
    return this.fail.length;
  }

  private child(node: number, c: number): number {
    let lo = this.childStart[node]!;
    let hi = lo + this.childCount[node]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const mc = this.childChar[mid]!;
      if (mc === c) return this.childNode[mid]!;
      if (mc < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Every occurrence of every pattern (overlapping ones included), in order of end offset. */
  search(text: string): AcMatch[] {
    // Hot loop: typed arrays in locals, one hash probe per transition, the root as a dense table.
    const matches: AcMatch[] = [];
    const { rootNext, edgeMask, edgeShift, edgeParent, edgeChar, edgeChild, fail, output, outLink, lengths } = this;
    const n = text.length;
    let node = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      while (node !== 0) {
        let h = edgeHash(node, c, edgeShift);
        let next = 0;
        for (let p = edgeParent[h]!; p !== -1; p = edgeParent[h]!) {
          if (p === node && edgeChar[h] === c) {
            next = edgeChild[h]!;
            break;
          }
          h = (h + 1) & edgeMask;
        }
        if (next !== 0) {
          node = next;
          break;
        }
        node = fail[node]!;
      }
      if (node === 0) {
        node = rootNext[c]!;
        if (node === 0) continue;
      }
      for (let o = output[node]! >= 0 ? node : outLink[node]!; o >= 0; o = outLink[o]!) {
        const pattern = output[o]!;
        matches.push({ pattern, start: i + 1 - lengths[pattern]!, end: i + 1 });
      }
    }
    return matches;
  }
}

/** Fibonacci hashing: the top bits of the product index a table of 2^(32 − shift) slots. */
function edgeHash(node: number, c: number, shift: number): number {
  return Math.imul(Math.imul(node, 0x01000193) ^ c, 0x9e3779b1) >>> shift;
}
