// Sample ids of a run, kept as hashes: a 32-bit fingerprint in a slot chosen by another 32 bits of the id's
// 64-bit hash, 4 bytes a slot at most half full, so a million ids take ~8 MB instead of the ~43 bytes an id
// costs in a Set<string> (~86 MB). The fingerprints cannot be moved to a larger table (the bits that chose
// their slot are not kept), so the set never grows a table: when the newest is half full it adds one twice
// its size, and a lookup asks each (11 tables at a million ids). No copy on growth, so no peak of old and new.
// A hash says "maybe seen": a caller that must be exact (a duplicate id is an error) confirms a hit against its
// source. A new id meets a fingerprint twin with probability about (occupied slots on its probe paths) / 2^32:
// ~0.003 twins over a whole run of a million ids, each costing the caller one confirmation.
import { keyHashes } from '../cache/hashed-table.js';

const FIRST_SLOTS = 1024;

/**
 * A set of id hashes.
 *
 * @example
 * const ids = new HashedIdSet();
 * ids.add('q1'); // → false (new)
 * ids.add('q1'); // → true (seen: 'q1', or an id with the same hash)
 * ids.has('q2'); // → false
 */
export class HashedIdSet {
  /** Each a power of two of fingerprints (0: empty slot), filled to half, each twice the one before. */
  private readonly tables: Int32Array[] = [];
  /** Ids the newest table takes before it is half full. */
  private room = 0;
  size = 0;

  /** Adds `id`; true when it (or an id with the same fingerprint and slot) was added before. */
  add(id: string): boolean {
    const [a, b] = keyHashes(id);
    const print = b || 1;
    const home = a ^ Math.imul(b, 0x27d4eb2d);
    if (this.seen(home, print)) return true;
    if (this.room === 0) {
      const slots = this.tables.length === 0 ? FIRST_SLOTS : 2 * this.tables[this.tables.length - 1]!.length;
      this.tables.push(new Int32Array(slots));
      this.room = slots / 2;
    }
    const table = this.tables[this.tables.length - 1]!;
    const mask = table.length - 1;
    let i = home & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = print;
    this.room--;
    this.size++;
    return false;
  }

  /** True when `id` (or an id with the same fingerprint and slot, see above) was added. */
  has(id: string): boolean {
    const [a, b] = keyHashes(id);
    return this.seen(a ^ Math.imul(b, 0x27d4eb2d), b || 1);
  }

  private seen(home: number, print: number): boolean {
    for (const table of this.tables) {
      const mask = table.length - 1;
      for (let i = home & mask; ; i = (i + 1) & mask) {
        const x = table[i]!;
        if (x === print) return true;
        if (x === 0) break;
      }
    }
    return false;
  }
}
