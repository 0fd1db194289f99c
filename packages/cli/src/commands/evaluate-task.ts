// The part of `medeval run` that evaluates one task: data globs → task (dataset package) → model spec →
// evaluate() (core) with a progress display → tables on stdout, load warnings on stderr.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BudgetReachedError, evaluate, modelFromSpec, RunStoppedError, type Model, type Task } from '@medeval/core';
import { InputError, UsageError } from '../errors.js';
import { expandPaths } from '../globs.js';
import type { CliIO } from '../io.js';
import { loadMetricPlugins } from '../plugins.js';
import { createProgress } from '../progress.js';
import { combineShards } from '../shards.js';
import { strictTask } from '../strict.js';
import { baselineResolver, buildTask, type TaskName } from '../tasks.js';
import { judgeFor } from './judge-option.js';
import { pricesFor } from './prices.js';
import { refuseOverwrite } from './run-folders.js';
import { finishRun } from './tables.js';
import { medevalVersions } from '../versions.js';

export interface EvaluateSettings {
  model: string;
  protocol?: string | undefined;
  limit?: number | undefined;
  concurrency?: number | undefined;
  cache?: string | undefined;
  seed?: number | undefined;
  prompt?: string | undefined;
  metrics: string[];
  timeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
  rateLimit?: number | undefined;
  quiet?: boolean;
  full?: boolean;
  strict?: boolean;
  /** `--skip-bad-rows`: rows that cannot be parsed are skipped and reported instead of stopping the run. */
  skipBadRows?: boolean;
  /** `--allow-empty`: a run whose outputs are all empty is scored instead of stopping with exit 1. */
  allowEmpty?: boolean;
  /** `--overwrite`: replace a run already in the --out folder. */
  overwrite?: boolean;
  corpus?: string | undefined;
  fewShot?: { k: number; data: string } | undefined;
  /** `--judge SPEC`: a judge model for outputs the rules leave unparsed. */
  judge?: string | undefined;
  /** `--price-in` / `--price-out`: per million tokens. */
  priceIn?: number | undefined;
  priceOut?: number | undefined;
  /** `--prices FILE`: a price table by model name. */
  prices?: string | undefined;
  /** cmb: `--answers FILE`. */
  answers?: string | undefined;
  /** mcq: `--columns`, `--slice-by`. */
  columns?: Partial<Record<'question' | 'options' | 'answer' | 'id', string>> | undefined;
  sliceBy?: string[] | undefined;
  /** `--epochs K`: every question asked K times. */
  epochs?: number | undefined;
  /** `--circular`: CircularEval on a multiple-choice task. */
  circular?: boolean;
  /** `--temperature T`: sent with every request (overrides the task's). */
  temperature?: number | undefined;
  /** `--batch`: what the cache lacks goes through the provider's Batch API first. */
  batch?: boolean;
  /** `--batch-poll MS`: the first wait between polls. */
  batchPollMs?: number | undefined;
  /** `--shard I/N`: one share of the data. */
  shard?: { index: number; count: number } | undefined;
  /** Budgets of the new requests: `--max-cost` (needs prices) and `--max-tokens`. */
  maxCost?: number | undefined;
  maxTokens?: number | undefined;
}

