// scikit-learn 1.2.1 `accuracy_score` and `precision_recall_fscore_support` for single-label
// (multiclass) string labels, with its operation order so floats match: per-label tp / pred / true
// counts, `_prf_divide` (zero division → 0 for 'warn' and 0, → 1 for 1), F = (1+β²)·P·R / (β²·P + R)
// with a zero denominator replaced by 1, then `np.average` (pairwise sums) with optional weights.
import { numpySum } from '../rouge/numpy-sum.js';
import { sortedLabelUnion } from './labels.js';

export type ZeroDivision = 'warn' | 0 | 1;
export type Average = 'micro' | 'macro' | 'weighted';

export interface PerLabel {
  labels: string[];
  precision: number[];
  recall: number[];
  f1: number[];
  support: number[];
}
export interface Averaged {
  precision: number;
  recall: number;
  f1: number;
}
export interface PrfsOptions {
  /** Labels to score, in this order (default: sorted union of y_true and y_pred). */
  labels?: readonly string[];
  zeroDivision?: ZeroDivision;
  beta?: number;
}

function checkLengths(yTrue: readonly unknown[], yPred: readonly unknown[]): void {
  if (yTrue.length !== yPred.length) {
    throw new Error(`Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${yPred.length}]`);
  }
}

/**
 * `accuracy_score(y_true, y_pred)`: share of exact equals (NaN for empty lists, as sklearn).
 *
 * @example
 * accuracyScore(['A', 'B', 'C'], ['A', 'B', 'D']); // 0.666…, sklearn accuracy_score
 */
export function accuracyScore(yTrue: readonly string[], yPred: readonly string[]): number {
  checkLengths(yTrue, yPred);
  if (yTrue.length === 0) return Number.NaN;
  let c = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) c++;
  return c / yTrue.length;
}

/** Per-label counts: true positives, predicted, true (support), for `labels` in order. */
export function labelCounts(yTrue: readonly string[], yPred: readonly string[], labels: readonly string[]): { tp: number[]; pred: number[]; true: number[] } {
  checkLengths(yTrue, yPred);
  const index = new Map(labels.map((l, i) => [l, i]));
  const tp = new Array<number>(labels.length).fill(0);
  const pred = new Array<number>(labels.length).fill(0);
  const tru = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]!);
    const p = index.get(yPred[i]!);
    if (t !== undefined) tru[t]!++;
    if (p !== undefined) pred[p]!++;
    if (t !== undefined && yTrue[i] === yPred[i]) tp[t]!++;
  }
  return { tp, pred, true: tru };
}

/** `_prf_divide`. */
export function prfDivide(num: readonly number[], den: readonly number[], zeroDivision: ZeroDivision): number[] {
  const zd = zeroDivision === 1 ? 1 : 0;
  return num.map((x, i) => (den[i] === 0 ? zd : x / den[i]!));
}

/** F-beta from arrays of P and R, as sklearn 1.2.1 computes it (β = ∞ gives recall; β < 0 raises). */
export function fbeta(precision: readonly number[], recall: readonly number[], beta = 1): number[] {
  checkBeta(beta);
  if (beta === Number.POSITIVE_INFINITY) return [...recall];
  const b2 = beta * beta;
  return precision.map((p, i) => {
    const r = recall[i]!;
    let denom = b2 * p + r;
    if (denom === 0) denom = 1;
    return ((1 + b2) * p * r) / denom;
  });
}

/** `np.average(values, weights)` with numpy's pairwise sums. */
export function npAverage(values: readonly number[], weights?: readonly number[]): number {
  if (!weights) return values.length === 0 ? Number.NaN : numpySum(values) / values.length;
  const prod = values.map((v, i) => v * weights[i]!);
  return numpySum(prod) / numpySum(weights);
}

/** sklearn 1.2.1's checks before counting: β ≥ 0, a known `average`, `samples` only for multilabel input. */
function checkBeta(beta: number): void {
  if (!(beta >= 0)) throw new RangeError('beta should be >=0 in the F-beta score');
}
function checkAverage(average: string): void {
  if (!['micro', 'macro', 'weighted', 'samples'].includes(average)) {
    throw new RangeError("average has to be one of (None, 'micro', 'macro', 'weighted', 'samples')");
  }
  if (average === 'samples') throw new RangeError('Samplewise metrics are not available outside of multilabel classification.');
}

/** `precision_recall_fscore_support(average=None)`: per-label arrays. */
export function prfsPerLabel(yTrue: readonly string[], yPred: readonly string[], o: PrfsOptions = {}): PerLabel {
  checkBeta(o.beta ?? 1);
  const labels = o.labels ? [...o.labels] : sortedLabelUnion(yTrue, yPred);
  const c = labelCounts(yTrue, yPred, labels);
  const zd = o.zeroDivision ?? 'warn';
  const precision = prfDivide(c.tp, c.pred, zd);
  const recall = prfDivide(c.tp, c.true, zd);
  return { labels, precision, recall, f1: fbeta(precision, recall, o.beta ?? 1), support: c.true };
}

/** `precision_recall_fscore_support(average=A)` → {precision, recall, f1} (support is None in sklearn). */
export function prfsAveraged(yTrue: readonly string[], yPred: readonly string[], average: Average, o: PrfsOptions = {}): Averaged {
  checkBeta(o.beta ?? 1);
  checkAverage(average);
  const labels = o.labels ? [...o.labels] : sortedLabelUnion(yTrue, yPred);
  return prfsFromCounts(labelCounts(yTrue, yPred, labels), average, o.zeroDivision ?? 'warn', o.beta ?? 1);
}

/**
 * The averaged P/R/F from per-label counts given in label order (the part of `prfsAveraged` after
 * counting). Shared with the interned fast path (`label-pairs.ts`) so both do the same float operations.
 */
export function prfsFromCounts(
  counts: { tp: number[]; pred: number[]; true: number[] },
  average: Average,
  zd: ZeroDivision,
  beta: number,
): Averaged {
  let { tp, pred, true: tru } = counts;
  if (average === 'micro') {
    const s = (xs: number[]) => [xs.reduce((a, b) => a + b, 0)];
    tp = s(tp);
    pred = s(pred);
    tru = s(tru);
  }
  const precision = prfDivide(tp, pred, zd);
  const recall = prfDivide(tp, tru, zd);
  const f = fbeta(precision, recall, beta);
  let weights: number[] | undefined;
  if (average === 'weighted') {
    weights = tru;
    if (tru.reduce((a, b) => a + b, 0) === 0) {
      const z = zd === 1 ? 1 : 0;
      return pred.reduce((a, b) => a + b, 0) === 0 ? { precision: z, recall: z, f1: z } : { precision: 0, recall: z, f1: 0 };
    }
  }
  return { precision: npAverage(precision, weights), recall: npAverage(recall, weights), f1: npAverage(f, weights) };
}

export const precisionScore = (t: readonly string[], p: readonly string[], average: Average, o?: PrfsOptions) => prfsAveraged(t, p, average, o).precision;
export const recallScore = (t: readonly string[], p: readonly string[], average: Average, o?: PrfsOptions) => prfsAveraged(t, p, average, o).recall;
export const f1Score = (t: readonly string[], p: readonly string[], average: Average, o?: PrfsOptions) => prfsAveraged(t, p, average, o).f1;
