// bleuMetric: corpus BLEU as a Metric. The per-sample item is integer sufficient statistics, so the
// aggregate (and every bootstrap resample of it) only sums integers and computes the final formula.
import type { SyncMetric, MetricInput } from '@medeval/core';
import type { Tokenizer, TokenizerName } from '../tokenize/index.js';
import { resolveTokenizer } from '../tokenize/resolve.js';
import { readTextPair } from '../text-pair.js';
import { nltkBleuFromStats, type NltkSmoothing } from './nltk.js';
import { nmtBleuFromStats } from './nmt.js';
import { computeSacreBleu, sacrebleuSignature, type SmoothMethod } from './sacrebleu.js';
import { BleuStatsEngine, sumBleuStats, type BleuStats, type BleuVariant } from './stats.js';

export interface BleuMetricOptions {
  name: string;
  variant: BleuVariant;
  /** Highest n-gram order (BLEU-N). */
  maxOrder: number;
  tokenize: TokenizerName | Tokenizer;
  /** Signature name of a tokenizer function. */
  tokenizerName?: string;
  hypothesis: (input: MetricInput) => string | null;
  references: (input: MetricInput) => string[] | null;
  /** Default true: values on the 0–100 scale. false: sacrebleu/100, nmt bleu_raw, nltk as returned. */
  scale100?: boolean;
  signatureExtra?: string;
  /** sacrebleu: smoothing (default 'exp'), smoothValue, effectiveOrder (default false), lowercase. */
  smoothMethod?: SmoothMethod;
  smoothValue?: number | null;
  effectiveOrder?: boolean;
  lowercase?: boolean;
  /** nltk: weights (default uniform 1/maxOrder) and smoothing (default none = method0). */
  weights?: readonly number[];
  smoothing?: NltkSmoothing | null;
  /** nmt: compute_bleu's smooth flag (default false). */
  smooth?: boolean;
}

/** Item: integer statistics (see BleuStats). */
export type BleuItem = BleuStats;

export interface BleuFromStatsOptions {
  variant: BleuVariant;
  /** Default: the number of orders in the stats. */
  maxOrder?: number;
  /** Default true (0–100). */
  scale100?: boolean;
  smoothMethod?: SmoothMethod;
  smoothValue?: number | null;
  effectiveOrder?: boolean;
  weights?: readonly number[];
  smoothing?: NltkSmoothing | null;
  smooth?: boolean;
}

/**
 * Corpus BLEU from summed sufficient statistics (see sumBleuStats), with the variant's own formula:
 * sacrebleu (default smoothing 'exp', no effective order), tensorflow/nmt, or nltk (default uniform
 * weights, no smoothing). 0–100 unless `scale100: false`.
 */
export function bleuFromStats(s: BleuStats, o: BleuFromStatsOptions): number {
  const maxOrder = o.maxOrder ?? s.matches.length;
  const scale100 = o.scale100 ?? true;
  if (o.variant === 'sacrebleu') {
    const r = computeSacreBleu(s.matches, s.totals, s.hypLen, s.refLen, {
      smoothMethod: o.smoothMethod ?? 'exp',
      smoothValue: o.smoothValue,
      effectiveOrder: o.effectiveOrder ?? false,
      maxNgramOrder: maxOrder,
    });
    return scale100 ? r.score : r.score / 100;
  }
  if (o.variant === 'nmt') {
    const r = nmtBleuFromStats(s, maxOrder, o.smooth ?? false);
    return scale100 ? r.score : r.bleuRaw;
  }
  if (o.variant === 'nltk') {
    const weights = o.weights ?? new Array<number>(maxOrder).fill(1 / maxOrder);
    const r = nltkBleuFromStats(s, { weights, smoothing: o.smoothing ?? null });
    return scale100 ? r.value * 100 : r.value;
  }
  throw new Error(`unknown BLEU variant "${String(o.variant)}"; valid: sacrebleu, nmt, nltk`);
}

