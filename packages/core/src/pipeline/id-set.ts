// Sample ids of a run, kept as 64-bit hashes (HashedTable, no payload): 8 bytes a slot instead of the ~43 bytes
// an id costs in a Set<string> (the string and the entry), so joining 1M predictions keeps ~16 MB, not ~86 MB.
// A hash says "maybe seen": a caller that must be exact (a duplicate id is an error) confirms a hit against its
// source (about 1 in 10^10 hits is a hash twin for a million ids).
import { HashedTable } from '../cache/hashed-table.js';

/**
 * A set of id hashes.
 *
 * @example
 * const ids = new HashedIdSet();
 * ids.add('q1'); // → false (new)
 * ids.add('q1'); // → true (seen: 'q1', or an id with the same 64-bit hash)
 * ids.has('q2'); // → false
 */
export class HashedIdSet {
  private readonly table = new HashedTable(0);

  get size(): number {
    return this.table.size;
  }

  /** Adds `id`; true when it (or an id with the same 64-bit hash) was added before. */
  add(id: string): boolean {
    this.table.insert(id);
    return !this.table.isNew;
  }

  /** True when `id` (or an id with the same 64-bit hash, about 1 in 10^10 for a million ids) was added. */
  has(id: string): boolean {
    return this.table.find(id) >= 0;
  }
}
