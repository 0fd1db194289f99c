// evaluate() and score() options, checked with zod so that a mistake reads as a sentence naming the option.
import { z } from 'zod';
import type { Cache } from '../cache/cache.js';
import type { DataSource } from '../source/source.js';
import type { Metric, Model, Progress, Task } from '../types.js';
import type { RecordSink } from './sink.js';
import { metricProblems } from './metric-schema.js';
import { DEFAULT_CONCURRENCY } from '../scheduler/scheduler.js';

// One check for metrics everywhere (metric-schema.ts); the message lists every problem of the metric.
const metricSchema = z.custom<Metric>().superRefine((value, ctx) => {
  const problems = metricProblems(value);
  if (problems.length) ctx.addIssue({ code: 'custom', message: `must be a Metric { name, signature, higherIsBetter, item(), aggregate() }: ${problems.join('; ')}` });
});

const taskSchema = z.custom<Task>(
  (v) =>
    !!v &&
    typeof v === 'object' &&
    typeof (v as Task).name === 'string' &&
    typeof (v as Task).render === 'function' &&
    typeof (v as Task).parse === 'function' &&
    Array.isArray((v as Task).metrics) &&
    typeof (v as Task).dataset?.samples === 'function',
  { message: 'must be a Task: { name, version, dataset, render(), parse(), metrics }' },
);

const modelSchema = z.custom<Model>(
  (v) => !!v && typeof v === 'object' && typeof (v as Model).id === 'string' && typeof (v as Model).generate === 'function',
  { message: 'must be a Model: { id: string, generate(request, context) } (see openaiCompatible, fromFunction, modelFromSpec)' },
);

// Unions of a path and an object are single custom checks so the message says what is accepted
// (zod's own union message is only "Invalid input").
const isCache = (v: unknown): v is Cache =>
  !!v && typeof v === 'object' && typeof (v as Cache).get === 'function' && typeof (v as Cache).set === 'function';
const cacheSchema = z.custom<Cache | string | false>((v) => (typeof v === 'string' && v.length > 0) || v === false || isCache(v), {
  message: 'must be a directory path, false, or a Cache object { get(key), set(key, value) }',
});

const isSink = (v: unknown): v is RecordSink =>
  !!v && typeof v === 'object' && typeof (v as RecordSink).write === 'function' && typeof (v as RecordSink).finish === 'function';
const sinkSchema = z.custom<string | RecordSink>((v) => (typeof v === 'string' && v.length > 0) || isSink(v), {
  message: 'must be a directory path or a RecordSink { write(record), finish(result) }',
});

const signalSchema = z.custom<AbortSignal>((v) => !!v && typeof v === 'object' && typeof (v as AbortSignal).aborted === 'boolean', {
  message: 'must be an AbortSignal',
});

const common = {
  task: taskSchema,
  out: sinkSchema.optional(),
  onProgress: z.custom<(progress: Progress) => void>((v) => typeof v === 'function', { message: 'must be a function (progress) => void' }).optional(),
  signal: signalSchema.optional(),
  limit: z.number().int().nonnegative().optional(),
  seed: z.number().int().nonnegative().default(0),
  bootstrapSamples: z.number().int().min(1).max(1_000_000).default(1000),
  metrics: z.array(metricSchema).default([]),
  versions: z.record(z.string(), z.string()).optional(),
  allowEmpty: z.boolean().default(false),
};

// What evaluate() and score() share for asking models (score() asks only a judge, if one is given).
const asking = {
  judge: modelSchema.optional(),
  concurrency: z.number().int().min(1).max(4096).default(DEFAULT_CONCURRENCY),
  timeoutMs: z.number().int().nonnegative().default(120_000),
  maxAttempts: z.number().int().min(1).max(100).default(8),
  cache: cacheSchema.optional(),
};

export const evaluateOptionsSchema = z.object({
  ...common,
  ...asking,
  model: modelSchema,
  epochs: z.number().int().min(1).max(1000).default(1),
  circular: z.boolean().default(false),
  shard: z
    .object({ index: z.number().int().nonnegative(), count: z.number().int().min(1) })
    .refine((x) => x.index < x.count, { message: 'index is 0-based and must be below count' })
    .optional(),
  prices: z.object({ input: z.number().nonnegative(), output: z.number().nonnegative(), currency: z.string().min(1).optional() }).optional(),
  maxCost: z.number().positive().optional(),
  maxTokens: z.number().int().positive().optional(),
  rateLimit: z
    .union([z.number().positive(), z.object({ requestsPerMinute: z.number().positive() })])
    .optional()
    .describe('requests per minute'),
  adaptiveConcurrency: z.boolean().default(true),
  failFast: z
    .union([z.literal(false), z.object({ sameErrors: z.number().int().min(1).optional(), networkWindowMs: z.number().nonnegative().optional() })])
    .optional(),
  backoff: z
    .object({ baseMs: z.number().nonnegative().optional(), maxMs: z.number().nonnegative().optional(), maxRetryAfterMs: z.number().nonnegative().optional() })
    .optional(),
}).refine((o) => o.maxCost === undefined || o.prices !== undefined, {
  path: ['maxCost'],
  message: 'needs prices ({ input, output } per million tokens) to know what a request costs',
});

const predictionsSchema = z.custom<DataSource | AsyncIterable<PredictionLine>>(
  (v) =>
    (typeof v === 'string' && v.length > 0) ||
    (!!v &&
      typeof v === 'object' &&
      (Symbol.asyncIterator in (v as object) ||
        (typeof (v as { name?: unknown }).name === 'string' &&
          (typeof (v as { text?: unknown }).text === 'string' || (v as { bytes?: unknown }).bytes instanceof Uint8Array)))),
  { message: 'must be a file path, { name, text }, { name, bytes }, or an async iterable of { id, output }' },
);

