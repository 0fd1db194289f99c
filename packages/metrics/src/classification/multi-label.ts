// Multi-answer questions scored per letter, as scikit-learn 1.2.1 does on a
// `MultiLabelBinarizer(classes=['A','B','C','D','E'])` indicator matrix: '' is an all-zero row and
// letters outside the classes are ignored (sklearn warns). Exact-set accuracy, Hamming loss,
// Jaccard and P/R/F1 with average samples | micro | macro | weighted.
import { fbeta, npAverage, prfDivide, type ZeroDivision } from './single-label.js';

export const ANSWER_CLASSES: readonly string[] = ['A', 'B', 'C', 'D', 'E'];
export type MultiAverage = 'samples' | 'micro' | 'macro' | 'weighted';

/** `mlb.transform([set(s) for s in answers])`: one 0/1 row per answer. */
export function binarize(answers: readonly string[], classes: readonly string[] = ANSWER_CLASSES): Uint8Array[] {
  const index = new Map(classes.map((c, i) => [c, i]));
  return answers.map((a) => {
    const row = new Uint8Array(classes.length);
    for (const ch of a) {
      const i = index.get(ch);
      if (i !== undefined) row[i] = 1;
    }
    return row;
  });
}

function check(Y: readonly Uint8Array[], P: readonly Uint8Array[]): void {
  if (Y.length !== P.length) throw new Error(`Found input variables with inconsistent numbers of samples: [${Y.length}, ${P.length}]`);
}

/** Exact-set match ratio (`accuracy_score` on indicator matrices). */
export function subsetAccuracy(Y: readonly Uint8Array[], P: readonly Uint8Array[]): number {
  check(Y, P);
  if (Y.length === 0) return Number.NaN;
  let c = 0;
  for (let i = 0; i < Y.length; i++) if (Y[i]!.every((v, j) => v === P[i]![j])) c++;
  return c / Y.length;
}

/** `hamming_loss`: wrong cells / all cells. */
export function hammingLoss(Y: readonly Uint8Array[], P: readonly Uint8Array[]): number {
  check(Y, P);
  if (Y.length === 0) return Number.NaN;
  let d = 0;
  for (let i = 0; i < Y.length; i++) for (let j = 0; j < Y[i]!.length; j++) if (Y[i]![j] !== P[i]![j]) d++;
  return d / (Y.length * Y[0]!.length);
}

/** tp / pred / true per label (columns) or, for 'samples', per row. */
function counts(Y: readonly Uint8Array[], P: readonly Uint8Array[], samplewise: boolean) {
  const L = Y[0]?.length ?? 0;
  const size = samplewise ? Y.length : L;
  const tp = new Array<number>(size).fill(0);
  const pred = new Array<number>(size).fill(0);
  const tru = new Array<number>(size).fill(0);
  for (let i = 0; i < Y.length; i++) {
    for (let j = 0; j < L; j++) {
      const k = samplewise ? i : j;
      const y = Y[i]![j]!;
      const p = P[i]![j]!;
      if (y && p) tp[k]!++;
      if (p) pred[k]!++;
      if (y) tru[k]!++;
    }
  }
  return { tp, pred, true: tru };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** P, R, F1 on indicator matrices (`precision_recall_fscore_support(average=A)`). */
export function multilabelPrfs(Y: readonly Uint8Array[], P: readonly Uint8Array[], average: MultiAverage, zeroDivision: ZeroDivision = 'warn'): { precision: number; recall: number; f1: number } {
  check(Y, P);
  let { tp, pred, true: tru } = counts(Y, P, average === 'samples');
  if (average === 'micro') {
    tp = [sum(tp)];
    pred = [sum(pred)];
    tru = [sum(tru)];
  }
  const precision = prfDivide(tp, pred, zeroDivision);
  const recall = prfDivide(tp, tru, zeroDivision);
  const f = fbeta(precision, recall);
  let weights: number[] | undefined;
  if (average === 'weighted') {
    weights = tru;
    if (sum(tru) === 0) {
      const z = zeroDivision === 1 ? 1 : 0;
      return sum(pred) === 0 ? { precision: z, recall: z, f1: z } : { precision: 0, recall: z, f1: 0 };
    }
  }
  return { precision: npAverage(precision, weights), recall: npAverage(recall, weights), f1: npAverage(f, weights) };
}

/** Per-letter P/R/F1/support (`average=None`). */
export function multilabelPerLabel(Y: readonly Uint8Array[], P: readonly Uint8Array[], zeroDivision: ZeroDivision = 'warn') {
  check(Y, P);
  const c = counts(Y, P, false);
  const precision = prfDivide(c.tp, c.pred, zeroDivision);
  const recall = prfDivide(c.tp, c.true, zeroDivision);
  return { precision, recall, f1: fbeta(precision, recall), support: c.true };
}

/** `jaccard_score(average=A)`: |Y∩P| / |Y∪P| per label, per row, or pooled. */
export function jaccardScore(Y: readonly Uint8Array[], P: readonly Uint8Array[], average: MultiAverage, zeroDivision: ZeroDivision = 'warn'): number {
  check(Y, P);
  const c = counts(Y, P, average === 'samples');
  // union = tp + fp + fn = pred + true - tp
  let num = c.tp;
  let den = c.tp.map((t, i) => c.pred[i]! + c.true[i]! - t);
  if (average === 'micro') {
    num = [sum(num)];
    den = [sum(den)];
  }
  const j = prfDivide(num, den, zeroDivision);
  let weights: number[] | undefined;
  if (average === 'weighted') weights = sum(c.true) === 0 ? undefined : c.true;
  return npAverage(j, weights);
}

/** Everything for multi-answer strings ('ABD') against gold strings, per letter A–E. */
export function answerSetScores(gold: readonly string[], pred: readonly string[], zeroDivision: ZeroDivision = 'warn') {
  const Y = binarize(gold);
  const P = binarize(pred);
  return {
    exactMatch: subsetAccuracy(Y, P),
    hammingLoss: hammingLoss(Y, P),
    jaccardSamples: jaccardScore(Y, P, 'samples', zeroDivision),
    f1Samples: multilabelPrfs(Y, P, 'samples', zeroDivision).f1,
    f1Micro: multilabelPrfs(Y, P, 'micro', zeroDivision).f1,
    f1Macro: multilabelPrfs(Y, P, 'macro', zeroDivision).f1,
    f1Weighted: multilabelPrfs(Y, P, 'weighted', zeroDivision).f1,
  };
}
