// score(): the evaluate() pipeline for outputs that already exist (no model, no cache, no scheduler).
import { buildRecord } from '../records/build.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { ResultJson, Sample, Task } from '../types.js';
import { openCache } from './evaluate.js';
import { judgeHookOf, recordWithJudge, type Judging } from './judge.js';
import { metricAsker } from './metric-asker.js';
import { OptionsError, parseOptions, scoreOptionsSchema, type ScoreOptions } from './options.js';
import { checkOutputs, checkPredictionIds } from './input-checks.js';
import { joinPredictions, type PredictionsSummary } from './predictions.js';
import { prepareMetrics, runRecords, takeSamples } from './run.js';
import { openSink } from './sink.js';

/** A dataset sample with no line in the predictions: recorded, never dropped. */
export const NO_PREDICTION = 'no prediction for this id';

/**
 * Scores outputs that already exist (a predictions JSONL of `{id, output}` lines) with a task's parser and
 * metrics: the same records, intervals and slices as `evaluate()`, no model.
 *
 * @example
 * const result = await score({ task: cmexam.answer({ data: 'val.csv' }), predictions: 'outputs.jsonl', out: 'runs/scored' });
 * console.log(result.predictions.matched, result.metrics.accuracy.value);
 */
export async function score(options: ScoreOptions): Promise<ResultJson & { predictions: PredictionsSummary }> {
  const o = parseOptions(scoreOptionsSchema, 'score', options);
  const task = o.task as Task<Sample, unknown>;
  const hook = o.judge ? judgeHookOf(task) : undefined;
  if (typeof hook === 'string') throw new OptionsError('score', [`judge: ${hook}`]);
  const metrics = await prepareMetrics(task, o.metrics);
  const join = joinPredictions(
    takeSamples(task.dataset.samples(o.signal ? { signal: o.signal } : {}), o.limit),
    options.predictions,
    { limited: o.limit !== undefined },
  );
  // Only judges are ever asked here (the extraction fallback, or a metric that asks a model); they get a
  // scheduler (retries, concurrency), made on first use, and the cache.
  const ownsCache = typeof o.cache === 'string';
  const cache = await openCache(o.cache);
  let made: Scheduler | undefined;
  const schedulerNow = () =>
    (made ??= new Scheduler({ concurrency: o.concurrency, timeoutMs: o.timeoutMs, maxAttempts: o.maxAttempts, ...(o.signal ? { signal: o.signal } : {}) }));
  const scheduler = hook ? schedulerNow() : undefined;
  const judging: Judging | undefined =
    o.judge && hook && scheduler ? { model: o.judge, hook, scheduler, cache, stats: { asked: 0, answered: 0, failed: 0 } } : undefined;
  const sink = await openSink(o.out);
  try {
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
        live: () => ({ retries: made?.stats.retries ?? 0, inFlight: made?.stats.inFlight ?? 0 }),
        extra: () => ({ predictions: join.summary() }),
        judge: judging && { modelId: judging.model.id, promptId: judging.hook.promptId, stats: () => ({ ...judging.stats }) },
      },
      join.pairs,
      async ({ sample, prediction }) => {
        if (o.signal?.aborted) throw o.signal.reason ?? new Error('aborted');
        const context = { ask: metricAsker(schedulerNow, cache, sample.id) };
        if (!prediction) return buildRecord(task, metrics, sample, { output: null, error: NO_PREDICTION }, context);
        if (prediction.output === null) {
          return buildRecord(task, metrics, sample, { output: null, error: `predictions line ${prediction.line}: output is null` }, context);
        }
        const outcome = { output: prediction.output, ...(prediction.reasoning !== undefined ? { reasoning: prediction.reasoning } : {}) };
        return recordWithJudge(task, metrics, sample, outcome, judging, context);
      },
    );
    const withPredictions = result as ResultJson & { predictions: PredictionsSummary };
    checkPredictionIds(withPredictions.predictions);
    checkOutputs(result, { allowEmpty: o.allowEmpty, where: withPredictions.predictions.source });
    return withPredictions;
  } finally {
    made?.dispose();
    if (ownsCache) await cache?.close?.();
  }
}
