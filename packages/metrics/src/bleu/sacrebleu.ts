// sacrebleu 2.6.0 BLEU (metrics/bleu.py) from sufficient statistics, reproduced operation by operation.

export type SmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';
export const SMOOTH_DEFAULTS: Readonly<Record<SmoothMethod, number | null>> = {
  none: null,
  floor: 0.1,
  'add-k': 1,
  exp: null,
};
export const SACREBLEU_VERSION = '2.6.0';

export interface SacreBleuComputeOptions {
  smoothMethod?: SmoothMethod;
  /** For floor (default 0.1) and add-k (default 1). */
  smoothValue?: number | null;
  effectiveOrder?: boolean;
  maxNgramOrder?: number;
}

export interface BleuScore {
  /** 0–100. */
  score: number;
  /** Matches per order (after add-k smoothing, as sacrebleu reports them). */
  counts: number[];
  totals: number[];
  /** Percent, after smoothing. */
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

const myLog = (x: number): number => (x === 0 ? -9999999999 : Math.log(x));

/**
 * `BLEU.compute_bleu`: correct/total are copied, not mutated.
 *
 * @example
 * // from summed sufficient statistics (e.g. of several shards or threads)
 * computeSacreBleu([9, 7, 5, 3], [10, 9, 8, 7], 10, 11, { smoothMethod: 'exp' }).score;
 */
export function computeSacreBleu(
  correctIn: readonly number[],
  totalIn: readonly number[],
  sysLen: number,
  refLen: number,
  options: SacreBleuComputeOptions = {},
): BleuScore {
  const smoothMethod = options.smoothMethod ?? 'none';
  if (!(smoothMethod in SMOOTH_DEFAULTS)) {
    throw new Error(`unknown smooth method "${smoothMethod}"; valid: ${Object.keys(SMOOTH_DEFAULTS).join(', ')}`);
  }
  const smoothValue = options.smoothValue ?? SMOOTH_DEFAULTS[smoothMethod] ?? 0;
  const effectiveOrder = options.effectiveOrder ?? false;
  const maxOrder = options.maxNgramOrder ?? 4;
  const correct = correctIn.slice(0, maxOrder);
  const total = totalIn.slice(0, maxOrder);

  let bp: number;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;
  else bp = 1.0;

  const precisions = new Array<number>(maxOrder).fill(0);
  if (!correct.some((c) => c !== 0)) {
    return { score: 0.0, counts: correct, totals: total, precisions, bp, sysLen, refLen };
  }
  let smoothMteval = 1.0;
  let effOrder = maxOrder;
  for (let n = 1; n <= maxOrder; n++) {
    if (smoothMethod === 'add-k' && n > 1) {
      correct[n - 1]! += smoothValue;
      total[n - 1]! += smoothValue;
    }
    if (total[n - 1] === 0) break;
    if (effectiveOrder) effOrder = n;
    if (correct[n - 1] === 0) {
      if (smoothMethod === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * total[n - 1]!);
      } else if (smoothMethod === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / total[n - 1]!;
      }
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }
  let logSum = 0;
  for (let i = 0; i < effOrder; i++) logSum += myLog(precisions[i]!);
  const score = bp * Math.exp(logSum / effOrder);
  return { score, counts: correct, totals: total, precisions, bp, sysLen, refLen };
}

/** sacrebleu's `_get_closest_ref_len`: closest length, ties → the shorter. */
export function closestRefLen(hypLen: number, refLens: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const refLen of refLens) {
    const diff = Math.abs(hypLen - refLen);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = refLen;
    } else if (diff === closestDiff && refLen < closestLen) closestLen = refLen;
  }
  return closestLen;
}

export interface SignatureParts {
  nrefs: number;
  lowercase: boolean;
  effectiveOrder: boolean;
  tok: string;
  smoothMethod: SmoothMethod;
  smoothValue?: number | null;
  maxNgramOrder?: number;
}

/**
 * sacrebleu-style signature, e.g. `nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0`, followed by
 * `|impl:medeval` (computed by medeval's port, not by sacrebleu) and `|ngram:N` when N ≠ 4.
 *
 * @example
 * sacrebleuSignature({ nrefs: 1, lowercase: false, effectiveOrder: false, tok: 'zh', smoothMethod: 'exp', maxNgramOrder: 4 });
 * // 'nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0|impl:medeval'
 */
export function sacrebleuSignature(p: SignatureParts): string {
  let smooth: string = p.smoothMethod;
  const def = SMOOTH_DEFAULTS[p.smoothMethod];
  if (def !== null) smooth += `[${(p.smoothValue ?? def).toFixed(2)}]`;
  let sig = `nrefs:${p.nrefs}|case:${p.lowercase ? 'lc' : 'mixed'}|eff:${p.effectiveOrder ? 'yes' : 'no'}|tok:${p.tok}|smooth:${smooth}|version:${SACREBLEU_VERSION}|impl:medeval`;
  if (p.maxNgramOrder !== undefined && p.maxNgramOrder !== 4) sig += `|ngram:${p.maxNgramOrder}`;
  return sig;
}
