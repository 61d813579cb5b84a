/**
 * The row that first used each phone number of a file, for duplicate detection.
 * A Map of a million numbers costs ~80 bytes an entry on V8's heap; this open-addressed
 * table of typed arrays costs 12 bytes a slot (at most half full), outside the heap.
 * Keys are E.164 digits as numbers (at most 15 digits, exact in a double), never 0.
 */
export class FirstRowTable {
  private keys: Float64Array;
  private rows: Int32Array;
  private size = 0;
  /** 32 − log2(capacity): the hash's top bits pick the slot, the well-mixed ones. */
  private shift: number;

  constructor(capacityBits = 16) {
    this.keys = new Float64Array(2 ** capacityBits);
    this.rows = new Int32Array(2 ** capacityBits);
    this.shift = 32 - capacityBits;
  }

  get(key: number): number | undefined {
    const slot = this.slotOf(key);
    return this.keys[slot] === key ? this.rows[slot] : undefined;
  }

  set(key: number, row: number): this {
    const slot = this.slotOf(key);
    if (this.keys[slot] !== key) {
      this.keys[slot] = key;
      this.size += 1;
    }
    this.rows[slot] = row;
    if (this.size * 2 > this.keys.length) this.grow();
    return this;
  }

  // Fibonacci hashing of both halves of the number, then linear probing.
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1) >>> this.shift;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.shift -= 1;
    for (let i = 0; i < keys.length; i += 1) {
      if (keys[i] === 0) continue;
      const slot = this.slotOf(keys[i]);
      this.keys[slot] = keys[i];
      this.rows[slot] = rows[i];
    }
  }
}
