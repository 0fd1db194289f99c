// The tensorflow/nmt `rouge` used by CMExam's evaluation scripts (PETER `utils.rouge_score`):
// words = text.split(" ") (so `' '.join(list(s))` gives one token per code point, and each space in
// the text becomes two empty tokens); ROUGE-N over SETS of n-grams with F = 2*((P*R)/(P+R+1e-8));
// ROUGE-L over the plain LCS with R = lcs/m, P = lcs/n, beta = P/(R+1e-12),
// F = (1+beta²)·R·P / ((R + beta²·P) + 1e-12). Per pair, then `np.mean` over pairs.
import { internTokens, lcsLengthIds } from './lcs.js';
import { numpyMean } from './numpy-sum.js';

export interface NmtPairScores {
  rouge1: NmtPRF;
  rouge2: NmtPRF;
  rougeL: NmtPRF;
}
export interface NmtPRF {
  f: number;
  p: number;
  r: number;
}

/** `_split_into_words([s])` = `s.split(" ")` (empty string → one empty token). */
export function nmtWords(s: string): string[] {
  return s.split(' ');
}

function distinctNgramIds(xs: Int32Array, n: number): Set<string | number> {
  const out = new Set<string | number>();
  const count = xs.length - n + 1;
  for (let i = 0; i < count; i++) {
    if (n === 1) out.add(xs[i]!);
    else {
      let k = String(xs[i]);
      for (let d = 1; d < n; d++) k += ',' + xs[i + d];
      out.add(k);
    }
  }
  return out;
}

/** Counts behind ROUGE-N with set semantics: |hyp set|, |ref set|, |intersection|. */
export function setNgramCounts(hyp: Int32Array, ref: Int32Array, n: number): { hyp: number; ref: number; overlap: number } {
  const h = distinctNgramIds(hyp, n);
  const r = distinctNgramIds(ref, n);
  let overlap = 0;
  const [small, big] = h.size <= r.size ? [h, r] : [r, h];
  for (const g of small) if (big.has(g)) overlap++;
  return { hyp: h.size, ref: r.size, overlap };
}

/** `rouge_n` / pltrdy `f_r_p_rouge_n`: P, R (0 when a count is 0) and F = 2*((P*R)/(P+R+1e-8)). */
export function prfEps(hypCount: number, refCount: number, overlap: number): NmtPRF {
  const p = hypCount === 0 ? 0 : overlap / hypCount;
  const r = refCount === 0 ? 0 : overlap / refCount;
  return { f: 2 * ((p * r) / (p + r + 1e-8)), p, r };
}

/** `_f_p_r_lcs(llcs, m, n)`. */
export function nmtLcsPRF(llcs: number, m: number, n: number): NmtPRF {
  const r = llcs / m;
  const p = llcs / n;
  const beta = p / (r + 1e-12);
  const b2 = beta * beta;
  const num = (1 + b2) * r * p;
  const denom = r + b2 * p;
  return { f: num / (denom + 1e-12), p, r };
}

/** Scores of one (hypothesis, reference) pair, both already-joined strings such as `charJoin(text)`. */
export function nmtRougePair(hyp: string, ref: string): NmtPairScores {
  const t = internTokens(nmtWords(hyp), nmtWords(ref));
  const c1 = setNgramCounts(t.a, t.b, 1);
  const c2 = setNgramCounts(t.a, t.b, 2);
  // split(" ") never yields an empty list, so m, n ≥ 1 and nothing raises.
  const lcs = lcsLengthIds(t.a, t.b, t.size);
  return {
    rouge1: prfEps(c1.hyp, c1.ref, c1.overlap),
    rouge2: prfEps(c2.hyp, c2.ref, c2.overlap),
    rougeL: nmtLcsPRF(lcs, t.b.length, t.a.length),
  };
}

export type NmtRougeResult = Record<
  'rouge_1/f_score' | 'rouge_1/p_score' | 'rouge_1/r_score' | 'rouge_2/f_score' | 'rouge_2/p_score' | 'rouge_2/r_score' | 'rouge_l/f_score' | 'rouge_l/p_score' | 'rouge_l/r_score',
  number
>;

/**
 * tensorflow/nmt `rouge(hypotheses, references)`: per-pair scores, `np.mean` of each (0–1).
 * CMExam's `utils.rouge_score(references, generated)` is this ×100 (see `nmtRougeScore100`).
 * An empty list gives NaN (numpy's mean of nothing, with a RuntimeWarning in Python).
 *
 * @example
 * nmtRouge(['我 爱 上 海'], ['我 爱 北 京'])['rouge_l/f_score']; // tensorflow/nmt rouge() (CMExam's scripts)
 */
export function nmtRouge(hypotheses: readonly string[], references: readonly string[]): NmtRougeResult {
  if (hypotheses.length !== references.length) {
    throw new Error(`nmtRouge: ${hypotheses.length} hypotheses but ${references.length} references`);
  }
  const cols: number[][] = Array.from({ length: 9 }, () => new Array<number>(hypotheses.length));
  hypotheses.forEach((h, i) => {
    const s = nmtRougePair(h, references[i]!);
    const v = [s.rouge1.f, s.rouge1.p, s.rouge1.r, s.rouge2.f, s.rouge2.p, s.rouge2.r, s.rougeL.f, s.rougeL.p, s.rougeL.r];
    for (let k = 0; k < 9; k++) cols[k]![i] = v[k]!;
  });
  const m = cols.map((c) => numpyMean(c));
  return {
    'rouge_1/f_score': m[0]!,
    'rouge_1/p_score': m[1]!,
    'rouge_1/r_score': m[2]!,
    'rouge_2/f_score': m[3]!,
    'rouge_2/p_score': m[4]!,
    'rouge_2/r_score': m[5]!,
    'rouge_l/f_score': m[6]!,
    'rouge_l/p_score': m[7]!,
    'rouge_l/r_score': m[8]!,
  };
}

/** PETER/CMExam `utils.rouge_score(references, generated)`: `nmtRouge(generated, references)` × 100. */
export function nmtRougeScore100(references: readonly string[], generated: readonly string[]): NmtRougeResult {
  const r = nmtRouge(generated, references);
  const out = {} as NmtRougeResult;
  for (const k of Object.keys(r) as (keyof NmtRougeResult)[]) out[k] = r[k] * 100;
  return out;
}
