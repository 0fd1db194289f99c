// `corpusRouge`: what `medeval rouge --hyp --ref` prints. Line i of hyps against line i of refs;
// ROUGE-1/2/L precision, recall and F averaged over lines, on the 0–100 scale, plus a signature.
import { numpyMean } from './numpy-sum.js';
import { PairScorer } from './pair-stats.js';
import { rougeLFromLength, rougeNFromCounts } from './rouge-score.js';
import { nmtRouge } from './nmt.js';
import { rougeGetScoresAvg } from './pltrdy.js';
import type { RougeVariant } from './metric.js';
import { resolveTokenizerChoice, type TokenizerChoice } from './tokenizer-choice.js';

export interface CorpusRougeResult {
  rouge1: { p: number; r: number; f: number };
  rouge2: { p: number; r: number; f: number };
  rougeL: { p: number; r: number; f: number };
  signature: string;
}

export interface CorpusRougeOptions {
  /** Default 'char' (code points without whitespace) for rouge-score, 'codepoints' (`list(s)`) otherwise. */
  tokenize?: TokenizerChoice;
  tokenizerName?: string;
  variant?: RougeVariant;
  /** Prefix for the signature (e.g. a protocol's `medeval:cmexam-paper@1|`). */
  signaturePrefix?: string;
  /** Exchange hypotheses and references (CMExam's GPT/ChatGLM scripts do). */
  swap?: boolean;
}

const VARIANT_ID: Record<RougeVariant, string> = {
  'rouge-score': 'rouge-score@0.1.2',
  nmt: 'tensorflow-nmt-rouge',
  'rouge-chinese': 'rouge_chinese@1.0.3',
  pltrdy: 'pltrdy-rouge@1.0.1',
};

/**
 * Corpus ROUGE over aligned lines. rouge-score: per-line scores averaged with `np.mean`; nmt: CMExam's
 * `rouge()` ×100; pltrdy / rouge-chinese: `get_scores(avg=True)` ×100 (empty texts score 0, see docs).
 * Jieba tokenization needs `await loadJieba()` first. An empty corpus gives NaN values.
 *
 * @example
 * corpusRouge(['我爱上海'], ['我爱北京']).rouge1.f; // mean F over lines × 100, as `medeval rouge`
 */
export function corpusRouge(hyps: readonly string[], refs: readonly string[], options: CorpusRougeOptions = {}): CorpusRougeResult {
  if (hyps.length !== refs.length) throw new Error(`corpusRouge: ${hyps.length} hypothesis lines but ${refs.length} reference lines`);
  if (options.swap) [hyps, refs] = [refs, hyps];
  const variant = options.variant ?? 'rouge-score';
  const tok = resolveTokenizerChoice(options.tokenize, variant === 'rouge-score' ? 'char' : 'codepoints', options.tokenizerName);
  const signature = corpusRougeSignature(options);
  if (variant === 'rouge-score') return rougeScoreFromColumns(rougeScoreColumns(hyps, refs, { ...options, swap: false }), signature);
  const h = hyps.map((s) => tok.tokenize(s).join(' '));
  const r = refs.map((s) => tok.tokenize(s).join(' '));
  if (variant === 'nmt') {
    const s = nmtRouge(h, r);
    return {
      rouge1: { p: s['rouge_1/p_score'] * 100, r: s['rouge_1/r_score'] * 100, f: s['rouge_1/f_score'] * 100 },
      rouge2: { p: s['rouge_2/p_score'] * 100, r: s['rouge_2/r_score'] * 100, f: s['rouge_2/f_score'] * 100 },
      rougeL: { p: s['rouge_l/p_score'] * 100, r: s['rouge_l/r_score'] * 100, f: s['rouge_l/f_score'] * 100 },
      signature,
    };
  }
  const s = rougeGetScoresAvg(h, r, variant);
  const pct = (x: { p: number; r: number; f: number }) => ({ p: x.p * 100, r: x.r * 100, f: x.f * 100 });
  return { rouge1: pct(s['rouge-1']), rouge2: pct(s['rouge-2']), rougeL: pct(s['rouge-l']), signature };
}

/**
 * rouge-score's per-line scores, the part of `corpusRouge` that splits across threads: nine columns (ROUGE-1
 * P, R, F; ROUGE-2 P, R, F; ROUGE-L P, R, F), one value per line. Columns of consecutive slices, joined in
 * order and passed to `rougeScoreFromColumns`, give exactly `corpusRouge`'s numbers (one np.mean per column).
 *
 * @example
 * const cols = rougeScoreColumns(['我爱北京'], ['我爱上海']); // cols[2][0] = ROUGE-1 F of line 0
 */
export function rougeScoreColumns(hyps: readonly string[], refs: readonly string[], options: CorpusRougeOptions = {}): Float64Array[] {
  if (hyps.length !== refs.length) throw new Error(`rougeScoreColumns: ${hyps.length} hypothesis lines but ${refs.length} reference lines`);
  if (options.swap) [hyps, refs] = [refs, hyps];
  const tok = resolveTokenizerChoice(options.tokenize, 'char', options.tokenizerName);
  const n = hyps.length;
  const cols = Array.from({ length: 9 }, () => new Float64Array(n));
  const scorer = new PairScorer();
  // The named `char` tokenizer gets the string-free fast path (same tokens as charTokenize).
  const chars = options.tokenize === undefined || options.tokenize === 'char';
  for (let i = 0; i < n; i++) {
    if (chars) scorer.loadChars(refs[i]!, hyps[i]!);
    else scorer.loadTokens(tok.tokenize(refs[i]!), tok.tokenize(hyps[i]!));
    const c = scorer.counts12L();
    const s1 = rougeNFromCounts(c.uni, c.nRef, c.nHyp);
    const s2 = rougeNFromCounts(c.bi, Math.max(c.nRef - 1, 0), Math.max(c.nHyp - 1, 0));
    const sl = rougeLFromLength(c.lcs, c.nRef, c.nHyp);
    cols[0]![i] = s1.precision; cols[1]![i] = s1.recall; cols[2]![i] = s1.fmeasure;
    cols[3]![i] = s2.precision; cols[4]![i] = s2.recall; cols[5]![i] = s2.fmeasure;
    cols[6]![i] = sl.precision; cols[7]![i] = sl.recall; cols[8]![i] = sl.fmeasure;
  }
  return cols;
}

/** The corpus result from `rougeScoreColumns` (whole corpus, lines in order): np.mean per column ×100. */
export function rougeScoreFromColumns(cols: readonly Float64Array[], signature: string): CorpusRougeResult {
  const m = cols.map((c) => numpyMean(c) * 100);
  return { rouge1: { p: m[0]!, r: m[1]!, f: m[2]! }, rouge2: { p: m[3]!, r: m[4]!, f: m[5]! }, rougeL: { p: m[6]!, r: m[7]!, f: m[8]! }, signature };
}

/** The signature `corpusRouge` gives these options (what `rougeScoreFromColumns` is passed by a threaded caller). */
export function corpusRougeSignature(options: CorpusRougeOptions = {}): string {
  const variant = options.variant ?? 'rouge-score';
  const tok = resolveTokenizerChoice(options.tokenize, variant === 'rouge-score' ? 'char' : 'codepoints', options.tokenizerName);
  const agg = variant === 'pltrdy' || variant === 'rouge-chinese' ? 'sum/count' : 'np.mean';
  return `${options.signaturePrefix ?? ''}rouge|${VARIANT_ID[variant]}|tok:${tok.name}${options.swap ? '|swapped' : ''}|agg:${agg}|scale:100|v1`;
}
