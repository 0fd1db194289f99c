// rouge-score 0.1.2 (google-research `rouge/rouge_scorer.py`) ported exactly:
// ROUGE-N with clipped multiset n-gram counts, ROUGE-L over the whole token list, ROUGE-Lsum as the
// summary-level union LCS over '\n'-separated sentences with per-token hit counting.
// Argument order as rouge-score: `rougeScore(target, prediction)` — target (reference) first.
import { rougeDefaultTokenize } from '../tokenize/rougeDefault.js';
import { internTokens, lcsIndicesRougeScore, lcsLengthIds } from './lcs.js';

export interface RougeScoreValue {
  precision: number;
  recall: number;
  fmeasure: number;
}

/** A tokenizer: text → tokens. */
export type Tokenize = (text: string) => string[];

export interface RougeScoreOptions {
  /** 'rouge1'…'rouge9', 'rougeL', 'rougeLsum'. Default rouge1, rouge2, rougeL. */
  types?: readonly string[];
  /** Default: rouge-score's own tokenizer (lowercase, keeps only [a-z0-9] runs: Chinese vanishes). */
  tokenize?: Tokenize;
  /** With the default tokenizer: a stemmer applied to tokens longer than 3 chars (use_stemmer=True). */
  stem?: (token: string) => string;
}

/** `scoring.fmeasure`: 2PR/(P+R), or 0 when P+R is 0. */
export function rougeFmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function score(precision: number, recall: number): RougeScoreValue {
  return { precision, recall, fmeasure: rougeFmeasure(precision, recall) };
}

