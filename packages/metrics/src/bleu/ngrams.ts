// The hot path shared by every BLEU variant: clipped n-gram matches between one hypothesis and its
// references, on integer token ids. Tokens are renumbered per pair (0..k-1); n-grams are interned per
// order from (prefix id, last token id) through a direct table indexed by prefix·k + token (per-prefix
// lists for very long texts), in typed arrays reused across pairs — no per-n-gram string
// concatenation, no hashing and no Map in the inner loop.

export { TokenVocab } from './vocab.js';

/** Raw per-pair statistics: clipped matches and hypothesis n-gram counts per order 1..maxOrder. */
export interface PairCounts {
  matches: number[];
  hypNgrams: number[];
  hypLen: number;
  refLens: number[];
}

const DIRECT_LIMIT = 1 << 22;

/**
 * Counts clipped n-gram matches. Tokens first get dense per-pair ids (0..k-1). An n-gram (n ≥ 2) is
 * then interned per order from (id of its (n-1)-gram prefix, id of its last token): through a direct
 * table indexed by prefix·k + token when that is small (the usual case), else through per-prefix lists.
 * An n-gram whose prefix does not occur on both sides cannot match and is not interned at all (id -1).
 * One instance holds reusable scratch memory (nothing is allocated per pair); not re-entrant.
 */
export class NgramMatcher {
  /** @param directLimit largest prefix·k served by the direct table (tests pass 0 to force the lists). */
  constructor(private readonly directLimit = DIRECT_LIMIT) {}

  // global token id → local id (-1 = unseen in this pair)
  private localOf = new Int32Array(1024).fill(-1);
  private touchedGlobal = new Int32Array(1024);
  // the texts in local ids: slot 0..nrefs-1 refs, nrefs hyp (the copies below, or a countLocal caller's arrays)
  private local: Int32Array[] = [];
  private own: Int32Array[] = [];
  private prevBufs: Int32Array[] = [];
  private curBufs: Int32Array[] = [];
  // direct interning table (prefix·k + token → id), reset through `touchedKeys`
  private direct = new Int32Array(1024).fill(-1);
  private touchedKeys = new Int32Array(1024);
  private nTouchedKeys = 0;
  // list interning (large prefix·k)
  private tokB = new Int32Array(1024);
  private next = new Int32Array(1024);
  private head = new Int32Array(1024);
  private headStamp = new Int32Array(1024);
  private gen = 0;
  private nextId = 0;
  private refMax = new Int32Array(1024);
  private refCur = new Int32Array(1024);
  private used = new Int32Array(1024);
  /**
   * live[id] === liveGen: the n-gram occurs in the hypothesis AND a reference (its extensions may match).
   * Two arrays, used by alternate orders: order n reads its prefixes' marks in one (`prefixArr`) while it
   * writes its own in the other, so a match is marked the moment it is counted (ids of consecutive orders
   * share one index space).
   */
  private live = new Int32Array(1024);
  private liveAlt = new Int32Array(1024);
  private liveGen = 0;
  private prefixLive = 0;
  private prefixArr = this.live;

  count(hyp: Int32Array, refs: readonly Int32Array[], maxOrder: number): PairCounts {
    return this.countWith(hyp, refs, maxOrder, false);
  }

  /**
   * Starts a pair whose texts get their dense per-pair ids as they are read (`localId`), so that `countLocal` needs
   * no renumbering pass over them (TextIds.zhUtf8 writes them directly).
   */
  beginPair(): void {
    const localOf = this.localOf;
    const touched = this.touchedGlobal;
    for (let i = 0; i < this.pairK; i++) localOf[touched[i]!] = -1;
    this.pairK = 0;
  }

  /** The pair's dense id (0, 1, …) of global token id `g`, assigned on first sight since `beginPair`. */
  localId(g: number): number {
    const localOf = g < this.localOf.length ? this.localOf : this.growLocalOf(g);
    let id = localOf[g]!;
    if (id < 0) {
      if (this.pairK >= this.touchedGlobal.length) {
        const grown = new Int32Array(this.touchedGlobal.length * 2);
        grown.set(this.touchedGlobal);
        this.touchedGlobal = grown;
      }
      id = localOf[g] = this.pairK;
      this.touchedGlobal[this.pairK++] = g;
    }
    return id;
  }

  /** `count` of texts already in the pair's dense ids (`beginPair`, then `localId` for every token). */
  countLocal(hyp: Int32Array, refs: readonly Int32Array[], maxOrder: number): PairCounts {
    return this.countWith(hyp, refs, maxOrder, true);
  }

