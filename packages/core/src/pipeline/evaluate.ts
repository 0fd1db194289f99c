// evaluate(): stream samples → render → cache or scheduler → model → parse → metric items → record.
import { platform } from '#platform';
import { checkOutputs } from './input-checks.js';
import { cacheKey, type Cache } from '../cache/cache.js';
import { isAbortError } from '../scheduler/errors.js';
import { RequestFailedError, Scheduler } from '../scheduler/scheduler.js';
import { RunStoppedError, stopHints } from '../scheduler/run-stopped.js';
import { Budget, BudgetReachedError } from '../scheduler/budget.js';
import { recordUsage } from '../aggregate/usage.js';
import type { EvalRecord, Metric, Model, ModelResponse, ResultJson, Sample, Task } from '../types.js';
import { buildRecord, type Outcome } from '../records/build.js';
import { judgeHookOf, recordWithJudge, type Judging } from './judge.js';
import { metricAsker } from './metric-asker.js';
import { evaluateOptionsSchema, OptionsError, parseOptions, type EvaluateOptions } from './options.js';
import { prepareMetrics, runRecords, takeSamples } from './run.js';
import { shardSamples, type ShardSpec } from './sample-shard.js';
import { openSink } from './sink.js';

/**
 * Runs a task on a model: every sample is asked (cached, retried, `concurrency` at a time), parsed and
 * scored; records stream to `out` (crash-safe, resumable) and the result holds every metric with its 95 %
 * interval, per slice.
 *
 * @example
 * const result = await evaluate({ task: cmexam.answer({ data: 'val.csv' }), model, out: 'runs/qwen', concurrency: 32 });
 * console.log(result.metrics.accuracy.value, result.metrics.accuracy.ci95);
 */
export async function evaluate(options: EvaluateOptions): Promise<ResultJson> {
  const o = parseOptions(evaluateOptionsSchema, 'evaluate', options);
  const task = o.task as Task<Sample, unknown>;
  const model = o.model;
  const hook = o.judge ? judgeHookOf(task) : undefined;
  if (typeof hook === 'string') throw new OptionsError('evaluate', [`judge: ${hook}`]);
  if (o.circular && typeof task.rotations !== 'function') {
    throw new OptionsError('evaluate', [`circular: task "${task.name}" has no option rotations (CircularEval is for multiple-choice tasks such as cmexam)`]);
  }
  if (o.circular && o.epochs > 1) throw new OptionsError('evaluate', ['circular: not combined with epochs > 1 (each rotation is asked once)']);
  const metrics = await prepareMetrics(task, o.metrics);
  const cache = await openCache(o.cache);
  const ownsCache = typeof o.cache === 'string'; // close only what we opened
  const scheduler = new Scheduler({
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    maxAttempts: o.maxAttempts,
    adaptive: o.adaptiveConcurrency,
    ...(o.backoff ? { backoff: Object.fromEntries(Object.entries(o.backoff).filter(([, v]) => v !== undefined)) } : {}),
    ...(o.rateLimit !== undefined ? { requestsPerMinute: typeof o.rateLimit === 'number' ? o.rateLimit : o.rateLimit.requestsPerMinute } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.failFast !== undefined ? { failFast: o.failFast } : {}),
  });
  const budget = new Budget({ maxCost: o.maxCost, maxTokens: o.maxTokens, prices: o.prices });
  const judging: Judging | undefined =
    o.judge && hook ? { model: o.judge, hook, scheduler, cache, stats: { asked: 0, answered: 0, failed: 0 } } : undefined;
  const sink = await openSink(o.out);
  try {
    const result = await runRecords(
      {
        task,
        metrics,
        model: describeModel(model),
        sink,
        seed: o.seed,
        bootstrapSamples: o.bootstrapSamples,
        limit: o.limit,
        // Enough look-ahead that one slow or retrying sample does not idle the other slots.
        window: Math.max(16, o.concurrency * 4),
        onProgress: o.onProgress,
        versions: o.versions,
        live: () => ({ retries: scheduler.stats.retries, inFlight: scheduler.stats.inFlight }),
        judge: judging && { modelId: judging.model.id, promptId: judging.hook.promptId, stats: () => ({ ...judging.stats }) },
        prices: o.prices,
        shard: o.shard,
        epochs: o.epochs,
        circular: o.circular,
        ...(ownsCache ? { samplesDone: async () => cache?.close?.() } : {}),
      },
      jobsOf(
        takeSamples(task.dataset.samples(o.signal ? { signal: o.signal } : {}), o.limit),
        o.shard ?? { index: 0, count: 1 },
        o.circular ? (sample) => task.rotations!(sample) : o.epochs,
      ),
      async ({ sample, position, epoch, repeats }) => {
        // Epoch 1 (rotation 0) uses the sample's own cache entry, so a single run's answers are reused.
        const cacheId = epoch === 1 ? sample.id : `${sample.id}#${o.circular ? 'rotation' : ''}${epoch}`;
        const record = await askAndRecord(task, metrics, model, cache, scheduler, sample, judging, budget, cacheId);
        const repeated = repeats > 1 || o.circular ? { ...record, id: `${sample.id}#${epoch}`, epoch } : record;
        return o.shard ? { ...repeated, position: position * MAX_REPEATS + epoch - 1 } : repeated;
      },
    );
    // A broken set-up stopped the run: the folder is written (unasked samples are error records, so
    // --cache resumes), and the cause is thrown rather than a result of zeros returned.
    if (scheduler.stoppedBy) throw new RunStoppedError(scheduler.stoppedBy, stopHints(scheduler.stoppedBy, model.describe?.()));
    // A budget stopped the run: the same, with what was spent (samples not asked are error records).
    if (budget.refused > 0) throw new BudgetReachedError(budget.spent(), budget.refused);
    checkOutputs(result, { allowEmpty: o.allowEmpty, where: `model ${model.id}` });
    return result;
  } finally {
    scheduler.dispose();
    if (ownsCache) await cache?.close?.();
  }
}

