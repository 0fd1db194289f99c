// The shared back half of evaluate() and score(): records in dataset order → sink and aggregator →
// results.json. Only metric items (via the aggregator) stay in memory; records stream to the sink.
import { EpochAccumulator, ExtractionAudit, questionOf, RunAggregator, UsageAccumulator, type Prices } from '../aggregate/index.js';
import { attachDisplay } from '../report/index.js';
import type { EvalRecord, Metric, Progress, ResultJson, Sample, Task } from '../types.js';
import { judgedSignature } from './judge.js';
import { configHash, packageVersions, runtimeName } from './manifest.js';
import { forEachOrdered } from './ordered.js';
import { ProgressReporter } from './progress.js';
import type { RecordSink } from './sink.js';

export interface RunSettings {
  task: Task<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  metrics: Metric[];
  model: ResultJson['model'];
  sink: RecordSink | undefined;
  seed: number;
  bootstrapSamples: number;
  limit: number | undefined;
  window: number;
  onProgress: ((progress: Progress) => void) | undefined;
  /** Other package versions for the manifest (the CLI adds its own and the dataset packages'). */
  versions?: Record<string, string> | undefined;
  live: () => { retries: number; inFlight: number };
  /** Extra fields merged into results.json (additive, e.g. a predictions summary). */
  extra?: () => Partial<ResultJson>;
  /** Repeats per question (default 1): records are `<id>#<epoch>`, intervals resample questions. */
  epochs?: number | undefined;
  /** CircularEval: the repeats are the rotations of each question's options. */
  circular?: boolean | undefined;
  /** The share this run evaluates (results.json `shard`); the data size is then not counted for progress. */
  shard?: { index: number; count: number } | undefined;
  /** Prices per million tokens, for results.json `usage.cost`. */
  prices?: Prices | undefined;
  /** The judge fallback in use: part of the protocol signature, the config hash and results.json. */
  judge?: { modelId: string; promptId: string; stats: () => { asked: number; answered: number; failed: number } } | undefined;
  /**
   * Called once every sample is recorded, before the results and reports are built: evaluate() closes the file
   * cache it opened there, so a million-key index is garbage before the report's allocations start collections.
   */
  samplesDone?: (() => Promise<void>) | undefined;
}

/** All metrics (task's then extra), refusing duplicate names; awaits every prepare(). */
export async function prepareMetrics(task: Task<any, any>, extra: readonly Metric[]): Promise<Metric[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const metrics = [...task.metrics, ...extra];
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (seen.has(metric.name)) throw new Error(`two metrics are named "${metric.name}"; metric names must be unique`);
    seen.add(metric.name);
  }
  await Promise.all(metrics.map((metric) => metric.prepare?.()));
  return metrics;
}

