// A chance-level floor for generation metrics: the answer of a corpus document picked at random.
// The pick depends only on (seed, sample id), not on order or concurrency, so reruns give the same
// outputs; leave-one-out skips documents whose answer equals a reference of the sample.
import type { GenerateContext, Model, ModelRequest, ModelResponse } from '@medeval/core';
import { hash53 } from '../load/text-stats.js';
import { corpusName, loadCorpus, type Corpus, type CorpusInput } from './corpus.js';
import { queryOf } from './query.js';

export interface RandomAnswerOptions {
  corpus: CorpusInput;
  seed?: number;
  leaveOneOut?: boolean;
}

/**
 * `baseline:random`: answers with a random answer of the corpus (seeded per sample).
 *
 * @example
 * const model = randomAnswer({ corpus: 'test_datasets.jsonl', seed: 0 });
 */
export function randomAnswer(options: RandomAnswerOptions): Model {
  const seed = options.seed ?? 0;
  const leaveOneOut = options.leaveOneOut ?? true;
  const id = `baseline:random(corpus=${corpusName(options.corpus)},seed=${seed}${leaveOneOut ? ',loo' : ''})`;
  let corpus: Promise<Corpus> | null = null;

  return {
    id,
    async generate(request: ModelRequest, context: GenerateContext): Promise<ModelResponse> {
      context.signal?.throwIfAborted();
      corpus ??= loadCorpus(options.corpus);
      const { documents } = await corpus;
      const query = queryOf(request, context);
      if (documents.length === 0) return { text: '', finishReason: 'empty-corpus' };
      const start = hash53(`${seed}\u0000${query.sampleId ?? query.question}`) % documents.length;
      for (let step = 0; step < documents.length; step++) {
        const doc = documents[(start + step) % documents.length]!;
        if (!(leaveOneOut && query.ownAnswers.has(doc.answer))) return { text: doc.answer, finishReason: 'random' };
      }
      return { text: '', finishReason: 'no-match' };
    },
    describe: () => ({ id, kind: 'random-answer', corpus: corpusName(options.corpus), seed, leaveOneOut }),
  };
}
