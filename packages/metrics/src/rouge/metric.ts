// ROUGE as a `Metric` for evaluate()/score(), and `corpusRouge` behind `medeval rouge`.
// Items are per-pair {p, r, f} (0–1) so bootstrap/paired tests only re-run `aggregate`.
import type { SyncMetric, MetricInput } from '@medeval/core';
import { readTextPair } from '../text-pair.js';
import { numpyMean } from './numpy-sum.js';
import { rougeScore, rougeScoreMulti } from './rouge-score.js';
import { nmtRougePair } from './nmt.js';
import { rougeGetScores } from './pltrdy.js';
import { resolveTokenizerChoice, type TokenizerChoice } from './tokenizer-choice.js';

export type RougeVariant = 'rouge-score' | 'nmt' | 'rouge-chinese' | 'pltrdy';
export type RougeMeasure = 'f' | 'p' | 'r';
export interface RougePRF {
  p: number;
  r: number;
  f: number;
}

const VARIANT_ID: Record<RougeVariant, string> = {
  'rouge-score': 'rouge-score@0.1.2',
  nmt: 'tensorflow-nmt-rouge',
  'rouge-chinese': 'rouge_chinese@1.0.3',
  pltrdy: 'pltrdy-rouge@1.0.1',
};

/** The underlying rouge type for a metric name: 'rouge1', 'rouge2', …, 'rougeL', 'rougeLsum'. */
function typeOf(name: string): string {
  if (/^rouge([1-9]|L|Lsum)$/.test(name)) return name;
  throw new Error(`unknown ROUGE metric "${name}": expected rouge1…rouge9, rougeL or rougeLsum`);
}

/**
 * One pair's {p, r, f} (0–1) for one rouge type under a variant.
 * `tokenize` splits a text into tokens. For the set-based variants (nmt, pltrdy, rouge-chinese) the
 * tokens are joined with ' ' and handed to the reference code as a string, exactly as the Python
 * scripts do (`' '.join(list(s))`, `' '.join(jieba.cut(s))`).
 */
export function rougePair(variant: RougeVariant, type: string, hyp: string, refs: readonly string[], tokenize: (s: string) => string[]): RougePRF {
  if (refs.length === 0) throw new Error('rougePair: at least one reference is required');
  if (variant === 'rouge-score') {
    const s = refs.length === 1 ? rougeScore(refs[0]!, hyp, { types: [type], tokenize }) : rougeScoreMulti(refs, hyp, { types: [type], tokenize });
    const v = s[type]!;
    return { p: v.precision, r: v.recall, f: v.fmeasure };
  }
  // The set-based reference implementations take one reference per hypothesis: the first is used.
  const h = tokenize(hyp).join(' ');
  const r = tokenize(refs[0]!).join(' ');
  if (variant === 'nmt') {
    if (type === 'rougeLsum' || !/^rouge[12L]$/.test(type)) throw new Error(`the nmt ROUGE variant has rouge1, rouge2 and rougeL only (got ${type})`);
    const s = nmtRougePair(h, r);
    return type === 'rouge1' ? s.rouge1 : type === 'rouge2' ? s.rouge2 : s.rougeL;
  }
  if (!/^rouge[12L]$/.test(type)) throw new Error(`the ${variant} ROUGE variant has rouge1, rouge2 and rougeL only (got ${type})`);
  const s = rougeGetScores(h, r, variant);
  return type === 'rouge1' ? s['rouge-1'] : type === 'rouge2' ? s['rouge-2'] : s['rouge-l'];
}

/** Mean of one measure over items, on the 0–100 scale: `np.mean` for rouge-score/nmt, sum/count for pltrdy/rouge-chinese. */
export function aggregateRouge(items: readonly RougePRF[], measure: RougeMeasure, variant: RougeVariant): number {
  if (items.length === 0) return Number.NaN;
  const values = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) values[i] = items[i]![measure];
  if (variant === 'pltrdy' || variant === 'rouge-chinese') {
    let s = 0;
    for (const v of values) s += v;
    return (s / values.length) * 100;
  }
  return numpyMean(values) * 100;
}

export interface RougeMetricOptions {
  /** Metric name, also the rouge type unless `type` is given: 'rouge1' | 'rouge2' | 'rougeL' | 'rougeLsum' … */
  name: string;
  type?: string;
  variant?: RougeVariant;
  /** Tokenizer name or function. Default 'char' for rouge-score, 'codepoints' (`list(s)`) for the others. */
  tokenize?: TokenizerChoice;
  /** Name recorded in the signature when `tokenize` is a function. */
  tokenizerName?: string;
  hypothesis: (i: MetricInput) => string | null;
  references: (i: MetricInput) => string[] | null;
  measure?: RougeMeasure;
  /** Exchange hypothesis and reference (CMExam's GPT/ChatGLM scripts call rouge with them swapped). */
  swap?: boolean;
  /** Prefix put before the metric's own signature (protocols use `medeval:<protocol>@<v>|`). */
  signaturePrefix?: string;
}

/**
 * ROUGE-1/2/L as a Metric: per-sample P/R/F as items, their mean (×100) as the aggregate.
 *
 * @example
 * const rougeL = rougeMetric({ name: 'rougeL', hypothesis: (i) => i.prediction as string | null, references: (i) => [i.sample.target as string] });
 */
export function rougeMetric(o: RougeMetricOptions): SyncMetric<RougePRF> {
  const variant = o.variant ?? 'rouge-score';
  const type = typeOf(o.type ?? o.name);
  const measure = o.measure ?? 'f';
  const tok = resolveTokenizerChoice(o.tokenize, variant === 'rouge-score' ? 'char' : 'codepoints', o.tokenizerName);
  const agg = variant === 'pltrdy' || variant === 'rouge-chinese' ? 'sum/count' : 'np.mean';
  const signature =
    (o.signaturePrefix ?? '') +
    `${o.name}|${VARIANT_ID[variant]}|type:${type}|tok:${tok.name}|measure:${measure}${o.swap ? '|swapped' : ''}|agg:${agg}|scale:100|v1`;
  const metric: SyncMetric<RougePRF> = {
    name: o.name,
    signature,
    higherIsBetter: true,
    scale: 'percent',
    interval: 'bootstrap',
    pairedTest: 'bootstrap',
    item(input) {
      const pair = readTextPair(o.name, o, input);
      if (pair === null) return null;
      if (o.swap) return rougePair(variant, type, pair.refs[0]!, [pair.hyp], tok.tokenize);
      return rougePair(variant, type, pair.hyp, pair.refs, tok.tokenize);
    },
    aggregate: (items) => aggregateRouge(items, measure, variant),
    sampleScore: (item) => item[measure] * 100,
  };
  if (tok.prepare) metric.prepare = tok.prepare;
  return metric;
}