export async function runRecords<J>(
  settings: RunSettings,
  jobs: AsyncIterable<J>,
  work: (job: J) => Promise<EvalRecord>,
): Promise<ResultJson> {
  const { task, metrics, sink } = settings;
  const startedAt = new Date().toISOString();
  const aggregator = new RunAggregator({
    metrics,
    // Read when the first record arrives: by then the loader has read the header, so the data decides.
    sliceDimensions: () => task.sliceDimensions ?? [],
    ...(task.sliceLabel ? { sliceLabel: task.sliceLabel.bind(task) } : {}),
    seed: settings.seed,
    bootstrapSamples: settings.bootstrapSamples,
  });
  const audit = new ExtractionAudit();
  const usage = new UsageAccumulator(settings.prices);
  const epochs = (settings.epochs ?? 1) > 1 || settings.circular ? new EpochAccumulator(metrics, settings.epochs ?? 1, settings.circular) : undefined;
  const progress = new ProgressReporter(settings.onProgress, settings.live, settings.limit ?? null);
  // The data size, counted beside the run (never waited for): totals and an ETA from the start.
  if (settings.onProgress && task.dataset.count && !settings.shard) {
    task.dataset.count().then(
      (n) => {
        progress.state.total = (settings.limit !== undefined ? Math.min(n, settings.limit) : n) * (settings.epochs ?? 1);
      },
      () => undefined, // a source that cannot be counted is reported by the run itself
    );
  }
  try {
    await forEachOrdered(jobs, settings.window, work, async (record) => {
      aggregator.add({
        id: record.id,
        status: record.status,
        items: record.items,
        meta: record.meta,
        ...(record.epoch !== undefined ? { cluster: questionOf(record.id) } : {}),
      });
      epochs?.add(record);
      audit.add(record);
      usage.add(record);
      progress.state.done++;
      if (record.cached) progress.state.cached++;
      if (record.status === 'error') progress.state.errors++;
      await sink?.write(record);
      progress.tick();
    });
  } catch (error) {
    progress.final();
    await sink?.abort?.(error);
    throw error;
  }
  progress.final();
  await settings.samplesDone?.();
  const summary = task.dataset.summary();
  const { metrics: values, slices, counts } = aggregator.finish();
  const modelId = settings.model?.id ?? null;
  const judge = settings.judge;
  // A judge changes how answers are read, so it is part of the protocol (and of the config hash).
  const protocol = judge
    ? { name: task.protocol.name, signature: judgedSignature(task.protocol.signature, { id: judge.modelId }, judge.promptId) }
    : { name: task.protocol.name, signature: task.protocol.signature };
  const extraction = audit.finish();
  // A function model (offline baselines, fromFunction) reports no tokens: no usage line for it, unless it does.
  const usageSummary = usage.finish((settings.model as { adapter?: unknown } | null)?.adapter === 'function');
  const result: ResultJson = {
    schemaVersion: 1,
    task: {
      name: task.name,
      version: task.version,
      promptId: task.promptId,
      dataset: { source: task.dataset.source, sha256: summary?.sha256 ?? null, samples: counts.samples, load: summary ?? null },
    },
    model: settings.model,
    protocol,
    metrics: values,
    slices,
    counts,
    manifest: {
      medeval: packageVersions(settings.versions),
      runtime: runtimeName(),
      configHash: configHash({ task: { name: task.name, version: task.version, promptId: task.promptId, protocol }, modelId, metrics, seed: settings.seed, bootstrapSamples: settings.bootstrapSamples, limit: settings.limit, epochs: settings.epochs, circular: settings.circular }),
      metricSignatures: Object.fromEntries(metrics.map((m) => [m.name, m.signature])),
      startedAt,
      endedAt: new Date().toISOString(),
      seed: settings.seed,
      bootstrapSamples: settings.bootstrapSamples,
    },
    ...(extraction || judge
      ? {
          extraction: {
            ...(extraction ?? { rules: {}, examples: [] }),
            ...(judge ? { judge: { model: judge.modelId, promptId: judge.promptId, ...judge.stats() } } : {}),
          },
        }
      : {}),
    ...(epochs ? { epochs: epochs.finish() } : {}),
    ...(settings.shard ? { shard: { index: settings.shard.index, count: settings.shard.count, limit: settings.limit ?? null } } : {}),
    ...(usageSummary ? { usage: usageSummary } : {}),
    ...settings.extra?.(),
  };
  await sink?.finish(result);
  return attachDisplay(result);
}

/**
 * The first `limit` samples of a dataset, stopping the source early; without a limit, the samples themselves
 * (each async generator in the chain costs every sample a few microtasks).
 */
export function takeSamples<S extends Sample>(samples: AsyncIterable<S>, limit: number | undefined): AsyncIterable<S> {
  return limit === undefined ? samples : firstSamples(samples, limit);
}

async function* firstSamples<S extends Sample>(samples: AsyncIterable<S>, limit: number): AsyncGenerator<S> {
  if (limit <= 0) return;
  let n = 0;
  for await (const sample of samples) {
    yield sample;
    if (++n >= limit) return;
  }
}
