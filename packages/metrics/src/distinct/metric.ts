// Distinct-n as a `Metric`. Per-text level (default, the Huatuo protocol): item = that text's ratio,
// null when it has no n-gram; aggregate = mean of the ratios. Corpus level: item = the text's n-grams;
// aggregate = distinct over the union / total.
import type { SyncMetric, MetricInput } from '@medeval/core';
import { resolveTokenizerChoice, type TokenizerChoice } from '../rouge/tokenizer-choice.js';
import { distinctN, ngramKeys } from './distinct.js';

export interface DistinctMetricOptions {
  name: string;
  n: number;
  /** Tokenizer name or function; default 'char' (code points without whitespace). */
  tokenize?: TokenizerChoice;
  tokenizerName?: string;
  hypothesis: (i: MetricInput) => string | null;
  /** 'text' (mean of per-text ratios, default) or 'corpus' (one ratio over all texts). */
  level?: 'text' | 'corpus';
  signaturePrefix?: string;
}

/**
 * Distinct-n as a Metric: per text (the mean of each answer's distinct-n, default) or over the corpus.
 *
 * @example
 * const distinct2 = distinctMetric({ name: 'distinct2', n: 2, hypothesis: (i) => i.prediction as string | null });
 */
export function distinctMetric(o: DistinctMetricOptions & { level?: 'text' }): SyncMetric<number>;
export function distinctMetric(o: DistinctMetricOptions & { level: 'corpus' }): SyncMetric<string[]>;
export function distinctMetric(o: DistinctMetricOptions): SyncMetric<number> | SyncMetric<string[]>;
export function distinctMetric(o: DistinctMetricOptions): SyncMetric<number> | SyncMetric<string[]> {
  if (!Number.isInteger(o.n) || o.n < 1) throw new Error(`distinctMetric: n must be a positive integer (got ${o.n})`);
  const tok = resolveTokenizerChoice(o.tokenize, 'char', o.tokenizerName);
  const level = o.level ?? 'text';
  const signature = `${o.signaturePrefix ?? ''}${o.name}|distinct-${o.n}|tok:${tok.name}|level:${level}|${level === 'text' ? 'mean-over-texts-with-ngrams' : 'union/total'}|scale:fraction|v1`;
  const base = { name: o.name, signature, higherIsBetter: true, scale: 'fraction' as const, interval: 'bootstrap' as const, pairedTest: 'bootstrap' as const, ...(tok.prepare ? { prepare: tok.prepare } : {}) };
  if (level === 'corpus') {
    const m: SyncMetric<string[]> = {
      ...base,
      item(input) {
        const h = o.hypothesis(input);
        return h === null ? null : ngramKeys(tok.tokenize(h), o.n);
      },
      aggregate(items) {
        const seen = new Set<string>();
        let total = 0;
        for (const keys of items) {
          total += keys.length;
          for (const k of keys) seen.add(k);
        }
        return total === 0 ? Number.NaN : seen.size / total;
      },
    };
    return m;
  }
  const m: SyncMetric<number> = {
    ...base,
    item(input) {
      const h = o.hypothesis(input);
      return h === null ? null : distinctN(tok.tokenize(h), o.n);
    },
    aggregate(items) {
      if (items.length === 0) return Number.NaN;
      let s = 0;
      for (const x of items) s += x;
      return s / items.length;
    },
    sampleScore: (item) => item,
  };
  return m;
}