  /** Uses the caller's texts (already in the pair's ids) as the local texts; returns the pair's k. */
  private adoptPair(hyp: Int32Array, refs: readonly Int32Array[]): number {
    for (let t = 0; t <= refs.length; t++) {
      const text = t < refs.length ? refs[t]! : hyp;
      this.local[t] = text;
      if (this.prevBufs[t] === undefined || this.prevBufs[t]!.length < text.length) {
        this.prevBufs[t] = new Int32Array(Math.max(64, text.length * 2));
        this.curBufs[t] = new Int32Array(this.prevBufs[t]!.length);
      }
    }
    return this.pairK;
  }

  /** A token id beyond the table (the vocabulary grew): the table grown past it, keeping this pair's entries. */
  private growLocalOf(g: number): Int32Array<ArrayBuffer> {
    const grown = new Int32Array(Math.max(g + 1, this.localOf.length * 2)).fill(-1);
    grown.set(this.localOf);
    return (this.localOf = grown);
  }

  /** Distinct tokens of the pair begun with `beginPair` (its dense ids are 0 … pairK-1). */
  private pairK = 0;

  private countWith(hyp: Int32Array, refs: readonly Int32Array[], maxOrder: number, pairIds: boolean): PairCounts {
    const matches = new Array<number>(maxOrder).fill(0);
    const hypNgrams = new Array<number>(maxOrder).fill(0);
    const nrefs = refs.length;
    const refLens = new Array<number>(nrefs);
    for (let r = 0; r < nrefs; r++) refLens[r] = refs[r]!.length;
    if (hyp.length === 0) return { matches, hypNgrams, hypLen: 0, refLens };
    const k = pairIds ? this.adoptPair(hyp, refs) : this.toLocal(hyp, refs);
    let total = hyp.length;
    for (let r = 0; r < nrefs; r++) total += refs[r]!.length;
    this.ensure(total + k);
    const single = nrefs === 1;
    const refMax = this.refMax;
    const refCur = this.refCur;
    const used = this.used;
    const lhyp = this.local[nrefs]!;
    const hypLen = hyp.length;

    // Order 1: ids are the local token ids.
    for (let r = 0; r < nrefs; r++) {
      const ref = this.local[r]!;
      const len = refLens[r]!;
      if (single) {
        for (let i = 0; i < len; i++) refMax[ref[i]!]!++;
      } else {
        for (let i = 0; i < len; i++) refCur[ref[i]!]!++;
        for (let i = 0; i < len; i++) {
          const id = ref[i]!;
          if (refCur[id]! > refMax[id]!) refMax[id] = refCur[id]!;
        }
        for (let i = 0; i < len; i++) refCur[ref[i]!] = 0;
      }
    }
    let m = 0;
    let live = this.live;
    let liveGen = this.nextLiveGen();
    for (let i = 0; i < hypLen; i++) {
      const id = lhyp[i]!;
      if (used[id]! < refMax[id]!) {
        used[id]!++;
        m++;
        live[id] = liveGen;
      }
    }
    matches[0] = m;
    hypNgrams[0] = hypLen;
    this.prefixArr = live;
    used.fill(0, 0, k);
    refMax.fill(0, 0, k);

    // One reference whose n-grams all fit the direct table (the usual case): orders 2… on position lists.
    if (single && Math.max(k, refLens[0]!) * k <= this.directLimit) {
      this.higherOrdersSingle(k, refLens[0]!, hypLen, maxOrder, matches, hypNgrams, liveGen);
      return { matches, hypNgrams, hypLen, refLens };
    }
    let prefixCount = k;
    for (let n = 2; n <= maxOrder; n++) {
      const hypCount = hypLen - n + 1;
      if (hypCount <= 0) break; // no hyp n-grams of this order or higher
      hypNgrams[n - 1] = hypCount;
      // Without a matching (n-1)-gram no n-gram can match: only the totals remain to be filled in.
      if (matches[n - 2] === 0) continue;
      this.prefixLive = liveGen;
      // This order's marks go to the array its prefixes' marks are not in.
      const target = this.prefixArr === this.live ? this.liveAlt : this.live;
      if (++this.gen === 0x7fffffff) {
        this.headStamp.fill(0);
        this.gen = 1;
      }
      this.nextId = 0;
      const useDirect = prefixCount * k <= this.directLimit;
      if (useDirect && this.direct.length < prefixCount * k) {
        this.direct = new Int32Array(Math.max(prefixCount * k, this.direct.length * 2)).fill(-1);
      }
      for (let r = 0; r < nrefs; r++) {
        const cnt = refLens[r]! - n + 1;
        if (cnt <= 0) continue;
        const ids = this.ngramIds(r, n, cnt, k, useDirect);
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
      const ids = this.ngramIds(nrefs, n, hypCount, k, useDirect);
      m = 0;
      live = target;
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
      if (useDirect) {
        const direct = this.direct;
        const keys = this.touchedKeys;
        for (let i = 0; i < this.nTouchedKeys; i++) direct[keys[i]!] = -1;
        this.nTouchedKeys = 0;
      }
      prefixCount = this.nextId;
      this.prefixArr = target;
    }
    return { matches, hypNgrams, hypLen, refLens };
  }

  /**
   * Orders 2…maxOrder for a single reference through the direct table. Each text keeps the list of its positions
   * whose n-gram may still match (its (n-1)-gram occurs on both sides) and, per position, the id of its current
   * n-gram, both rewritten in place order after order: a position that cannot match is never visited again (at
   * order 4 most are not). The reference pass interns and counts; the hypothesis pass only looks up (an n-gram
   * absent from the reference can never match, nor can its extensions) and clips. Fills `matches` from order 2.
   */
  private higherOrdersSingle(k: number, refLen: number, hypLen: number, maxOrder: number, matches: number[], hypNgrams: number[], unigramLive: number): void {
    // Keys are prefix·k + token, prefixes below k (tokens) at order 2 and below refLen (interned ids) after.
    const directSize = Math.max(k, refLen) * k;
    if (this.direct.length < directSize) this.direct = new Int32Array(Math.max(directSize, this.direct.length * 2)).fill(-1);
    const direct = this.direct;
    const touched = this.touchedKeys;
    const refMax = this.refMax;
    const used = this.used;
    const refTokens = this.local[0]!;
    const hypTokens = this.local[1]!;
    // Per position: the id of its n-gram of the last order seen. Per text: the positions still alive, ascending.
    const refIds = this.prevBufs[0]!;
    const hypIds = this.prevBufs[1]!;
    const refAlive = this.curBufs[0]!;
    const hypAlive = this.curBufs[1]!;
    let refAliveCount = 0;
    let hypAliveCount = 0;
    let live = this.prefixArr; // the previous order's marks (the unigrams' first)
    let prefixLive = unigramLive;
    for (let n = 2; n <= maxOrder; n++) {
      const hypCount = hypLen - n + 1;
      if (hypCount <= 0) break; // no hyp n-grams of this order or higher
      hypNgrams[n - 1] = hypCount;
      // Without a matching (n-1)-gram no n-gram can match: only the totals remain to be filled in.
      if (matches[n - 2] === 0) continue;
      const refCount = refLen - n + 1;
      const last = n - 1;
      // This order's marks go to the array its prefixes' marks are not in (ids of consecutive orders share one space).
      const target = live === this.live ? this.liveAlt : this.live;
      const gen = this.nextLiveGen();
      let nextId = 0;
      let nTouched = 0;
      // reference: intern and count
      let kept = 0;
      // (Order 2 walks every position, its prefix being the token; later orders walk the positions still alive.)
      const walk = n === 2 ? refCount : refAliveCount;
      for (let j = 0; j < walk; j++) {
        let i: number;
        let p: number;
        if (n === 2) {
          i = j;
          p = refTokens[i]!;
        } else {
          i = refAlive[j]!;
          if (i >= refCount) break; // ascending: the rest are too close to the end for this order
          p = refIds[i]!;
        }
        if (live[p] !== prefixLive) continue;
        const key = p * k + refTokens[i + last]!;
        let id = direct[key]!;
        if (id < 0) {
          id = direct[key] = nextId++;
          touched[nTouched++] = key;
        }
        refIds[i] = id;
        refMax[id]!++;
        refAlive[kept++] = i;
      }
      refAliveCount = kept;
      // hypothesis: look up and clip
      kept = 0;
      let m = 0;
      const hypWalk = n === 2 ? hypCount : hypAliveCount;
      for (let j = 0; j < hypWalk; j++) {
        let i: number;
        let p: number;
        if (n === 2) {
          i = j;
          p = hypTokens[i]!;
        } else {
          i = hypAlive[j]!;
          if (i >= hypCount) break;
          p = hypIds[i]!;
        }
        if (live[p] !== prefixLive) continue;
        const id = direct[p * k + hypTokens[i + last]!]!;
        if (id < 0) continue;
        hypIds[i] = id;
        hypAlive[kept++] = i;
        if (used[id]! < refMax[id]!) {
          used[id]!++;
          m++;
          target[id] = gen;
        }
      }
      hypAliveCount = kept;
      matches[n - 1] = m;
      for (let t = 0; t < nTouched; t++) direct[touched[t]!] = -1;
      used.fill(0, 0, nextId);
      refMax.fill(0, 0, nextId);
      live = target;
      prefixLive = gen;
    }
    this.prefixArr = live;
  }

  /** Copies the texts as dense per-pair token ids into `local`; returns k, the number of distinct tokens. */
  private toLocal(hyp: Int32Array, refs: readonly Int32Array[]): number {
    this.beginPair(); // ids a `countLocal` pair left in the table
    let total = hyp.length;
    for (const ref of refs) total += ref.length;
    if (this.touchedGlobal.length < total) this.touchedGlobal = new Int32Array(total * 2);
    let localOf = this.localOf;
    const touched = this.touchedGlobal;
    let k = 0;
    const texts = refs.length + 1;
    for (let t = 0; t < texts; t++) {
      const src = t < refs.length ? refs[t]! : hyp;
      let dst = this.own[t];
      if (dst === undefined || dst.length < src.length) {
        dst = this.own[t] = new Int32Array(Math.max(64, src.length * 2));
        if (this.prevBufs[t] === undefined || this.prevBufs[t]!.length < dst.length) {
          this.prevBufs[t] = new Int32Array(dst.length);
          this.curBufs[t] = new Int32Array(dst.length);
        }
      }
      this.local[t] = dst;
      for (let i = 0; i < src.length; i++) {
        const g = src[i]!;
        if (g >= localOf.length) localOf = this.growLocalOf(g);
        let id = localOf[g]!;
        if (id < 0) {
          id = localOf[g] = k;
          touched[k++] = g;
        }
        dst[i] = id;
      }
    }
    for (let i = 0; i < k; i++) localOf[touched[i]!] = -1;
    return k;
  }

  /** Interned ids of the n-grams (n ≥ 2) of text `slot`; reads and updates its prefix-id buffer. */
  private ngramIds(slot: number, n: number, count: number, k: number, useDirect: boolean): Int32Array {
    const tokens = this.local[slot]!;
    const prev = n === 2 ? tokens : this.prevBufs[slot]!;
    const cur = this.curBufs[slot]!;
    const last = n - 1;
    const live = this.prefixArr;
    const liveGen = this.prefixLive;
    if (useDirect) {
      const direct = this.direct;
      const touched = this.touchedKeys;
      let nTouched = this.nTouchedKeys;
      let nextId = this.nextId;
      for (let i = 0; i < count; i++) {
        const p = prev[i]!;
        // -1: the prefix cannot match, so neither can this n-gram (nor its extensions).
        if (p < 0 || live[p] !== liveGen) {
          cur[i] = -1;
          continue;
        }
        const key = p * k + tokens[i + last]!;
        let id = direct[key]!;
        if (id < 0) {
          id = direct[key] = nextId++;
          touched[nTouched++] = key;
        }
        cur[i] = id;
      }
      this.nTouchedKeys = nTouched;
      this.nextId = nextId;
    } else {
      for (let i = 0; i < count; i++) {
        const p = prev[i]!;
        cur[i] = p >= 0 && live[p] === liveGen ? this.intern(p, tokens[i + last]!) : -1;
      }
    }
    // The buffer just written becomes the prefix buffer of the next order.
    this.curBufs[slot] = this.prevBufs[slot]!;
    this.prevBufs[slot] = cur;
    return cur;
  }

  private nextLiveGen(): number {
    if (++this.liveGen === 0x7fffffff) {
      this.live.fill(0);
      this.liveAlt.fill(0);
      this.liveGen = 1;
    }
    return this.liveGen;
  }

  /**
   * List interning for large prefix·k: continuations of one prefix form a linked list (a prefix has
   * few distinct continuations); head[a] is valid when headStamp[a] === gen.
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

  /** Scratch arrays indexed by n-gram ids (< size) or touched-key counts. */
  private ensure(size: number): void {
    if (this.refMax.length < size) {
      const n = Math.max(size, this.refMax.length * 2);
      this.refMax = new Int32Array(n);
      this.refCur = new Int32Array(n);
      this.used = new Int32Array(n);
      this.tokB = new Int32Array(n);
      this.next = new Int32Array(n);
      this.head = new Int32Array(n);
      this.touchedKeys = new Int32Array(n);
      const wasAlt = this.prefixArr === this.liveAlt;
      const live = new Int32Array(n);
      live.set(this.live);
      this.live = live;
      const liveAlt = new Int32Array(n);
      liveAlt.set(this.liveAlt);
      this.liveAlt = liveAlt;
      this.prefixArr = wasAlt ? liveAlt : live;
      const headStamp = new Int32Array(n);
      headStamp.set(this.headStamp);
      this.headStamp = headStamp;
    }
  }
}