/** Upper bound of repeats per question (epochs ≤ 1000; rotations ≤ the options): spaces merge positions. */
const MAX_REPEATS = 1000;

/**
 * The run's jobs: the shard's samples with their positions in the whole stream, each repeated. The usual run (one
 * shard, one epoch) in one step: every async generator in the chain costs every sample a few microtasks.
 */
function jobsOf<S extends Sample>(
  samples: AsyncIterable<S>,
  shard: ShardSpec,
  repeat: number | ((sample: S) => S[]),
): AsyncIterable<{ sample: S; position: number; epoch: number; repeats: number }> {
  return shard.count === 1 && repeat === 1 ? eachOnce(samples) : repeatSamples(shardSamples(samples, shard), repeat);
}

async function* eachOnce<S extends Sample>(samples: AsyncIterable<S>): AsyncGenerator<{ sample: S; position: number; epoch: number; repeats: number }> {
  let position = 0;
  for await (const sample of samples) yield { sample, position: position++, epoch: 1, repeats: 1 };
}

/**
 * Each job `epochs` times in a row (epoch 1 … K), or once per variant of its sample (CircularEval's
 * rotations), so the repeats of a question stay together in the records. The variants keep the sample's id.
 */
async function* repeatSamples<S extends Sample, J extends { sample: S }>(
  jobs: AsyncIterable<J>,
  repeat: number | ((sample: S) => S[]),
): AsyncGenerator<J & { epoch: number; repeats: number }> {
  for await (const job of jobs) {
    // One epoch (the usual run): the job as it is, no copy of the sample.
    if (repeat === 1) {
      yield { ...job, epoch: 1, repeats: 1 };
      continue;
    }
    const variants = typeof repeat === 'number' ? Array.from({ length: repeat }, () => job.sample) : repeat(job.sample);
    for (let k = 0; k < variants.length; k++) yield { ...job, sample: { ...variants[k]!, id: job.sample.id }, epoch: k + 1, repeats: variants.length };
  }
}

