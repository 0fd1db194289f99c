// The hot path shared by every BLEU variant: clipped n-gram matches between one hypothesis and its
// references, on integer token ids. N-grams are interned per order as numbers
// (key = id of the (n-1)-gram prefix × 2^26 + id of the last token), in an open-addressing table that
// is reused across pairs — no per-n-gram string concatenation and no Map in the inner loop.

const TOKEN_LIMIT = 1 << 26;

/** Maps token strings to dense integer ids; single code points go through a flat array. */
export class TokenVocab {
  private readonly byCodePoint: Int32Array | null;
  private readonly byString = new Map<string, number>();
  private next = 0;

  /** `flat`: a 4 MB code-point table makes one-character tokens skip the Map (large corpora). */
  constructor(flat = false) {
    this.byCodePoint = flat ? new Int32Array(0x110000).fill(-1) : null;
  }

  id(token: string): number {
    const len = token.length;
    const table = this.byCodePoint;
    if (table !== null && (len === 1 || (len === 2 && token.codePointAt(0)! > 0xffff))) {
      const cp = token.codePointAt(0)!;
      let id = table[cp]!;
      if (id < 0) table[cp] = id = this.fresh();
      return id;
    }
    let id = this.byString.get(token);
    if (id === undefined) this.byString.set(token, (id = this.fresh()));
    return id;
  }

  ids(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.id(tokens[i]!);
    return out;
  }

  private fresh(): number {
    if (this.next >= TOKEN_LIMIT) throw new Error(`more than ${TOKEN_LIMIT} distinct tokens`);
    return this.next++;
  }
}

/** Raw per-pair statistics: clipped matches and hypothesis n-gram counts per order 1..maxOrder. */
export interface PairCounts {
  matches: number[];
  hypNgrams: number[];
  hypLen: number;
  refLens: number[];
}

/** Counts clipped n-gram matches. One instance holds reusable scratch memory; not re-entrant. */
export class NgramMatcher {
  private keys = new Float64Array(1024);
  private vals = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private gen = 0;
  private mask = 1023;
  private nextId = 0;
  private refMax = new Int32Array(1024);
  private refCur = new Int32Array(1024);
  private used = new Int32Array(1024);
  private prevBufs: Int32Array[] = [];
  private curBufs: Int32Array[] = [];

  count(hyp: Int32Array, refs: readonly Int32Array[], maxOrder: number): PairCounts {
    const matches = new Array<number>(maxOrder).fill(0);
    const hypNgrams = new Array<number>(maxOrder).fill(0);
    const refLens = refs.map((r) => r.length);
    let total = hyp.length;
    for (const r of refs) total += r.length;
    if (total >= TOKEN_LIMIT) throw new Error('text too long for the n-gram table');
    this.ensure(total);
    const texts = [...refs, hyp];
    for (let t = 0; t < texts.length; t++) {
      if (this.prevBufs[t] === undefined || this.prevBufs[t]!.length < texts[t]!.length) {
        this.prevBufs[t] = new Int32Array(Math.max(64, texts[t]!.length * 2));
        this.curBufs[t] = new Int32Array(Math.max(64, texts[t]!.length * 2));
      }
    }
    for (let n = 1; n <= maxOrder; n++) {
      const hypCount = hyp.length - n + 1;
      if (hypCount <= 0) break; // no hyp n-grams of this order or higher
      hypNgrams[n - 1] = hypCount;
      this.gen++;
      this.nextId = 0;
      const single = refs.length === 1;
      for (let r = 0; r < refs.length; r++) {
        const ref = refs[r]!;
        const cnt = ref.length - n + 1;
        if (cnt <= 0) continue;
        const ids = this.ngramIds(ref, n, r, cnt);
        if (single) {
          for (let i = 0; i < cnt; i++) this.refMax[ids[i]!]!++;
        } else {
          for (let i = 0; i < cnt; i++) this.refCur[ids[i]!]!++;
          for (let i = 0; i < cnt; i++) {
            const id = ids[i]!;
            const c = this.refCur[id]!;
            if (c > this.refMax[id]!) this.refMax[id] = c;
          }
          for (let i = 0; i < cnt; i++) this.refCur[ids[i]!] = 0;
        }
      }
      const ids = this.ngramIds(hyp, n, refs.length, hypCount);
      let m = 0;
      const used = this.used;
      const refMax = this.refMax;
      for (let i = 0; i < hypCount; i++) {
        const id = ids[i]!;
        if (used[id]! < refMax[id]!) {
          used[id]!++;
          m++;
        }
      }
      matches[n - 1] = m;
      used.fill(0, 0, this.nextId);
      refMax.fill(0, 0, this.nextId);
    }
    // Leave the prefix buffers of unused higher orders alone; they are overwritten on the next call.
    return { matches, hypNgrams, hypLen: hyp.length, refLens };
  }

  /** Interned ids of the n-grams of one text; uses and updates that text's prefix-id buffer. */
  private ngramIds(tokens: Int32Array, n: number, slot: number, count: number): Int32Array {
    const prev = this.prevBufs[slot]!;
    const cur = this.curBufs[slot]!;
    if (n === 1) {
      for (let i = 0; i < count; i++) cur[i] = this.intern(tokens[i]!);
    } else {
      for (let i = 0; i < count; i++) cur[i] = this.intern(prev[i]! * TOKEN_LIMIT + tokens[i + n - 1]!);
    }
    this.prevBufs[slot] = cur;
    this.curBufs[slot] = prev;
    return cur;
  }

  private intern(key: number): number {
    const keys = this.keys;
    const stamp = this.stamp;
    const mask = this.mask;
    const gen = this.gen;
    const lo = key | 0;
    const hi = (key / 4294967296) | 0;
    let x = lo ^ Math.imul(hi, 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 16), 0x9e3779b1);
    let h = (x ^ (x >>> 15)) & mask;
    for (;;) {
      if (stamp[h] !== gen) {
        stamp[h] = gen;
        keys[h] = key;
        const id = this.nextId++;
        this.vals[h] = id;
        return id;
      }
      if (keys[h] === key) return this.vals[h]!;
      h = (h + 1) & mask;
    }
  }

  private ensure(ngrams: number): void {
    let size = this.keys.length;
    while (size < ngrams * 2 + 16) size *= 2;
    if (size !== this.keys.length) {
      this.keys = new Float64Array(size);
      this.vals = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.mask = size - 1;
      this.gen = 0;
    }
    if (this.refMax.length < ngrams + 1) {
      this.refMax = new Int32Array(ngrams * 2);
      this.refCur = new Int32Array(ngrams * 2);
      this.used = new Int32Array(ngrams * 2);
    }
  }
}
