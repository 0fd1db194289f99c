// Model specs the CLI hands over (`--model baseline:bm25`, `--model baseline:random --seed 7`).
// Corpus, in order: the one given; else the data of the task being run (leave-one-out keeps each
// sample's own answer out); else the bundled sample. So the offline default never sees gold answers.
import type { DataSource, Model, Task } from '@medeval/core';
import { huatuoSample } from '../sample/test-sample.js';
import { bm25 } from './bm25.js';
import type { CorpusInput } from './corpus.js';
import { randomAnswer } from './random.js';

export interface BaselineOptions {
  corpus?: CorpusInput;
  /** The task being run; its data becomes the corpus when no corpus is given. */
  task?: Task | { data?: DataSource };
  seed?: number;
  leaveOneOut?: boolean;
}

export const baselineNames = ['baseline:bm25', 'baseline:random'] as const;

/**
 * The baseline model for a spec, or `undefined` when the name is not one of `baselineNames`.
 *
 * @example
 * const model = huatuo.resolveBaseline('baseline:bm25', { task })!;
 */
export function resolveBaseline(name: string, options: BaselineOptions = {}): Model | undefined {
  const spec = name.startsWith('baseline:') ? name : `baseline:${name}`;
  const taskData = (options.task as { data?: DataSource } | undefined)?.data;
  const corpus = options.corpus ?? taskData ?? huatuoSample;
  const leaveOneOut = options.leaveOneOut ?? true;
  if (spec === 'baseline:bm25') return bm25({ corpus, leaveOneOut });
  if (spec === 'baseline:random') {
    return randomAnswer({ corpus, leaveOneOut, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  }
  return undefined;
}
