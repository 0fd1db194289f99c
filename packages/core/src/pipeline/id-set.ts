// Sample ids of a run, kept as 64-bit hashes (HashedTable): 12 bytes a slot instead of the ~43 bytes an id
// costs in a Set<string> (the string and the entry), so joining 1M predictions keeps ~25 MB, not ~86 MB.
// A hash says "maybe seen"; `add` also returns the line the colliding id came from, so a caller that must be
// exact (a duplicate id is an error) can confirm it against its source.
import { HashedTable } from '../cache/hashed-table.js';

/**
 * A set of id hashes with the line each id was first seen on.
 *
 * @example
 * const ids = new HashedIdSet();
 * ids.add('q1', 1); // → -1 (new)
 * ids.add('q1', 7); // → 1 (the line of the first 'q1', or of an id with the same 64-bit hash)
 * ids.has('q2'); // → false
 */
export class HashedIdSet {
  private readonly table = new HashedTable(1);

  get size(): number {
    return this.table.size;
  }

  /** Adds `id`; returns -1 when it was new, else the line stored for the id (or a hash twin) seen before. */
  add(id: string, line = 0): number {
    const at = this.table.insert(id);
    if (!this.table.isNew) return this.table.payload[at]!;
    this.table.payload[at] = line;
    return -1;
  }

  /** True when `id` (or an id with the same 64-bit hash, about 1 in 10^10 for a million ids) was added. */
  has(id: string): boolean {
    return this.table.find(id) >= 0;
  }
}
