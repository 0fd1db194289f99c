// The paper's random baseline: a uniformly random NON-EMPTY set of the question's option letters
// (31 sets for five options, 15 for four). Seeded per sample id, so the answer of a question does not
// depend on the order or concurrency in which questions are asked.
import type { GenerateContext, Model, ModelRequest, ModelResponse } from '@medeval/core';
import { createRng, deriveSeed } from '@medeval/core';
import { sampleFromContext } from './context.js';

export interface RandomBaselineOptions {
  seed?: number;
}

/**
 * `baseline:random`: one of the question's letters drawn per question (seeded per sample), answered as `答案：X`.
 *
 * @example
 * await evaluate({ task: cmexam.answer({ data: 'val.csv' }), model: randomBaseline({ seed: 0 }) });
 */
export function randomBaseline(options: RandomBaselineOptions = {}): Model {
  const seed = options.seed ?? 0;
  return {
    id: `baseline:random(seed=${seed})`,
    describe: () => ({ kind: 'baseline', method: 'uniform over non-empty option-letter sets', seed }),
    async generate(_request: ModelRequest, context: GenerateContext): Promise<ModelResponse> {
      const sample = sampleFromContext(context, 'baseline:random');
      const letters = sample.input.options.map((o) => o.letter);
      // The stream of this question: the run's seed and the sample id, as every seeded path of medeval derives it.
      const random = createRng(deriveSeed(seed, 'baseline:random', sample.id));
      const sets = 2 ** letters.length - 1;
      const mask = 1 + random.int(sets); // 1 … 2^n − 1: never the empty set
      const chosen = letters.filter((_, i) => (mask >> i) & 1).join('');
      return { text: `答案：${chosen}`, finishReason: 'stop' };
    },
  };
}