export async function evaluateTask(
  io: CliIO,
  settings: EvaluateSettings & { task: TaskName; data: string[]; out: string; command: string },
): Promise<number> {
  const files = settings.data.length
    ? await expandPaths(settings.data, { cwd: io.cwd, kind: settings.task === 'cmmlu-medical' ? 'directory' : 'file', label: '--data', command: settings.command })
    : [];
  const metricFiles = settings.metrics.length
    ? await expandPaths(settings.metrics, { cwd: io.cwd, kind: 'any', label: '--metric', command: settings.command })
    : [];
  const plugins = await loadMetricPlugins(metricFiles, io.cwd);

  const taskOptions = {
    protocol: settings.protocol,
    prompt: settings.prompt,
    seed: settings.seed,
    skipBadRows: settings.skipBadRows,
    columns: settings.columns,
    sliceBy: settings.sliceBy,
    answers: settings.answers !== undefined ? resolve(io.cwd, settings.answers) : undefined,
    fewShot: settings.fewShot ? { k: settings.fewShot.k, data: resolve(io.cwd, settings.fewShot.data) } : undefined,
  };
  const tasks: Task[] = files.length
    ? await Promise.all(files.map((file) => buildTask(settings.task, { ...taskOptions, data: resolve(io.cwd, file) })))
    : [await buildTask(settings.task, taskOptions)];
  const combined = combineShards(tasks, files);
  const strict = settings.strict ? strictTask(combined) : combined;
  const task = settings.temperature !== undefined ? withTemperature(strict, settings.temperature) : strict;
  if (settings.circular && typeof task.rotations !== 'function') {
    throw new UsageError(`--circular is for multiple-choice tasks (cmexam): task ${settings.task} has no options to rotate`, settings.command);
  }
  if (settings.circular && (settings.epochs ?? 1) > 1) throw new UsageError('--circular and --epochs do not combine (each rotation is asked once)', settings.command);
  const judge = judgeFor(settings.judge, task, settings.task, io, settings.command);

  const prices = await pricesFor({ priceIn: settings.priceIn, priceOut: settings.priceOut, table: settings.prices, model: settings.model, cwd: io.cwd, command: settings.command });
  if (settings.maxCost !== undefined && !prices) {
    throw new UsageError('--max-cost needs prices: --price-in and --price-out, or --prices FILE', settings.command);
  }
  const corpus = settings.corpus !== undefined ? resolve(io.cwd, settings.corpus) : undefined;
  const model = await modelFor(settings.model, settings.task, { task, seed: settings.seed, corpus }, io, settings.command);
  const out = resolve(io.cwd, settings.out);
  refuseOverwrite(out, settings.out, settings.overwrite ?? false);
  if (settings.batch) await batchFirst(io, settings, task, model, out);
  const progress = createProgress({ stream: io.stderr, env: io.env, label: settings.task });
  let result;
  try {
    result = await evaluate({
      task,
      model,
      versions: medevalVersions(settings.task),
      out,
      ...(settings.concurrency !== undefined ? { concurrency: settings.concurrency } : {}),
      ...(settings.cache !== undefined ? { cache: resolve(io.cwd, settings.cache) } : {}),
      ...(settings.limit !== undefined ? { limit: settings.limit } : {}),
      ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      ...(settings.maxAttempts !== undefined ? { maxAttempts: settings.maxAttempts } : {}),
      ...(settings.rateLimit !== undefined ? { rateLimit: settings.rateLimit } : {}),
      ...(plugins.length || judge?.metrics.length ? { metrics: [...plugins.map((p) => p.metric), ...(judge?.metrics ?? [])] } : {}),
      ...(judge?.fallback ? { judge: judge.fallback } : {}),
      ...(settings.allowEmpty ? { allowEmpty: true } : {}),
      ...(prices ? { prices } : {}),
      ...(settings.shard ? { shard: settings.shard } : {}),
      ...(settings.epochs !== undefined ? { epochs: settings.epochs } : {}),
      ...(settings.circular ? { circular: true } : {}),
      ...(settings.maxCost !== undefined ? { maxCost: settings.maxCost } : {}),
      ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (p) => progress.update(p),
    });
  } catch (error) {
    // A stopped run still wrote its folder: say where it is and how to go on once the set-up is fixed.
    if (error instanceof RunStoppedError) {
      const resume = settings.cache
        ? `after fixing it, rerun the same command: --cache ${settings.cache} asks only what is missing`
        : 'after fixing it, rerun the same command (add --cache DIR to keep answers across runs)';
      throw new InputError(`${error.message}\nrun folder: ${settings.out} (${resume})`, { cause: error });
    }
    if (error instanceof BudgetReachedError) {
      const resume = settings.cache
        ? `rerun the same command with a larger budget: --cache ${settings.cache} keeps every answer received, only the rest is asked`
        : 'no --cache was given, so a rerun asks everything again: add --cache DIR next time';
      throw new InputError(`${error.message}\nrun folder: ${settings.out} (${resume})`, { cause: error });
    }
    throw error;
  } finally {
    progress.finish();
  }
  return finishRun(io, result, task.dataset.summary(), { out: settings.out, quiet: settings.quiet ?? false, full: settings.full ?? false });
}