/**
 * BLEU as a Metric: per-sample sufficient statistics as items, the corpus BLEU of the chosen variant
 * (`sacrebleu`, `nmt`, `nltk`) as the aggregate, so intervals and paired tests resample samples.
 *
 * @example
 * const bleu4 = bleuMetric({
 *   name: 'bleu4', variant: 'sacrebleu', maxOrder: 4, tokenize: 'zh',
 *   hypothesis: (i) => i.prediction as string | null,
 *   references: (i) => [(i.sample.target as { explanation: string }).explanation],
 * });
 */
export function bleuMetric(options: BleuMetricOptions): SyncMetric<BleuItem> {
  const { variant, maxOrder } = options;
  if (!['sacrebleu', 'nmt', 'nltk'].includes(variant)) throw new Error(`unknown BLEU variant "${variant}"; valid: sacrebleu, nmt, nltk`);
  if (!Number.isInteger(maxOrder) || maxOrder < 1) throw new Error(`maxOrder must be a positive integer, got ${maxOrder}`);
  const tok = resolveTokenizer(options.tokenize, options.tokenizerName);
  const scale100 = options.scale100 ?? true;
  const lowercase = options.lowercase ?? false;
  const weights = options.weights ?? new Array<number>(maxOrder).fill(1 / maxOrder);
  if (variant === 'nltk' && weights.length !== maxOrder) throw new Error(`nltk weights must have maxOrder (${maxOrder}) entries`);
  let engine: BleuStatsEngine | null = null;

  const value = (s: BleuStats): number =>
    bleuFromStats(s, { ...options, weights, scale100 });

  let signature: string;
  const scale = `scale:${scale100 ? '100' : '1'}`;
  if (variant === 'sacrebleu') {
    signature = `${options.name}|sacrebleu|${sacrebleuSignature({
      nrefs: 1,
      lowercase,
      effectiveOrder: options.effectiveOrder ?? false,
      tok: tok.name,
      smoothMethod: options.smoothMethod ?? 'exp',
      smoothValue: options.smoothValue,
      maxNgramOrder: maxOrder,
    }).replace('nrefs:1|', '')}|${scale}`;
  } else if (variant === 'nmt') {
    signature = `${options.name}|nmt-compute_bleu|n:${maxOrder}|tok:${tok.name}|smooth:${options.smooth ? 'yes' : 'none'}|${scale}|v1`;
  } else {
    const w = options.weights ? weights.join(',') : 'uniform';
    signature = `${options.name}|nltk-corpus_bleu|n:${maxOrder}|weights:${w}|smooth:${options.smoothing ?? 'none'}|tok:${tok.name}|nltk:3.8|${scale}|v1`;
  }
  if (lowercase && variant !== 'sacrebleu') signature += '|case:lc';
  if (options.signatureExtra) signature += `|${options.signatureExtra}`;

  return {
    name: options.name,
    signature,
    higherIsBetter: true,
    scale: scale100 ? 'percent' : 'fraction',
    interval: 'bootstrap',
    pairedTest: 'bootstrap',
    prepare: () => tok.prepare(),
    item(input) {
      const pair = readTextPair(options.name, options, input);
      if (pair === null) return null;
      const { hyp, refs } = pair;
      const lc = (s: string) => (lowercase ? s.toLowerCase() : s);
      engine ??= new BleuStatsEngine(true);
      // zh/char by name: the one-pass id path (same tokens, no token strings).
      if (typeof options.tokenize === 'string') {
        const fast = engine.statsOfTexts(options.tokenize, lc(hyp), refs.map(lc), maxOrder, variant);
        if (fast !== null) return fast;
      }
      return engine.stats(tok.tokenize(lc(hyp)), refs.map((r) => tok.tokenize(lc(r))), maxOrder, variant);
    },
    aggregate(items) {
      return value(sumBleuStats(items, maxOrder));
    },
    /** The same formula on the sample alone (a corpus of one). */
    sampleScore(item) {
      return value(item);
    },
  };
}
