// String keys kept as 64-bit hashes with a few integers each, in typed arrays: an index of a million keys
// in ~24–40 MB instead of the ~130 MB a Map<string, {…}> of 64-character keys costs. A hash says "maybe this
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

const FIRST_SLOTS = 1024;
const SEGMENT_BITS = 5; // a reference is slot × 32 + segment

/**
 * Open-addressing tables of key hashes, each slot with `width` 32-bit integers of payload. The tables are
 * never copied into larger ones: when the newest is half full, one twice its size is added and a lookup asks
 * each (newest first). Growth by copying held the old and the new arrays at once: a file cache of a million
 * keys peaked at 63 MB for its 42 MB index.
 *
 * @example
 * const table = new HashedTable(1);
 * const ref = table.insert('q1'); // a new slot
 * table.set(ref, 0, 7);
 * table.get(table.find('q1'), 0); // → 7
 * table.find('q2'); // → -1
 */
export class HashedTable {
  private readonly hashes: Int32Array[] = [];
  private readonly payloads: Int32Array[] = [];
  /** Keys the newest table takes before it is half full. */
  private room = 0;
  size = 0;
  /** Whether the last `insert` made a new slot. */
  isNew = false;

  constructor(private readonly width: number) {}

  /** The reference of `key`'s slot (or of a key with the same 64-bit hash), or -1. */
  find(key: string): number {
    const [a, b] = keyHashes(key);
    return this.lookup(a, b);
  }

  /** The reference of `key`'s slot, made (payload zeroed) when the key is new; `isNew` says which. */
  insert(key: string): number {
    const [a, b] = keyHashes(key);
    const found = this.lookup(a, b);
    if (found >= 0) {
      this.isNew = false;
      return found;
    }
    if (this.room === 0) this.addTable();
    const segment = this.hashes.length - 1;
    const hash = this.hashes[segment]!;
    const mask = hash.length / 2 - 1;
    let i = home(a, b) & mask;
    while (hash[2 * i] !== EMPTY || hash[2 * i + 1] !== EMPTY) i = (i + 1) & mask;
    hash[2 * i] = a;
    hash[2 * i + 1] = b;
    this.room--;
    this.size++;
    this.isNew = true;
    return i * (1 << SEGMENT_BITS) + segment;
  }

  /** Payload integer `k` (0 … width − 1) of the slot `ref`. */
  get(ref: number, k: number): number {
    return this.payloads[ref & ((1 << SEGMENT_BITS) - 1)]![(ref >>> SEGMENT_BITS) * this.width + k]!;
  }

  set(ref: number, k: number, value: number): void {
    this.payloads[ref & ((1 << SEGMENT_BITS) - 1)]![(ref >>> SEGMENT_BITS) * this.width + k] = value;
  }

  private lookup(a: number, b: number): number {
    const start = home(a, b);
    for (let segment = this.hashes.length - 1; segment >= 0; segment--) {
      const hash = this.hashes[segment]!;
      const mask = hash.length / 2 - 1;
      for (let i = start & mask; ; i = (i + 1) & mask) {
        const x = hash[2 * i]!;
        const y = hash[2 * i + 1]!;
        if (x === a && y === b) return i * (1 << SEGMENT_BITS) + segment;
        if (x === EMPTY && y === EMPTY) break;
      }
    }
    return -1;
  }

  private addTable(): void {
    const last = this.hashes[this.hashes.length - 1];
    const slots = last ? last.length : FIRST_SLOTS; // 2 ints a slot: twice the slots of the last table
    // References keep the slot in 27 bits (read back with >>>): ~67 million keys in all.
    if (slots > 2 ** 26) throw new RangeError('HashedTable: more than 2^26 keys');
    this.hashes.push(new Int32Array(2 * slots));
    this.payloads.push(new Int32Array(this.width * slots));
    this.room = slots / 2;
  }
}

/** Where a hash's probe starts (both halves mixed: FNV-1a's low bits alone follow the last characters). */
const home = (a: number, b: number) => a ^ Math.imul(b, 0x27d4eb2d);