/** Clipped n-gram overlap counts: {overlap, target total, prediction total}. */
export function ngramOverlap(target: Int32Array, prediction: Int32Array, n: number): { overlap: number; target: number; prediction: number } {
  const tTotal = Math.max(target.length - n + 1, 0);
  const pTotal = Math.max(prediction.length - n + 1, 0);
  if (tTotal === 0 || pTotal === 0) return { overlap: 0, target: tTotal, prediction: pTotal };
  const key = (xs: Int32Array, i: number): string => {
    let k = String(xs[i]);
    for (let d = 1; d < n; d++) k += ',' + xs[i + d];
    return k;
  };
  const counts = new Map<string | number, number>();
  // Unigrams and bigrams get numeric keys (fast path); longer n-grams a joined string.
  const SHIFT = 1 << 21;
  const numeric = target.length + prediction.length < SHIFT;
  const keyOf = n === 1 ? (xs: Int32Array, i: number) => xs[i]! : n === 2 && numeric ? (xs: Int32Array, i: number) => xs[i]! * SHIFT + xs[i + 1]! : key;
  for (let i = 0; i < tTotal; i++) {
    const k = keyOf(target, i);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let overlap = 0;
  for (let i = 0; i < pTotal; i++) {
    const k = keyOf(prediction, i);
    const c = counts.get(k);
    if (c !== undefined && c > 0) {
      overlap++;
      counts.set(k, c - 1);
    }
  }
  return { overlap, target: tTotal, prediction: pTotal };
}

/** ROUGE-N from clipped counts (`_score_ngrams`). */
export function rougeNFromCounts(overlap: number, targetCount: number, predictionCount: number): RougeScoreValue {
  return score(overlap / Math.max(predictionCount, 1), overlap / Math.max(targetCount, 1));
}

/** ROUGE-L (`_score_lcs`): 0/0/0 when either token list is empty. */
export function rougeLFromLength(lcs: number, targetLen: number, predictionLen: number): RougeScoreValue {
  if (targetLen === 0 || predictionLen === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  return score(lcs / predictionLen, lcs / targetLen);
}

/** ROUGE-Lsum (`_summary_level_lcs`) on tokenized sentences. */
export function rougeLsumTokens(refSents: readonly string[][], canSents: readonly string[][]): RougeScoreValue {
  const zero = { precision: 0, recall: 0, fmeasure: 0 };
  if (refSents.length === 0 || canSents.length === 0) return zero;
  let m = 0;
  let n = 0;
  for (const s of refSents) m += s.length;
  for (const s of canSents) n += s.length;
  if (m === 0 || n === 0) return zero;
  const ids = new Map<string, number>();
  const conv = (xs: readonly string[]) => {
    const out = new Int32Array(xs.length);
    xs.forEach((t, i) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      out[i] = id;
    });
    return out;
  };
  const refs = refSents.map(conv);
  const cans = canSents.map(conv);
  const cntR = new Map<number, number>();
  const cntC = new Map<number, number>();
  for (const s of refs) for (const t of s) cntR.set(t, (cntR.get(t) ?? 0) + 1);
  for (const s of cans) for (const t of s) cntC.set(t, (cntC.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of refs) {
    const union = new Set<number>();
    for (const c of cans) for (const i of lcsIndicesRougeScore(r, c)) union.add(i);
    const idx = [...union].sort((x, y) => x - y);
    for (const i of idx) {
      const t = r[i]!;
      const cc = cntC.get(t) ?? 0;
      const cr = cntR.get(t) ?? 0;
      if (cc > 0 && cr > 0) {
        hits++;
        cntC.set(t, cc - 1);
        cntR.set(t, cr - 1);
      }
    }
  }
  return score(hits / n, hits / m);
}

const DEFAULT_TYPES = ['rouge1', 'rouge2', 'rougeL'] as const;

/** Parse 'rougeN' → N (rouge-score accepts exactly one digit, 1–9). */
function ngramOrder(type: string): number | null {
  const m = /^rouge([0-9])$/.exec(type);
  if (!m) return null;
  const n = Number(m[1]);
  if (n <= 0) throw new Error(`rougen requires positive n: ${type}`);
  return n;
}

/**
 * rouge-score `RougeScorer(types).score(target, prediction)`.
 * Returns one {precision, recall, fmeasure} per requested type.
 *
 * @example
 * rougeScore('我爱北京', '我爱上海').rougeL.fmeasure; // rouge-score's RougeScorer on characters
 */
export function rougeScore(target: string, prediction: string, options: RougeScoreOptions = {}): Record<string, RougeScoreValue> {
  const types = options.types ?? DEFAULT_TYPES;
  const stem = options.stem;
  // The default tokenizer with use_stemmer=True stems tokens longer than 3 chars (nltk Porter, supplied by the caller).
  const tok: Tokenize =
    options.tokenize ?? (stem ? (s) => rougeDefaultTokenize(s).map((t) => (t.length > 3 ? stem(t) : t)) : rougeDefaultTokenize);
  const result: Record<string, RougeScoreValue> = {};
  let ids: { a: Int32Array; b: Int32Array; size: number } | null = null;
  const tokens = () => (ids ??= internTokens(tok(target), tok(prediction)));
  for (const type of types) {
    if (type === 'rougeL') {
      const t = tokens();
      const lcs = t.a.length && t.b.length ? lcsLengthIds(t.a, t.b, t.size) : 0;
      result[type] = rougeLFromLength(lcs, t.a.length, t.b.length);
    } else if (type === 'rougeLsum') {
      const sents = (text: string) => text.split('\n').filter((s) => s.length > 0).map((s) => tok(s));
      result[type] = rougeLsumTokens(sents(target), sents(prediction));
    } else {
      const n = ngramOrder(type);
      if (n === null) throw new Error(`Invalid rouge type: ${type} (expected rouge1…rouge9, rougeL or rougeLsum)`);
      const t = tokens();
      const c = ngramOverlap(t.a, t.b, n);
      result[type] = rougeNFromCounts(c.overlap, c.target, c.prediction);
    }
  }
  return result;
}

/**
 * rouge-score `score_multi(targets, prediction)`: per type, the score against the target with the
 * highest F-measure (the first one on ties, as `np.argmax`).
 */
export function rougeScoreMulti(targets: readonly string[], prediction: string, options: RougeScoreOptions = {}): Record<string, RougeScoreValue> {
  if (targets.length === 0) throw new Error('rougeScoreMulti: at least one target is required');
  const all = targets.map((t) => rougeScore(t, prediction, options));
  const out: Record<string, RougeScoreValue> = {};
  for (const type of options.types ?? DEFAULT_TYPES) {
    let best = all[0]![type]!;
    for (const s of all) if (s[type]!.fmeasure > best.fmeasure) best = s[type]!;
    out[type] = best;
  }
  return out;
}