/** One sample: the cached answer if there is one, otherwise ask (with retries) and cache the success. */
async function askAndRecord(
  task: Task<Sample, unknown>,
  metrics: readonly Metric[],
  model: Model,
  cache: Cache | undefined,
  scheduler: Scheduler,
  sample: Sample,
  judging: Judging | undefined,
  budget: Budget,
  cacheId: string,
): Promise<EvalRecord> {
  const context = { ask: metricAsker(() => scheduler, cache, cacheId) };
  const request = await task.render(sample);
  // What was sent, for the report's sample viewer (the messages only; sampling settings are in the manifest).
  const prompt = request.messages;
  const key = cache ? cacheKey(model, request, cacheId) : '';
  const hit = cache ? await cache.get(key) : undefined;
  if (hit) return recordWithJudge(task, metrics, sample, { output: hit.text, ...responseFacts(hit), cached: true, attempts: 0, prompt }, judging, context);
  if (budget.active && !(await budget.acquire())) {
    return buildRecord(task, metrics, sample, { output: null, error: `not asked: ${budget.spent().reason === 'no-usage' ? 'the server reports no token usage, so the budget cannot be kept' : 'the budget is spent'}`, attempts: 0, prompt }, context);
  }
  let response: ModelResponse;
  let attempts: number;
  // Wall time of the attempt that answered (retries and waiting for a slot are not the model's latency).
  let latencyMs = 0;
  try {
    ({ value: response, attempts } = await scheduler.run(async (signal) => {
      const started = performance.now();
      const answer = await model.generate(request, { signal, sample });
      latencyMs = performance.now() - started;
      return answer;
    }));
  } catch (error) {
    if (budget.active) budget.release(undefined, false);
    if (isAbortError(error)) throw error;
    const failed = error instanceof RequestFailedError ? error : undefined;
    const message = error instanceof Error ? error.message : String(error);
    return buildRecord(task, metrics, sample, { output: null, error: message, attempts: failed?.attempts ?? 1, prompt }, context);
  }
  if (budget.active) budget.release(recordUsage(response?.usage), typeof response?.text === 'string');
  if (typeof response?.text !== 'string') {
    return buildRecord(task, metrics, sample, { output: null, error: `model ${model.id} returned no text`, attempts, prompt }, context);
  }
  const facts = { ...responseFacts(response), latencyMs: Math.round(latencyMs) };
  // Only successes are cached; the write is durable before the record counts as done.
  await cache?.set(key, { text: response.text, ...facts });
  return recordWithJudge(task, metrics, sample, { output: response.text, ...facts, cached: false, attempts, prompt }, judging, context);
}

/**
 * What a record keeps of a response besides its text, and what the cache stores so a rerun keeps it: the
 * usage and latency of a cached answer are what it cost when it was asked.
 */
function responseFacts(response: ModelResponse): Pick<Outcome, 'reasoning' | 'finishReason' | 'usage' | 'latencyMs'> {
  return {
    ...(typeof response.reasoning === 'string' && response.reasoning !== '' ? { reasoning: response.reasoning } : {}),
    ...(typeof response.finishReason === 'string' && response.finishReason !== '' ? { finishReason: response.finishReason } : {}),
    ...(response.usage && typeof response.usage === 'object' ? { usage: response.usage } : {}),
    ...(typeof response.latencyMs === 'number' ? { latencyMs: response.latencyMs } : {}),
  };
}

export async function openCache(cache: Cache | string | false | undefined): Promise<Cache | undefined> {
  if (!cache) return undefined;
  if (typeof cache !== 'string') return cache;
  return platform.fileCache(cache);
}

/** The model's public description; `id` always present. Adapters keep secrets out of describe(). */
function describeModel(model: Model): ResultJson['model'] {
  const described = model.describe?.() ?? {};
  return { ...described, id: model.id };
}
