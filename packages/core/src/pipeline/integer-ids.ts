// The integer ids of a join's two sides, kept only to explain unknown prediction ids by a shifted numbering
// (1-based predictions for 0-based data): one bit an id in pages of 65,536, so a million dense ids take
// 128 KB, where 64-bit hashes took ~24 MB (data) and a Float64Array ~16 MB (predictions). Ids that are not
// canonical integers are not kept (a shift only exists between numbers); ids too sparse for pages (more than
// one page per 64 ids) are given up on, and the hint with them.

const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;

/**
 * A set of canonical integer ids (`String(Number(id)) === id`) as bits.
 *
 * @example
 * const ids = new IntegerIdSet();
 * ids.add('0'); ids.add('1'); ids.add('q7'); // 'q7' is not kept: ids.all === false
 * ids.has('1') // → true; ids.min // → 0
 */
export class IntegerIdSet {
  private pages: Map<number, Uint32Array> | undefined = new Map();
  /** Integer ids added (each once). */
  count = 0;
  min = Infinity;
  /** False once an id was not a canonical integer. */
  all = true;

  /** False once the ids were too sparse to keep (then `has` knows nothing). */
  get tracking(): boolean {
    return this.pages !== undefined;
  }

  add(id: string): void {
    const n = canonicalInteger(id);
    if (n === undefined) {
      this.all = false;
      return;
    }
    const pages = this.pages;
    if (!pages) return;
    const key = Math.floor(n / PAGE_SIZE);
    let page = pages.get(key);
    if (!page) {
      if (pages.size >= 16 && pages.size * 64 > this.count) {
        this.pages = undefined; // sparse: a page per few ids would cost more than the ids themselves
        return;
      }
      pages.set(key, (page = new Uint32Array(PAGE_SIZE / 32)));
    }
    const bit = n - key * PAGE_SIZE;
    const word = page[bit >>> 5]!;
    const mask = 1 << (bit & 31);
    if ((word & mask) === 0) {
      page[bit >>> 5] = word | mask;
      this.count++;
      if (n < this.min) this.min = n;
    }
  }

  /** True when `id` is a canonical integer that was added (false for everything once `tracking` is false). */
  has(id: string): boolean {
    const n = canonicalInteger(id);
    if (n === undefined || !this.pages) return false;
    const key = Math.floor(n / PAGE_SIZE);
    const page = this.pages.get(key);
    const bit = n - key * PAGE_SIZE;
    return page !== undefined && (page[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** The ids as strings, in ascending order of their pages (empty once `tracking` is false). */
  *ids(): IterableIterator<string> {
    if (!this.pages) return;
    for (const key of [...this.pages.keys()].sort((a, b) => a - b)) {
      const page = this.pages.get(key)!;
      for (let w = 0; w < page.length; w++) {
        let word = page[w]!;
        while (word !== 0) {
          const low = word & -word;
          yield String(key * PAGE_SIZE + w * 32 + (31 - Math.clz32(low)));
          word ^= low;
        }
      }
    }
  }
}

/** The number an id spells when it is a canonical integer within ±2^53 ('7', '-3'; not '07', '1.0', '1e3'). */
function canonicalInteger(id: string): number | undefined {
  if (!/^-?\d{1,16}$/.test(id)) return undefined;
  const n = Number(id);
  return Number.isSafeInteger(n) && String(n) === id ? n : undefined;
}
