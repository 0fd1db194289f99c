// MetricInput.ask: how a metric asks a model (a judge) inside evaluate() and score(). Requests share the
// run's scheduler (concurrency, retries, fail-fast) and response cache, keyed by the sample, so a judge
// metric is resumable like the model's own requests and a rerun from the cache asks nothing.
import { cacheKey, type Cache } from '../cache/cache.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { MetricInput, Model, ModelRequest, ModelResponse } from '../types.js';

/** The `ask` of one sample's metrics; the scheduler is made on first use (score() asks no model otherwise). */
export function metricAsker(scheduler: () => Scheduler, cache: Cache | undefined, sampleId: string): NonNullable<MetricInput['ask']> {
  return async (model: Model, request: ModelRequest): Promise<ModelResponse> => {
    const key = cache ? cacheKey(model, request, `metric:${sampleId}`) : '';
    const hit = cache ? await cache.get(key) : undefined;
    if (hit) return hit;
    const { value } = await scheduler().run((signal) => model.generate(request, { signal }));
    if (typeof value?.text !== 'string') throw new Error(`model ${model.id} returned no text`);
    const response: ModelResponse = {
      text: value.text,
      ...(value.finishReason ? { finishReason: value.finishReason } : {}),
      ...(value.usage ? { usage: value.usage } : {}),
    };
    await cache?.set(key, response);
    return response;
  };
}
