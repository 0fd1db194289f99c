// The hot path shared by every BLEU variant: clipped n-gram matches between one hypothesis and its
// references, on integer token ids. N-grams are interned per order from integer pairs
// (prefix id, last token id) with per-prefix lists in typed arrays reused across pairs — no per-n-gram
// string concatenation, no hashing and no Map in the inner loop.

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

  /** Id of a one-code-point token given as a code point. */
  idOfCodePoint(cp: number): number {
    const table = this.byCodePoint;
    if (table === null) return this.id(String.fromCodePoint(cp));
    let id = table[cp]!;
    if (id < 0) table[cp] = id = this.fresh();
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

/**
 * Counts clipped n-gram matches. Unigram ids are the token ids themselves; an n-gram (n ≥ 2) is
 * interned per order from the pair (id of its (n-1)-gram prefix, id of its last token) into dense ids.
 * An n-gram whose prefix occurs in only one side cannot match and is not interned at all (id -1).
 * One instance holds reusable scratch memory; not re-entrant.
 */
export class NgramMatcher {
  private tokB = new Int32Array(1024);
  private next = new Int32Array(1024);
  private head = new Int32Array(1024);
  private headStamp = new Int32Array(1024);
  private gen = 0;
  private nextId = 0;
  private refMax = new Int32Array(1024);
  private refCur = new Int32Array(1024);
  private used = new Int32Array(1024);
  /** live[id] === liveGen: the n-gram occurs in the hypothesis AND a reference (its extensions may match). */
  private live = new Int32Array(1024);
  private liveGen = 0;
  private prevBufs: Int32Array[] = [];
  private curBufs: Int32Array[] = [];

  count(hyp: Int32Array, refs: readonly Int32Array[], maxOrder: number): PairCounts {
    const matches = new Array<number>(maxOrder).fill(0);
    const hypNgrams = new Array<number>(maxOrder).fill(0);
    const nrefs = refs.length;
    const refLens = new Array<number>(nrefs);
    let total = hyp.length;
    let maxTok = 0;
    for (let r = 0; r < nrefs; r++) {
      const ref = refs[r]!;
      refLens[r] = ref.length;
      total += ref.length;
      for (let i = 0; i < ref.length; i++) if (ref[i]! > maxTok) maxTok = ref[i]!;
    }
    for (let i = 0; i < hyp.length; i++) if (hyp[i]! > maxTok) maxTok = hyp[i]!;
    this.ensure(total, maxTok + 1);
    if (hyp.length === 0) return { matches, hypNgrams, hypLen: 0, refLens };
    const single = nrefs === 1;
    const refMax = this.refMax;
    const refCur = this.refCur;
    const used = this.used;

    // Order 1: ids are token ids.
    for (let r = 0; r < nrefs; r++) {
      const ref = refs[r]!;
      if (single) {
        for (let i = 0; i < ref.length; i++) refMax[ref[i]!]!++;
      } else {
        for (let i = 0; i < ref.length; i++) refCur[ref[i]!]!++;
        for (let i = 0; i < ref.length; i++) {
          const id = ref[i]!;
          if (refCur[id]! > refMax[id]!) refMax[id] = refCur[id]!;
        }
        for (let i = 0; i < ref.length; i++) refCur[ref[i]!] = 0;
      }
    }
    let m = 0;
    let live = this.live;
    let liveGen = this.nextLiveGen();
    for (let i = 0; i < hyp.length; i++) {
      const id = hyp[i]!;
      if (used[id]! < refMax[id]!) {
        used[id]!++;
        m++;
        live[id] = liveGen;
      }
    }
    matches[0] = m;
    hypNgrams[0] = hyp.length;
    for (let i = 0; i < hyp.length; i++) used[hyp[i]!] = 0;
    for (let r = 0; r < nrefs; r++) {
      const ref = refs[r]!;
      for (let i = 0; i < ref.length; i++) refMax[ref[i]!] = 0;
    }

    const texts = nrefs === 1 ? [refs[0]!, hyp] : [...refs, hyp];
    for (let t = 0; t < texts.length; t++) {
      const len = texts[t]!.length;
      if (this.prevBufs[t] === undefined || this.prevBufs[t]!.length < len) {
        this.prevBufs[t] = new Int32Array(Math.max(64, len * 2));
        this.curBufs[t] = new Int32Array(Math.max(64, len * 2));
      }
    }
    for (let n = 2; n <= maxOrder; n++) {
      const hypCount = hyp.length - n + 1;
      if (hypCount <= 0) break; // no hyp n-grams of this order or higher
      hypNgrams[n - 1] = hypCount;
      // Without a matching (n-1)-gram no n-gram can match: only the totals remain to be filled in.
      if (matches[n - 2] === 0) continue;
      this.prefixLive = liveGen;
      if (++this.gen === 0x7fffffff) {
        this.headStamp.fill(0);
        this.gen = 1;
      }
      this.nextId = 0;
      for (let r = 0; r < nrefs; r++) {
        const ref = refs[r]!;
        const cnt = ref.length - n + 1;
        if (cnt <= 0) continue;
        const ids = this.ngramIds(ref, n, r, cnt);
        if (single) {
          for (let i = 0; i < cnt; i++) if (ids[i]! >= 0) refMax[ids[i]!]!++;
        } else {
          for (let i = 0; i < cnt; i++) if (ids[i]! >= 0) refCur[ids[i]!]!++;
          for (let i = 0; i < cnt; i++) {
            const id = ids[i]!;
            if (id >= 0 && refCur[id]! > refMax[id]!) refMax[id] = refCur[id]!;
          }
          for (let i = 0; i < cnt; i++) if (ids[i]! >= 0) refCur[ids[i]!] = 0;
        }
      }
      const ids = this.ngramIds(hyp, n, nrefs, hypCount);
      m = 0;
      live = this.live;
      liveGen = this.nextLiveGen();
      for (let i = 0; i < hypCount; i++) {
        const id = ids[i]!;
        if (id >= 0 && used[id]! < refMax[id]!) {
          used[id]!++;
          m++;
          live[id] = liveGen;
        }
      }
      matches[n - 1] = m;
      used.fill(0, 0, this.nextId);
      refMax.fill(0, 0, this.nextId);
    }
    return { matches, hypNgrams, hypLen: hyp.length, refLens };
  }

  /** Interned ids of the n-grams (n ≥ 2) of one text; reads and updates that text's prefix-id buffer. */
  private ngramIds(tokens: Int32Array, n: number, slot: number, count: number): Int32Array {
    const prev = n === 2 ? tokens : this.prevBufs[slot]!;
    const cur = this.curBufs[slot]!;
    const last = n - 1;
    const live = this.live;
    const liveGen = this.prefixLive;
    for (let i = 0; i < count; i++) {
      const p = prev[i]!;
      // -1: the prefix cannot match, so neither can this n-gram (nor its extensions).
      cur[i] = p >= 0 && live[p] === liveGen ? this.intern(p, tokens[i + last]!) : -1;
    }
    // The buffer just written becomes the prefix buffer of the next order.
    this.curBufs[slot] = this.prevBufs[slot]!;
    this.prevBufs[slot] = cur;
    return cur;
  }

  private prefixLive = 0;

  private nextLiveGen(): number {
    if (++this.liveGen === 0x7fffffff) {
      this.live.fill(0);
      this.liveGen = 1;
    }
    return this.liveGen;
  }

  /**
   * Dense id of the n-gram (prefix id `a`, last token `b`). Continuations of one prefix form a linked
   * list (a prefix has few distinct continuations), so no hashing: head[a] is valid when
   * headStamp[a] === gen.
   */
  private intern(a: number, b: number): number {
    const next = this.next;
    const tokB = this.tokB;
    let e = this.headStamp[a] === this.gen ? this.head[a]! : -1;
    const first = e;
    while (e >= 0) {
      if (tokB[e] === b) return e;
      e = next[e]!;
    }
    const id = this.nextId++;
    tokB[id] = b;
    next[id] = first;
    this.head[a] = id;
    this.headStamp[a] = this.gen;
    return id;
  }

  private ensure(ngrams: number, vocab: number): void {
    // Entries (dense n-gram ids) are < ngrams; prefixes are token ids (< vocab) or dense ids.
    if (this.tokB.length < ngrams + 1) {
      const size = Math.max(ngrams + 1, this.tokB.length * 2);
      this.tokB = new Int32Array(size);
      this.next = new Int32Array(size);
    }
    const need = Math.max(ngrams + 1, vocab);
    if (this.refMax.length < need) {
      const size2 = Math.max(need, this.refMax.length * 2);
      this.refMax = new Int32Array(size2);
      this.refCur = new Int32Array(size2);
      this.used = new Int32Array(size2);
      const live = new Int32Array(size2);
      live.set(this.live);
      this.live = live;
      const headStamp = new Int32Array(size2);
      headStamp.set(this.headStamp);
      this.headStamp = headStamp;
      this.head = new Int32Array(size2);
    }
  }
}
