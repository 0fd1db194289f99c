// Offline baselines and the resolver the CLI calls for `baseline:random` / `baseline:bm25`.
import type { DataSource, Model } from '@medeval/core';
import { bm25Baseline } from './bm25.js';
import { randomBaseline } from './random.js';

export interface ResolveBaselineOptions {
  seed?: number;
  /** BM25 knowledge passages (a train split); default the bundled sample, leave-one-out. */
  corpus?: DataSource;
}

/**
 * An offline baseline model by its CLI name: `baseline:random` or `baseline:bm25`; undefined for other names.
 *
 * @example
 * const model = resolveBaseline('baseline:random', { seed: 0 })!;
 * await evaluate({ task: cmexam.answer({ data: 'val.csv' }), model });
 */
export function resolveBaseline(name: string, options: ResolveBaselineOptions = {}): Model {
  const bare = name.replace(/^baseline:/, '');
  if (bare === 'random') return randomBaseline(options.seed !== undefined ? { seed: options.seed } : {});
  if (bare === 'bm25') return bm25Baseline(options.corpus !== undefined ? { corpus: options.corpus } : {});
  throw new Error(`unknown CMExam baseline '${name}' (known: baseline:random, baseline:bm25)`);
}

export { randomBaseline, type RandomBaselineOptions } from './random.js';
export { bm25Baseline, bm25Retriever, buildBm25Index, type Bm25BaselineOptions, type Bm25Index } from './bm25.js';
