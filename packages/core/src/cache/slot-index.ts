// The file cache's index: where each key's line is, in 12 bytes a slot (a 32-bit fingerprint of the key, the line's
// offset and length). A fingerprint only says "maybe this key": every candidate is confirmed on the line itself,
// whose key the cache compares. So nothing here needs to be exact, and no key is kept: a million keys take ~17 MB
// (the 64-bit hashes with three integers each that came before took 40, and 60 while they grew).
import { keyHashes } from './hashed-table.js';

/** Where one cached response sits in the file. */
export interface Slot {
  offset: number;
  length: number;
}

const EMPTY = 0;
/** A slot whose line turned out stale (another process appended where this one expected its own line). */
const REMOVED = 1;
/** Lengths from this on are stored as this: the reader then reads up to the line's newline. */
export const LONG_LINE = 0xffffff;
/** Offsets fit in 40 bits: a cache file up to 1 TiB. */
const MAX_OFFSET = 2 ** 40;
const MAX_LOAD = 0.7;

/** The key's 32-bit fingerprint; 0 and 1 mark empty and removed slots. */
export function fingerprint(key: string): number {
  const fp = keyHashes(key)[1] >>> 0;
  return fp <= REMOVED ? fp + 2 : fp;
}

/**
 * key → the slots of its lines, 12 bytes a slot, open addressing with linear probing at most 70 % full.
 *
 * @example
 * const index = new SlotIndex();
 * index.add('k1', { offset: 0, length: 40 });
 * index.candidates('k1'); // → [{ offset: 0, length: 40 }] (and any other key's slot with the same fingerprint)
 */
export class SlotIndex {
  /** Per slot: fingerprint, offset's low 32 bits, offset's high 8 bits << 24 | length. */
  private words = new Uint32Array(3 * 1024);
  private capacity = 1024;
  /** Slots in use, removed ones included (they are dropped when the table grows). */
  private used = 0;
  /** Lines indexed (removed ones not counted). */
  size = 0;

  /**
   * Indexes a line of `key`. The same line again (same fingerprint, same offset: a file indexed anew) is not added
   * twice; another line of the same key is (either answers it).
   */
  add(key: string, slot: Slot): void {
    if (!(slot.offset >= 0 && slot.offset < MAX_OFFSET)) throw new RangeError(`cache file offset ${slot.offset} is beyond 1 TiB`);
    const fp = fingerprint(key);
    const low = slot.offset >>> 0;
    const high = Math.floor(slot.offset / 2 ** 32);
    const last = ((high << 24) | Math.min(slot.length, LONG_LINE)) >>> 0;
    const words = this.words;
    let i = this.home(fp);
    for (; words[3 * i] !== EMPTY; i = i + 1 === this.capacity ? 0 : i + 1) {
      if (words[3 * i] === fp && words[3 * i + 1] === low && words[3 * i + 2]! >>> 24 === high) return;
    }
    if (this.used + 1 > this.capacity * MAX_LOAD) {
      this.rehash(this.capacity * 2);
      i = this.emptySlot(fp);
    }
    this.put(i, fp, low, last);
    this.used++;
    this.size++;
  }

  /** The slots of lines that may be `key`'s, in probe order (usually none or one). */
  candidates(key: string): Slot[] {
    const fp = fingerprint(key);
    const words = this.words;
    const found: Slot[] = [];
    for (let i = this.home(fp); words[3 * i] !== EMPTY; i = i + 1 === this.capacity ? 0 : i + 1) {
      if (words[3 * i] === fp) found.push({ offset: (words[3 * i + 2]! >>> 24) * 2 ** 32 + words[3 * i + 1]!, length: words[3 * i + 2]! & LONG_LINE });
    }
    return found;
  }

  /** Forgets the line of `key` at `slot` (it was found stale); later lookups skip it. */
  remove(key: string, slot: Slot): void {
    const fp = fingerprint(key);
    const words = this.words;
    for (let i = this.home(fp); words[3 * i] !== EMPTY; i = i + 1 === this.capacity ? 0 : i + 1) {
      if (words[3 * i] === fp && (words[3 * i + 2]! >>> 24) * 2 ** 32 + words[3 * i + 1]! === slot.offset) {
        words[3 * i] = REMOVED; // stays occupied, so the probe chains through it stay whole
        this.size--;
        return;
      }
    }
  }

  /**
   * Room for `keys` lines in all without growing: an index filled from a file of known size is made once at its
   * final size, not copied at every doubling (each copy holds the old and the new table at once).
   */
  reserve(keys: number): void {
    const capacity = Math.ceil(keys / MAX_LOAD) + 1;
    if (capacity > this.capacity) this.rehash(capacity);
  }

  clear(): void {
    this.words = new Uint32Array(3 * 1024);
    this.capacity = 1024;
    this.used = 0;
    this.size = 0;
  }

  /** The fingerprint's first slot: its high bits scaled to the capacity (which need not be a power of two). */
  private home(fp: number): number {
    return Math.floor((fp / 2 ** 32) * this.capacity);
  }

  private emptySlot(fp: number): number {
    let i = this.home(fp);
    while (this.words[3 * i] !== EMPTY) i = i + 1 === this.capacity ? 0 : i + 1;
    return i;
  }

  private put(i: number, fp: number, low: number, last: number): void {
    this.words[3 * i] = fp;
    this.words[3 * i + 1] = low;
    this.words[3 * i + 2] = last;
  }

  private rehash(capacity: number): void {
    const old = this.words;
    this.words = new Uint32Array(3 * capacity);
    this.capacity = capacity;
    this.used = 0;
    for (let j = 0; j < old.length; j += 3) {
      const fp = old[j]!;
      if (fp === EMPTY || fp === REMOVED) continue;
      this.put(this.emptySlot(fp), fp, old[j + 1]!, old[j + 2]!);
      this.used++;
    }
  }
}
