// Fast corpus P/R/F over {gold, pred} items, for the bootstrap (which re-aggregates ~1000 resamples of
// the same items per slice). Same numbers, bit for bit, as `prfsAveraged(golds, preds, ...)`:
//  - each distinct (gold, pred) pair of strings is interned once to a small integer id (per counter);
//  - an aggregate counts items per pair id (one increment per item), then folds the few distinct pairs
//    into per-label tp / pred / true counts (integers, so the order of addition cannot matter);
//  - the labels present are put in Python code-point order (`comparePython`, as `sortedLabelUnion`),
//    and the shared `prfsFromCounts` does the float work in exactly the old order.
// Finding an item's pair id: items made by `item()` carry it in a non-enumerable symbol property
// (invisible to JSON, structuredClone and deep equality); any other object — e.g. items read back
// from records.jsonl — is looked up once in a WeakMap. Input items are never modified. Items are treated
// as immutable, as everywhere in the bootstrap.
import { comparePython } from './labels.js';
import { labelCounts, prfsFromCounts, type Average, type Averaged, type ZeroDivision } from './single-label.js';

export interface LabelPair {
  gold: string;
  pred: string;
}

export interface LabelPairCounterOptions {
  zeroDivision?: ZeroDivision;
  /** Fixed label list (sklearn `labels=`), scored in this order; default the sorted union of the items' labels. */
  labels?: readonly string[];
  beta?: number;
}

export interface LabelPairCounter {
  /** A `{gold, pred}` item (plain, JSON-serializable) that this counter recognises without a lookup. */
  item(gold: string, pred: string): LabelPair;
  /** `prfsAveraged(items.map(gold), items.map(pred), average, options)`. */
  averaged(items: readonly LabelPair[]): Averaged;
  /**
   * For the bootstrap: the items' pair ids are found once; the returned function gives
   * `averaged(Array.from(picks, (i) => items[i]))` (the same doubles) by counting pair ids of the drawn
   * indices. Undefined with a fixed label list that repeats a label (that keeps the reference path).
   */
  resampler(items: readonly LabelPair[]): ((picks: Uint32Array) => Averaged) | undefined;
}

/**
 * The key under which an item made by `item()` carries its pair: one key for all counters, so the hot
 * loop's property load sees a single key and shape (a per-counter key made it megamorphic); the value
 * names its counter, so an item made by another counter is looked up instead of trusted.
 */
const PAIR = Symbol('medeval.label-pair');
interface PairRef {
  readonly owner: object;
  readonly id: number;
}

