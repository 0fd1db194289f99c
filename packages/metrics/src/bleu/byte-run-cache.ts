// A bounded cache from short byte runs (the non-Chinese runs of a `zh` line, read from UTF-8 bytes) to
// their token ids, keyed by the bytes themselves: a lookup hashes and compares bytes, so a run seen before
// costs no string, no concatenated key and no Map lookup. Open addressing with linear probing; the key
// bytes and the ids live in two growing arenas. When `limit` runs are stored it starts over (a cache only).

const EMPTY = -1;

export class ByteRunCache {
  /** Per slot: the key's hash, where its bytes and ids are, how many of each, its flags. */
  private slotHash: Int32Array;
  private slotEntry: Int32Array;
  private entries = new Int32Array(5 * 256); // keyStart, keyLength, flags, idsStart, idsLength
  private keyBytes = new Uint8Array(4096);
  private idArena = new Int32Array(4096);
  private size = 0;
  private keyEnd = 0;
  private idsEnd = 0;
  private mask: number;

  /** @param limit runs kept before the cache starts over (tests pass a small one to exercise that). */
  constructor(private readonly limit = 100_000) {
    this.slotHash = new Int32Array(1024);
    this.slotEntry = new Int32Array(1024).fill(EMPTY);
    this.mask = 1023;
  }

  /** The entry of `bytes[start, end)` with `flags`, or -1. Its ids: `ids()` from `idsStart(e)` for `idsLength(e)`. */
  find(bytes: Uint8Array, start: number, end: number, flags: number): number {
    const hash = hashRun(bytes, start, end, flags);
    const len = end - start;
    const entries = this.entries;
    const keys = this.keyBytes;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slotEntry[s]!;
      if (e === EMPTY) return -1;
      if (this.slotHash[s] !== hash) continue;
      const at = e * 5;
      if (entries[at + 1] !== len || entries[at + 2] !== flags) continue;
      const k = entries[at]!;
      let same = true;
      for (let j = 0; j < len; j++) {
        if (keys[k + j] !== bytes[start + j]) {
          same = false;
          break;
        }
      }
      if (same) return e;
    }
  }

  /** Stores the ids of `bytes[start, end)` with `flags` (not present yet); returns its entry. */
  add(bytes: Uint8Array, start: number, end: number, flags: number, ids: ArrayLike<number>): number {
    if (this.size >= this.limit) this.clear();
    if (2 * (this.size + 1) > this.slotEntry.length) this.growSlots();
    const len = end - start;
    if (this.keyEnd + len > this.keyBytes.length) this.keyBytes = grow(this.keyBytes, this.keyEnd + len);
    if (this.idsEnd + ids.length > this.idArena.length) this.idArena = grow(this.idArena, this.idsEnd + ids.length);
    if (5 * (this.size + 1) > this.entries.length) this.entries = grow(this.entries, 5 * (this.size + 1));
    const e = this.size++;
    const at = e * 5;
    this.keyBytes.set(bytes.subarray(start, end), this.keyEnd);
    this.idArena.set(ids, this.idsEnd);
    this.entries[at] = this.keyEnd;
    this.entries[at + 1] = len;
    this.entries[at + 2] = flags;
    this.entries[at + 3] = this.idsEnd;
    this.entries[at + 4] = ids.length;
    this.keyEnd += len;
    this.idsEnd += ids.length;
    this.place(hashRun(bytes, start, end, flags), e);
    return e;
  }

  /** The arena holding every entry's ids (read `idsLength(e)` of them from `idsStart(e)`; valid until the next `add`). */
  ids(): Int32Array {
    return this.idArena;
  }

  idsStart(entry: number): number {
    return this.entries[entry * 5 + 3]!;
  }

  idsLength(entry: number): number {
    return this.entries[entry * 5 + 4]!;
  }

  private place(hash: number, entry: number): void {
    let s = hash & this.mask;
    while (this.slotEntry[s] !== EMPTY) s = (s + 1) & this.mask;
    this.slotHash[s] = hash;
    this.slotEntry[s] = entry;
  }

  private growSlots(): void {
    const oldHash = this.slotHash;
    const oldEntry = this.slotEntry;
    this.slotHash = new Int32Array(oldHash.length * 2);
    this.slotEntry = new Int32Array(oldEntry.length * 2).fill(EMPTY);
    this.mask = this.slotEntry.length - 1;
    for (let s = 0; s < oldEntry.length; s++) if (oldEntry[s] !== EMPTY) this.place(oldHash[s]!, oldEntry[s]!);
  }

  private clear(): void {
    this.slotEntry.fill(EMPTY);
    this.size = 0;
    this.keyEnd = 0;
    this.idsEnd = 0;
  }
}

/** FNV-1a over the bytes, then the flags, then a final mix (linear probing wants the low bits spread). */
function hashRun(bytes: Uint8Array, start: number, end: number, flags: number): number {
  let h = 0x811c9dc5 ^ flags;
  for (let j = start; j < end; j++) h = Math.imul(h ^ bytes[j]!, 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

function grow<T extends Uint8Array | Int32Array>(array: T, needed: number): T {
  const out = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  out.set(array);
  return out;
}
