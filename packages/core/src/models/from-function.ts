// Wrap any function as a model: a local pipeline, a mock, an offline baseline.
import type { GenerateContext, Model, ModelRequest, ModelResponse } from '../types.js';

export type ModelFunction = (
  request: ModelRequest,
  context: GenerateContext,
) => string | ModelResponse | Promise<string | ModelResponse>;

/**
 * Wraps any function as a model: a local pipeline, a mock, an offline baseline. The id names it in results and cache keys.
 *
 * @example
 * const model = fromFunction((request) => '答案：C', { id: 'always-c' });
 * await evaluate({ task: cmexam.answer({ data: 'val.csv' }), model });
 */
export function fromFunction(fn: ModelFunction, options: { id: string; describe?: Record<string, unknown> }): Model {
  if (!options?.id) throw new Error('fromFunction: an id is required (it names the model in results and cache keys)');
  return {
    id: options.id,
    describe: () => ({ id: options.id, adapter: 'function', ...options.describe }),
    async generate(request, context) {
      const out = await fn(request, context);
      if (typeof out === 'string') return { text: out };
      if (!out || typeof out.text !== 'string') {
        throw new TypeError(`model ${options.id}: function must return a string or { text: string }`);
      }
      return out;
    },
  };
}