export const scoreOptionsSchema = z.object({
  ...common,
  ...asking,
  predictions: predictionsSchema,
  /** A label for the model that wrote the predictions (results.json `model.id`). */
  modelId: z.string().optional(),
});

export interface EvaluateOptions {
  task: Task<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  model: Model;
  /** Maximum requests in flight (default 32; see docs/engine.md for the measurements). */
  concurrency?: number;
  /** Per-request timeout in ms (default 120,000; 0 = none). */
  timeoutMs?: number;
  /** Attempts per request including the first (default 8). */
  maxAttempts?: number;
  /** A Cache, or a directory for the crash-safe file cache (Node/Deno); false or absent = none. */
  cache?: Cache | string | false;
  /** A run folder directory, or a RecordSink. */
  out?: string | RecordSink;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Only the first N samples. */
  limit?: number;
  /** Bootstrap seed (default 0). */
  seed?: number;
  /** Bootstrap resamples (default 1000). */
  bootstrapSamples?: number;
  /** Extra metrics, appended to the task's. */
  metrics?: Metric[];
  /**
   * A judge model for outputs the task's rules leave `unparsed` (off by default). Needs a task with a judge
   * fallback (`task.judge`; the CMExam answer and joint tasks under `standard`); asked through the same
   * scheduler and cache; recorded with rule `judge:<model id>`; part of the protocol signature.
   */
  judge?: Model;
  /** Package name → version, added to results.json manifest.medeval (core's own is always there). */
  versions?: Record<string, string>;
  /**
   * Score a run in which every output is empty (default false: that throws `InputMismatchError`
   * `all-outputs-empty`, since it means a broken pipeline, not a model that scored 0).
   */
  allowEmpty?: boolean;
  /**
   * Ask every question this many times (default 1), with the sampling settings of the model (temperature…).
   * Records become `<id>#<epoch>` with `epoch`; metrics are over all repeats with intervals that resample
   * questions; results.json `epochs` adds, per 0/1 metric, the clustered standard error, maj@K and pass@K.
   * Epoch 1 reuses a single run's cached answers; each later epoch has its own cache entries.
   */
  epochs?: number;
  /**
   * CircularEval (needs a task with `rotations`, e.g. the CMExam answer task): every question is asked once
   * per rotation of its options, and results.json `epochs.metrics.<m>.all` counts a question right only
   * when every rotation is — reported next to the plain accuracy over all rotations, so position bias shows.
   * Not combined with `epochs`.
   */
  circular?: boolean;
  /**
   * Evaluate one shard of the data (`{ index, count }`, 0-based): the samples whose id hashes to `index`
   * (see shardOf). `limit` applies before sharding. Records carry `position`; results.json `shard`.
   * `mergeRuns()` from `@medeval/core/node` puts the shards together.
   */
  shard?: { index: number; count: number };
  /**
   * Prices per million tokens (`input` for prompt tokens, `output` for completion tokens, reasoning
   * included; currency default USD): results.json `usage.cost` and the `maxCost` budget.
   */
  prices?: { input: number; output: number; currency?: string };
  /**
   * Stop sending before the requests of this run would be expected to cost more than this (needs
   * `prices`; cached answers are free). Samples not asked become `error` records and evaluate() throws
   * `BudgetReachedError` after writing the run folder, so a rerun with the same cache finishes the run.
   */
  maxCost?: number;
  /** The same budget in tokens (`total_tokens` of the requests this run sends). */
  maxTokens?: number;
  /** Requests per minute cap. */
  rateLimit?: number | { requestsPerMinute: number };
  /** Halve concurrency on 429/503/timeouts and recover slowly (default true). */
  adaptiveConcurrency?: boolean;
  /**
   * Stop a run whose set-up is broken, before any success: after `sameErrors` (3) identical errors no retry
   * can fix (401, 404, …), or `networkWindowMs` (10 s) of connection errors. Throws `RunStoppedError`.
   * `false` turns it off.
   */
  failFast?: { sameErrors?: number; networkWindowMs?: number } | false;
  /** Retry delays: first step (default 500 ms), cap (30 s), longest honoured Retry-After (120 s). */
  backoff?: { baseMs?: number; maxMs?: number; maxRetryAfterMs?: number };
}

export interface PredictionLine {
  id: string;
  output: string | null;
  /** A reasoning model's trace (its `reasoning_content`): recorded, never extracted from. */
  reasoning?: string;
}

/** `judge`, and `concurrency`, `timeoutMs`, `maxAttempts`, `cache` for the judge's requests (score() asks no other model). */
export interface ScoreOptions extends Omit<EvaluateOptions, 'model' | 'rateLimit' | 'adaptiveConcurrency' | 'backoff'> {
  /** JSONL file of {"id", "output"} lines, in-memory text, or an async iterable. */
  predictions: DataSource | AsyncIterable<PredictionLine>;
  modelId?: string;
}

/** Thrown for invalid options: one line per problem, each naming the option. */
export class OptionsError extends Error {
  constructor(fnName: string, problems: string[]) {
    super(`${fnName}(): invalid options:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OptionsError';
  }
}

export function parseOptions<T extends z.ZodType>(schema: T, fnName: string, options: unknown): z.output<T> {
  if (!options || typeof options !== 'object') throw new OptionsError(fnName, ['expected an options object']);
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    throw new OptionsError(
      fnName,
      parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'options'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