/**
 * `--batch`: the requests the cache cannot answer go to the provider's Batch API; its answers go into the
 * cache, so the run that follows asks only what the batch could not answer. The batch ids are kept in
 * `<out>/batch.json`, so a restarted run resumes polling the same batch.
 */
async function batchFirst(io: CliIO, settings: EvaluateSettings & { command: string; out: string }, task: Task, model: Model, out: string): Promise<void> {
  if (settings.cache === undefined) throw new UsageError('--batch needs --cache DIR (the batch answers are imported into it)', settings.command);
  if (!model.openaiClient) throw new UsageError(`--batch needs an OpenAI-compatible model (openai:, openai-compatible:), not ${settings.model}`, settings.command);
  if (settings.shard || (settings.epochs ?? 1) > 1 || settings.circular) throw new UsageError('--batch does not combine with --shard, --epochs or --circular yet', settings.command);
  const { fileCache, submitBatch } = await import('@medeval/core/node');
  await mkdir(out, { recursive: true });
  const cache = fileCache(resolve(io.cwd, settings.cache));
  try {
    const result = await submitBatch({
      task,
      model,
      cache,
      stateFile: join(out, 'batch.json'),
      ...(settings.limit !== undefined ? { limit: settings.limit } : {}),
      ...(settings.batchPollMs !== undefined ? { pollMs: settings.batchPollMs } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (p) => io.stderr.write(`batch ${p.batchId}${p.resumed ? ' (resumed)' : ''}: ${p.status}, ${p.completed}/${p.total} done, ${p.failed} failed\n`),
    });
    if (!result.submitted) io.stderr.write('batch: every request is already in the cache; nothing to submit\n');
    else {
      io.stderr.write(`batch ${result.batchId} ${result.status}: ${result.imported} of ${result.requests} answers imported into ${settings.cache}; ${result.failed.length} failed\n`);
      if (result.imported < result.requests) io.stderr.write('the rest is asked directly now (or run again with --batch for a new batch)\n');
    }
  } finally {
    await cache.close();
  }
}

/** The task with `temperature` in every request (it is part of the request, so of the cache key too). */
export function withTemperature(task: Task, temperature: number): Task {
  const wrapped = Object.create(task) as Task;
  Object.defineProperty(wrapped, 'render', {
    value: async (sample: Parameters<Task['render']>[0]) => ({ ...(await task.render(sample)), temperature }),
    enumerable: true,
  });
  return wrapped;
}

async function modelFor(
  spec: string,
  taskName: TaskName,
  context: { task: Task; seed: number | undefined; corpus: string | undefined },
  io: CliIO,
  command: string,
): Promise<Model> {
  const resolveBaseline = await baselineResolver(taskName, context);
  try {
    return modelFromSpec(spec, { env: io.env, resolveBaseline });
  } catch (error) {
    throw new UsageError(`--model: ${(error as Error).message}`, command);
  }
}

/** medeval-runs/<UTC time>[-task], made unique if two runs start within the same second. */
export async function defaultRunFolder(cwd: string, task: string | undefined): Promise<string> {
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const base = join('medeval-runs', task ? `${stamp}-${task}` : stamp);
  await mkdir(resolve(cwd, 'medeval-runs'), { recursive: true });
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(resolve(cwd, candidate));
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
