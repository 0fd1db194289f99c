// gleuMetric: nltk corpus_gleu as a Metric; item = { match, all } integers of the best reference.
import type { SyncMetric, MetricInput } from '@medeval/core';
import type { Tokenizer, TokenizerName } from '../tokenize/index.js';
import { resolveTokenizer } from '../tokenize/resolve.js';
import { readTextPair } from '../text-pair.js';
import { GleuStatsEngine, gleuFromStats, type GleuStats } from './gleu.js';

export interface GleuMetricOptions {
  name: string;
  /** Highest n-gram order (nltk max_len, default 4). */
  maxOrder?: number;
  /** nltk min_len (default 1). */
  minOrder?: number;
  tokenize: TokenizerName | Tokenizer;
  tokenizerName?: string;
  hypothesis: (input: MetricInput) => string | null;
  references: (input: MetricInput) => string[] | null;
  /** Default true: 0–100. */
  scale100?: boolean;
  signatureExtra?: string;
}

/**
 * GLEU (nltk corpus_gleu) as a Metric over per-sample statistics.
 *
 * @example
 * const gleu = gleuMetric({ name: 'gleu', tokenize: 'char', hypothesis: (i) => i.prediction as string | null, references: (i) => [i.sample.target as string] });
 */
export function gleuMetric(options: GleuMetricOptions): SyncMetric<GleuStats> {
  const tok = resolveTokenizer(options.tokenize, options.tokenizerName);
  const minLen = options.minOrder ?? 1;
  const maxLen = options.maxOrder ?? 4;
  const scale100 = options.scale100 ?? true;
  let engine: GleuStatsEngine | null = null;
  let signature = `${options.name}|nltk-corpus_gleu|min_len:${minLen}|max_len:${maxLen}|tok:${tok.name}|nltk:3.8|scale:${scale100 ? '100' : '1'}|v1`;
  if (options.signatureExtra) signature += `|${options.signatureExtra}`;
  const value = (items: Iterable<GleuStats>) => gleuFromStats(items) * (scale100 ? 100 : 1);
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
      engine ??= new GleuStatsEngine();
      return engine.stats(tok.tokenize(pair.hyp), pair.refs.map(tok.tokenize), { minLen, maxLen });
    },
    aggregate: (items) => value(items),
    sampleScore: (item) => value([item]),
  };
}
