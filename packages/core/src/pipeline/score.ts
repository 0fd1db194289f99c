// score(): the evaluate() pipeline for outputs that already exist (no model, no cache, no scheduler).
import { buildRecord } from '../records/build.js';
import type { ResultJson, Sample, Task } from '../types.js';
import { parseOptions, scoreOptionsSchema, type ScoreOptions } from './options.js';
import { joinPredictions, type PredictionsSummary } from './predictions.js';
import { prepareMetrics, runRecords, takeSamples } from './run.js';
import { openSink } from './sink.js';

/** A dataset sample with no line in the predictions: recorded, never dropped. */
export const NO_PREDICTION = 'no prediction for this id';

export async function score(options: ScoreOptions): Promise<ResultJson & { predictions: PredictionsSummary }> {
  const o = parseOptions(scoreOptionsSchema, 'score', options);
  const task = o.task as Task<Sample, unknown>;
  const metrics = await prepareMetrics(task, o.metrics);
  const join = joinPredictions(
    takeSamples(task.dataset.samples(o.signal ? { signal: o.signal } : {}), o.limit),
    options.predictions,
    { limited: o.limit !== undefined },
  );
  const sink = await openSink(o.out);
  const result = await runRecords(
    {
      task,
      metrics,
      model: o.modelId ? { id: o.modelId, adapter: 'predictions' } : null,
      sink,
      seed: o.seed,
      bootstrapSamples: o.bootstrapSamples,
      limit: o.limit,
      window: 64,
      onProgress: o.onProgress,
      versions: o.versions,
      live: () => ({ retries: 0, inFlight: 0 }),
      extra: () => ({ predictions: join.summary() }),
    },
    join.pairs,
    async ({ sample, prediction }) => {
      if (o.signal?.aborted) throw o.signal.reason ?? new Error('aborted');
      if (!prediction) return buildRecord(task, metrics, sample, { output: null, error: NO_PREDICTION });
      if (prediction.output === null) {
        return buildRecord(task, metrics, sample, { output: null, error: `predictions line ${prediction.line}: output is null` });
      }
      return buildRecord(task, metrics, sample, {
        output: prediction.output,
        ...(prediction.reasoning !== undefined ? { reasoning: prediction.reasoning } : {}),
      });
    },
  );
  return result as ResultJson & { predictions: PredictionsSummary };
}
