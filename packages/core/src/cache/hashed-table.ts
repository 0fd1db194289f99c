// String keys kept as 64-bit hashes with a few integers each, in one typed array: an index of a million keys
// in ~24–32 MB instead of the ~130 MB a Map<string, {…}> of 64-character keys costs. A hash says "maybe this
// key": callers that must be exact confirm a hit against where the payload points (the cache reads the line
// and compares its key; a duplicate prediction id is checked on its file line).

const EMPTY = 0;

/** Two independent 32-bit hashes of the key's UTF-16 code units (FNV-1a and a murmur3-style mix). */
export function keyHashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  // (0, 0) marks an empty slot.
  if (a === EMPTY && b === EMPTY) b = 1;
  return [a | 0, b | 0];
}

/**
 * An open-addressing table of key hashes, each with `width` 32-bit integers of payload (≤ 50 % load).
 *
 * @example
 * const table = new HashedTable(1);
 * const at = table.insert('q1'); // a new slot
 * table.payload[at] = 7;
 * table.find('q1'); // → at (payload[at] is 7)
 * table.find('q2'); // → -1
 */
export class HashedTable {
  /** Slot i's payload is `payload[find(key) … + width - 1]`. */
  payload: Int32Array;
  private hash: Int32Array;
  private mask = 1023;
  size = 0;

  constructor(private readonly width: number) {
    this.hash = new Int32Array(2 * 1024);
    this.payload = new Int32Array(width * 1024);
  }

  /** The payload index of `key`'s slot (or of a key with the same 64-bit hash), or -1. */
  find(key: string): number {
    const [a, b] = keyHashes(key);
    const i = this.slotOf(a, b);
    return this.hash[2 * i] === EMPTY && this.hash[2 * i + 1] === EMPTY ? -1 : i * this.width;
  }

  /** The payload index of `key`'s slot, made (zeroed) when the key is new; `isNew` says which. */
  insert(key: string): number {
    const [a, b] = keyHashes(key);
    let i = this.slotOf(a, b);
    if (this.hash[2 * i] !== EMPTY || this.hash[2 * i + 1] !== EMPTY) {
      this.isNew = false;
      return i * this.width;
    }
    if ((this.size + 1) * 2 > this.mask + 1) {
      this.rehash(this.mask * 2 + 1);
      i = this.slotOf(a, b);
    }
    this.hash[2 * i] = a;
    this.hash[2 * i + 1] = b;
    this.size++;
    this.isNew = true;
    return i * this.width;
  }

  /** Whether the last `insert` made a new slot. */
  isNew = false;

  /**
   * Room for `keys` keys in all without growing: a table filled from a file of known size is made once at its final
   * size, not copied at every doubling (each copy holds the old and the new table at once).
   */
  reserve(keys: number): void {
    let slots = this.mask + 1;
    while (keys * 2 > slots) slots *= 2;
    if (slots > this.mask + 1) this.rehash(slots - 1);
  }

  /** The slot holding (a, b), or the empty slot where it would go. */
  private slotOf(a: number, b: number): number {
    const hash = this.hash;
    for (let i = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask; ; i = (i + 1) & this.mask) {
      const x = hash[2 * i]!;
      const y = hash[2 * i + 1]!;
      if ((x === a && y === b) || (x === EMPTY && y === EMPTY)) return i;
    }
  }

  private rehash(mask: number): void {
    const oldHash = this.hash;
    const oldPayload = this.payload;
    const width = this.width;
    this.mask = mask;
    this.hash = new Int32Array(2 * (this.mask + 1));
    this.payload = new Int32Array(width * (this.mask + 1));
    for (let j = 0; j < oldHash.length / 2; j++) {
      const a = oldHash[2 * j]!;
      const b = oldHash[2 * j + 1]!;
      if (a === EMPTY && b === EMPTY) continue;
      const i = this.slotOf(a, b);
      this.hash[2 * i] = a;
      this.hash[2 * i + 1] = b;
      for (let k = 0; k < width; k++) this.payload[i * width + k] = oldPayload[j * width + k]!;
    }
  }
}
