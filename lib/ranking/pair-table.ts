/**
 * A hash table from pairs of small non-negative integers (two word numbers) to an integer (a term
 * number), kept in one typed array: a library has hundreds of thousands of distinct word pairs, and
 * a Map of Maps (or a string per pair) spent more time allocating and collecting than counting.
 * Open addressing with linear probing, at most half full; each slot holds first, second, value
 * side by side, so a look-up touches one cache line.
 */
export class PairTable {
  private slots: Int32Array;
  private filled = 0;

  /** `expected`: how many pairs to make room for at once (growing rehashes them all). */
  constructor(expected = 1 << 11) {
    this.slots = new Int32Array(3 << Math.ceil(Math.log2(Math.max(2 * expected + 1, 16)))).fill(-1);
  }

  /** The value of a pair, or −1 when it has none. */
  get(first: number, second: number): number {
    const at = this.find(first, second);
    return this.slots[at] === -1 ? -1 : this.slots[at + 2];
  }

  /** Sets the value (≥ 0) of a pair. */
  set(first: number, second: number, value: number): void {
    const at = this.find(first, second);
    if (this.slots[at] === -1) {
      this.slots[at] = first;
      this.slots[at + 1] = second;
      this.filled += 1;
    }
    this.slots[at + 2] = value;
    if (this.filled * 6 > this.slots.length) this.grow();
  }

  /** Where the pair is, or the empty slot where it would go. */
  private find(first: number, second: number): number {
    const { slots } = this;
    const mask = slots.length / 3 - 1;
    // Multiplicative hashing of both numbers, high bits folded down (low bits alone are poor).
    let hash = Math.imul(first, 0x9e3779b1) + Math.imul(second ^ 0x5bd1e995, 0x85ebca6b);
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x7feb352d);
    hash ^= hash >>> 15;
    let at = (hash & mask) * 3;
    while (slots[at] !== -1 && (slots[at] !== first || slots[at + 1] !== second)) {
      at += 3;
      if (at === slots.length) at = 0;
    }
    return at;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.filled = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== -1) this.set(old[at], old[at + 1], old[at + 2]);
  }
}
