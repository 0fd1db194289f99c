// Sample ids of a run, kept as 64-bit hashes in one typed array: 12 bytes a slot instead of the ~43 bytes an
// id costs in a Set<string> (the string and the entry), so joining 1M predictions keeps ~25 MB, not ~86 MB.
// A hash says "maybe seen"; `add` also returns the line the colliding id came from, so a caller that must be
// exact (a duplicate id is an error) can confirm it against its source.

const EMPTY = 0;

/** Two independent 32-bit hashes of the id's UTF-16 code units (FNV-1a and a murmur3-style mix). */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
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
 * An open-addressing set of id hashes with the line each id was first seen on.
 *
 * @example
 * const ids = new HashedIdSet();
 * ids.add('q1', 1); // → -1 (new)
 * ids.add('q1', 7); // → 1 (the line of the first 'q1', or of an id with the same 64-bit hash)
 * ids.has('q2'); // → false
 */
export class HashedIdSet {
  private slots = new Int32Array(3 * 1024);
  private mask = 1023;
  size = 0;

  /** Adds `id`; returns -1 when it was new, else the line stored for the id (or a hash twin) seen before. */
  add(id: string, line = 0): number {
    const [a, b] = hashes(id);
    const found = this.find(a, b);
    if (found >= 0) return this.slots[found + 2]!;
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.insert(a, b, line);
    this.size++;
    return -1;
  }

  /** True when `id` (or an id with the same 64-bit hash, about 1 in 10^10 for a million ids) was added. */
  has(id: string): boolean {
    const [a, b] = hashes(id);
    return this.find(a, b) >= 0;
  }

  private find(a: number, b: number): number {
    const slots = this.slots;
    for (let i = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask; ; i = (i + 1) & this.mask) {
      const at = 3 * i;
      const x = slots[at]!;
      const y = slots[at + 1]!;
      if (x === EMPTY && y === EMPTY) return -1;
      if (x === a && y === b) return at;
    }
  }

  private insert(a: number, b: number, line: number): void {
    const slots = this.slots;
    for (let i = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask; ; i = (i + 1) & this.mask) {
      const at = 3 * i;
      if (slots[at] === EMPTY && slots[at + 1] === EMPTY) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = line;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(3 * (this.mask + 1));
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] !== EMPTY || old[at + 1] !== EMPTY) this.insert(old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}