/** Grow-on-demand Int32Array / Uint32Array helpers. */
const grownI32 = (a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> => {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};
const grownU32 = (a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> => {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};

export function labelPairCounter(average: Average, o: LabelPairCounterOptions = {}): LabelPairCounter {
  const zd = o.zeroDivision ?? 'warn';
  const beta = o.beta ?? 1;
  const self = {};
  const pairRefs: PairRef[] = [];
  // Labels: string ↔ id, and each id's position in Python order (recomputed when a label is added).
  const labelId = new Map<string, number>();
  const labelNames: string[] = [];
  let rank = new Int32Array(16);
  let byRank = new Int32Array(16);
  let ranksStale = false;
  // Pairs: "goldId,predId" ↔ id, with each pair's gold and pred label ids.
  const pairId = new Map<string, number>();
  let pairGold = new Int32Array(16);
  let pairPred = new Int32Array(16);
  let pairs = 0;
  const foreign = new WeakMap<object, number>();
  // Per-aggregate scratch: pair counts and label counts, valid where the epoch stamp is current.
  let epoch = 0;
  let pairStamp = new Uint32Array(16);
  let pairCount = new Int32Array(16);
  let pairTouched = new Int32Array(16);
  let labelStamp = new Uint32Array(16);
  let labelTouched = new Int32Array(16);
  const tpBy: number[] = [];
  const predBy: number[] = [];
  const trueBy: number[] = [];

  // A fixed label list with a repeated label keeps the reference path (its counts go to the last copy).
  const fixed = o.labels && new Set(o.labels).size === o.labels.length ? o.labels.map((l) => intern(l)) : undefined;
  const fallback = o.labels !== undefined && fixed === undefined;

  function intern(label: string): number {
    let id = labelId.get(label);
    if (id === undefined) {
      id = labelNames.length;
      labelId.set(label, id);
      labelNames.push(label);
      ranksStale = true;
    }
    return id;
  }

  function internPair(gold: string, pred: string): number {
    const g = intern(gold);
    const p = intern(pred);
    const key = `${g},${p}`;
    let id = pairId.get(key);
    if (id === undefined) {
      id = pairs++;
      pairId.set(key, id);
      pairGold = grownI32(pairGold, pairs);
      pairPred = grownI32(pairPred, pairs);
      pairGold[id] = g;
      pairPred[id] = p;
      pairRefs.push({ owner: self, id });
      // The per-aggregate scratch always has room for every pair (no bounds check in the hot loop).
      pairStamp = grownU32(pairStamp, pairs);
      pairCount = grownI32(pairCount, pairs);
      pairTouched = grownI32(pairTouched, pairs);
    }
    return id;
  }

  /** The pair id of an item not made by `item()` (e.g. parsed from records.jsonl). */
  function foreignPair(x: LabelPair): number {
    let id = foreign.get(x);
    if (id === undefined) {
      // Checked before interning: a non-string label in the table would break every later sort.
      if (typeof x?.gold !== 'string' || typeof x.pred !== 'string') {
        throw new TypeError(`precision/recall/F1 aggregate: an item must be {"gold": string, "pred": string}, got ${JSON.stringify(x) ?? String(x)}`);
      }
      id = internPair(x.gold, x.pred);
      foreign.set(x, id);
    }
    return id;
  }

  function refreshRanks(): void {
    const n = labelNames.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => comparePython(labelNames[a]!, labelNames[b]!));
    rank = new Int32Array(Math.max(n, 16));
    byRank = new Int32Array(Math.max(n, 16));
    order.forEach((id, r) => {
      rank[id] = r;
      byRank[r] = id;
    });
    ranksStale = false;
  }

  function nextEpoch(): number {
    if (epoch === 0xffffffff) {
      epoch = 0;
      pairStamp.fill(0);
      labelStamp.fill(0);
    }
    return ++epoch;
  }

  const pairOf = (x: LabelPair): number => {
    const ref = (x as unknown as Record<symbol, PairRef | undefined>)[PAIR];
    return ref !== undefined && ref.owner === self ? ref.id : foreignPair(x);
  };

  function averaged(items: readonly LabelPair[]): Averaged {
    if (fallback) {
      return prfsAveraged(items, average, { zeroDivision: zd, beta, labels: o.labels! });
    }
    // A foreign item may intern a new pair here; the scratch grows with it.
    return countAndFold(idsOf(items), null);
  }

  function resampler(items: readonly LabelPair[]): ((picks: Uint32Array) => Averaged) | undefined {
    if (fallback) return undefined;
    const ids = idsOf(items);
    return (picks) => countAndFold(ids, picks);
  }

  function idsOf(items: readonly LabelPair[]): Int32Array {
    const ids = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) ids[i] = pairOf(items[i]!);
    return ids;
  }

  /** Step 1 of an aggregate: items per pair id (of `ids`, or of `ids[picks[i]]`), then steps 2–3. */
  function countAndFold(ids: Int32Array, picks: Uint32Array | null): Averaged {
    const e = nextEpoch();
    const n = picks === null ? ids.length : picks.length;
    let touched = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[picks === null ? i : picks[i]!]!;
      if (pairStamp[id] !== e) {
        pairStamp[id] = e;
        pairCount[id] = 1;
        pairTouched[touched++] = id;
      } else pairCount[id]!++;
    }
    return fold(e, touched);
  }

  /** Steps 2–3 of an aggregate: the `touched` pairs counted under epoch `e` → P/R/F. */
  function fold(e: number, touched: number): Averaged {
    labelStamp = grownU32(labelStamp, labelNames.length);
    labelTouched = grownI32(labelTouched, labelNames.length);
    // 2. Per-label counts from the distinct pairs (kept in plain arrays indexed by label id).
    let labels = 0;
    const touch = (l: number): void => {
      if (labelStamp[l] !== e) {
        labelStamp[l] = e;
        tpBy[l] = 0;
        predBy[l] = 0;
        trueBy[l] = 0;
        labelTouched[labels++] = l;
      }
    };
    for (let k = 0; k < touched; k++) {
      const id = pairTouched[k]!;
      const c = pairCount[id]!;
      const g = pairGold[id]!;
      const p = pairPred[id]!;
      touch(g);
      touch(p);
      trueBy[g]! += c;
      predBy[p]! += c;
      if (g === p) tpBy[g]! += c;
    }
    // 3. Labels in scoring order: the fixed list, or the present labels in Python order.
    let order: ArrayLike<number>;
    if (fixed) {
      for (const l of fixed) touch(l);
      order = fixed;
    } else {
      if (ranksStale) refreshRanks();
      const ranks = new Int32Array(labels);
      for (let k = 0; k < labels; k++) ranks[k] = rank[labelTouched[k]!]!;
      ranks.sort();
      for (let k = 0; k < labels; k++) ranks[k] = byRank[ranks[k]!]!;
      order = ranks;
    }
    const m = order.length;
    const tp = new Array<number>(m);
    const pred = new Array<number>(m);
    const tru = new Array<number>(m);
    for (let k = 0; k < m; k++) {
      const l = order[k]!;
      tp[k] = tpBy[l]!;
      pred[k] = predBy[l]!;
      tru[k] = trueBy[l]!;
    }
    return prfsFromCounts({ tp, pred, true: tru }, average, zd, beta);
  }

  return {
    item(gold, pred) {
      // Written in the literal, then made non-enumerable: V8 keeps all three fields in the object itself
      // (one shared shape), so reading the id in the bootstrap's hot loop is a single load.
      const x = { gold, pred, [PAIR]: pairRefs[internPair(gold, pred)]! };
      Object.defineProperty(x, PAIR, { enumerable: false, writable: false });
      return x;
    },
    averaged,
    resampler,
  };
}

/** The reference computation on items: `prfsAveraged` over their gold and predicted labels. */
function prfsAveraged(items: readonly LabelPair[], average: Average, o: Required<Pick<LabelPairCounterOptions, 'zeroDivision' | 'beta'>> & { labels: readonly string[] }): Averaged {
  const golds = items.map((x) => x.gold);
  const preds = items.map((x) => x.pred);
  return prfsFromCounts(labelCounts(golds, preds, o.labels), average, o.zeroDivision, o.beta);
}
