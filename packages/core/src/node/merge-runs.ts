// `mergeRuns()`: the run folders of the shards of one run (`--shard I/N` on N machines) back into one
// ordinary run folder. The folders are checked to belong to one run; the records are streamed back in the
// order of the unsharded run (a k-way merge on each record's `position`), and every number — metrics,
// intervals, slices, counts, usage, the extraction audit — is computed again from them by the same code as
// a run (runRecords), so a merged run equals the unsharded one exactly, corpus BLEU/ROUGE included.
import { judgedSignature } from '../pipeline/judge.js';
import { configHash } from '../pipeline/manifest.js';
import { prepareMetrics, runRecords } from '../pipeline/run.js';
import { openSink, type RecordSink } from '../pipeline/sink.js';
import type { EvalRecord, Metric, Progress, ResultJson, Task } from '../types.js';
import { readRunFolder, type RunFolder } from './read-run-folder.js';


export interface MergeRunsOptions {
  /** The shards' run folders, in any order. */
  dirs: string[];
  /** The merged run folder (or a RecordSink). */
  out: string | RecordSink;
  /**
   * The task the shards ran, built again (its metrics, slice labels and judge prompt); its name, version
   * and protocol must be the shards'. The CLI builds it from results.json.
   */
  task: Task<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Extra metrics the shards had (plugins, judge metrics), with the same names and signatures. */
  metrics?: Metric[];
  /** Merge although some shards are missing; results.json `merged.missing` names them. */
  partial?: boolean;
  versions?: Record<string, string>;
  onProgress?: (progress: Progress) => void;
}

/** Why the folders cannot be merged: each problem names the folder and the field. */
export class MergeError extends Error {
  constructor(readonly problems: string[]) {
    super(`cannot merge: ${problems.length === 1 ? problems[0] : `\n${problems.map((p) => `  - ${p}`).join('\n')}`}`);
    this.name = 'MergeError';
  }
}

/**
 * Merges shard run folders into one run folder and returns its results.
 *
 * @example
 * import { mergeRuns } from '@medeval/core/node';
 * const result = await mergeRuns({ dirs: ['runs/s0', 'runs/s1', 'runs/s2'], out: 'runs/all', task: cmexam.answer() });
 */
export async function mergeRuns(options: MergeRunsOptions): Promise<ResultJson> {
  const folders = await Promise.all(options.dirs.map((dir) => readRunFolder(dir)));
  if (folders.length === 0) throw new MergeError(['no run folders given']);
  const { first, count, present } = checkOneRun(folders, options.partial ?? false);
  const metrics = await prepareMetrics(options.task, options.metrics ?? []);
  checkMetrics(first, metrics);
  const r = first.results;
  // The task as the shards ran it: the package's metrics and labels, the shards' names and data.
  const task: Task<any, any> = Object.create(options.task); // eslint-disable-line @typescript-eslint/no-explicit-any
  const sliceDimensions = orderedDimensions(folders);
  Object.defineProperties(task, {
    promptId: { value: r.task.promptId, enumerable: true },
    sliceDimensions: { value: sliceDimensions, enumerable: true },
    dataset: {
      value: {
        name: options.task.dataset.name,
        source: r.task.dataset.source,
        samples: () => {
          throw new Error('a merge reads records, not samples');
        },
        summary: () => r.task.dataset.load ?? { source: r.task.dataset.source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [], ...(r.task.dataset.sha256 ? { sha256: r.task.dataset.sha256 } : {}) },
      },
      enumerable: true,
    },
  });
  const judge = judgeOf(folders);
  if (judge) Object.defineProperty(task, 'protocol', { value: options.task.protocol, enumerable: true });
  // The task this medeval builds must be the one the shards ran (same version, protocol, metrics, limit).
  const protocol = judge
    ? { name: task.protocol.name, signature: judgedSignature(task.protocol.signature, { id: judge.modelId }, judge.promptId) }
    : task.protocol;
  const hash = configHash({ task: { ...pick(task), protocol }, modelId: r.model?.id ?? null, metrics, seed: r.manifest.seed, bootstrapSamples: r.manifest.bootstrapSamples, limit: r.shard!.limit ?? undefined, epochs: r.epochs?.circular ? undefined : r.epochs?.epochs, circular: r.epochs?.circular });
  if (hash !== r.manifest.configHash) {
    throw new MergeError([
      `${first.dir}: the shards ran ${r.task.name}@${r.task.version} under ${r.protocol.signature}; this medeval builds ${task.name}@${task.version} under ${protocol.signature} (configuration ${hash} ≠ ${r.manifest.configHash}): merge with the medeval version and options that made the shards`,
    ]);
  }
  const merged = { count, shards: present, missing: missingOf(count, present) };
  const sink = await openSink(options.out);
  return runRecords(
    {
      task,
      metrics,
      model: r.model,
      sink,
      seed: r.manifest.seed,
      bootstrapSamples: r.manifest.bootstrapSamples,
      limit: r.shard!.limit ?? undefined,
      window: 16,
      onProgress: options.onProgress,
      versions: options.versions,
      live: () => ({ retries: 0, inFlight: 0 }),
      judge,
      prices: r.usage?.prices,
      epochs: r.epochs?.circular ? undefined : r.epochs?.epochs,
      circular: r.epochs?.circular,
      extra: () => ({ merged }),
    },
    mergeByPosition(folders),
    async (record) => record,
  );
}

function checkOneRun(folders: RunFolder[], partial: boolean): { first: RunFolder; count: number; present: number[] } {
  const problems: string[] = [];
  const unsharded = folders.filter((f) => !f.results.shard);
  for (const f of unsharded) problems.push(`${f.dir}: not a shard (results.json has no "shard"; was it run with --shard I/N?)`);
  if (unsharded.length) throw new MergeError(problems);
  const first = folders[0]!;
  const a = first.results;
  const same = (label: string, get: (r: ResultJson) => unknown) => {
    const expected = JSON.stringify(get(a));
    for (const f of folders.slice(1)) {
      const actual = JSON.stringify(get(f.results));
      if (actual !== expected) problems.push(`${f.dir}: ${label} ${actual} differs from ${first.dir}'s ${expected}`);
    }
  };
  same('the number of shards', (r) => r.shard!.count);
  same('task', (r) => `${r.task.name}@${r.task.version}, prompt ${r.task.promptId}`);
  same('data fingerprint', (r) => r.task.dataset.sha256 ?? r.task.dataset.source);
  same('model', (r) => r.model?.id ?? null);
  same('protocol', (r) => r.protocol.signature);
  same('seed', (r) => r.manifest.seed);
  same('bootstrap resamples', (r) => r.manifest.bootstrapSamples);
  same('--limit', (r) => r.shard!.limit);
  same('configuration', (r) => r.manifest.configHash);
  if (problems.length) throw new MergeError(problems);
  const count = a.shard!.count;
  const seen = new Map<number, string>();
  for (const f of folders) {
    const index = f.results.shard!.index;
    const other = seen.get(index);
    if (other !== undefined) problems.push(`shard ${index}/${count} is given twice: ${other} and ${f.dir}`);
    seen.set(index, f.dir);
  }
  const present = [...seen.keys()].sort((x, y) => x - y);
  const missing = missingOf(count, present);
  if (missing.length && !partial) {
    for (const index of missing) problems.push(`shard ${index}/${count} is missing (merge it too, or pass --partial to merge without it)`);
  }
  if (problems.length) throw new MergeError(problems);
  return { first, count, present };
}

const pick = (task: Task<any, any>) => ({ name: task.name, version: task.version, promptId: task.promptId }); // eslint-disable-line @typescript-eslint/no-explicit-any

function missingOf(count: number, present: readonly number[]): number[] {
  const have = new Set(present);
  return Array.from({ length: count }, (_, i) => i).filter((i) => !have.has(i));
}

/** The metrics given must be exactly the shards' (names and signatures), or the merged numbers would differ. */
function checkMetrics(first: RunFolder, metrics: readonly Metric[]): void {
  const expected = first.results.manifest.metricSignatures as Record<string, string> | undefined;
  if (!expected) return;
  const problems: string[] = [];
  const given = new Map(metrics.map((m) => [m.name, m.signature]));
  for (const [name, signature] of Object.entries(expected)) {
    const have = given.get(name);
    if (have === undefined) problems.push(`the shards have metric "${name}" (${signature}); give it to the merge too (the same --metric or --judge)`);
    else if (have !== signature) problems.push(`metric "${name}": the shards used ${signature}, this medeval gives ${have}`);
  }
  for (const name of given.keys()) if (!(name in expected)) problems.push(`metric "${name}" is not in the shards' results`);
  if (problems.length) throw new MergeError(problems);
}

/** Slice dimensions in the order the shards report them (a dimension a shard did not see is added after). */
function orderedDimensions(folders: RunFolder[]): string[] {
  const out: string[] = [];
  for (const f of folders) for (const dim of Object.keys(f.results.slices)) if (!out.includes(dim)) out.push(dim);
  return out;
}

/** The judge fallback of the shards, with its counts added up. */
function judgeOf(folders: RunFolder[]): { modelId: string; promptId: string; stats: () => { asked: number; answered: number; failed: number } } | undefined {
  const judges = folders.map((f) => f.results.extraction?.judge).filter((j) => j !== undefined);
  if (judges.length === 0) return undefined;
  const sum = { asked: 0, answered: 0, failed: 0 };
  for (const j of judges) {
    sum.asked += j.asked;
    sum.answered += j.answered;
    sum.failed += j.failed;
  }
  return { modelId: judges[0]!.model, promptId: judges[0]!.promptId, stats: () => ({ ...sum }) };
}

/**
 * The records of all shards in the order of the unsharded run: each shard's records are in position order,
 * so a k-way merge on `position` restores the whole order while holding one record per shard. A position
 * seen twice (the same sample in two shards) or out of order is an error naming the folders.
 */
async function* mergeByPosition(folders: RunFolder[]): AsyncGenerator<EvalRecord> {
  const chunkBytes = mergeReadBytes(folders.length);
  const streams = folders.map((f) => ({ dir: f.dir, it: f.records({ chunkBytes })[Symbol.asyncIterator](), last: -1 }));
  const heads: Array<{ record: EvalRecord; shard: number } | undefined> = await Promise.all(streams.map((_, k) => next(k)));
  async function next(k: number): Promise<{ record: EvalRecord; shard: number } | undefined> {
    const stream = streams[k]!;
    const step = await stream.it.next();
    if (step.done) return undefined;
    const record = step.value;
    if (typeof record.position !== 'number') throw new MergeError([`${stream.dir}: record "${record.id}" has no position (not written by a --shard run)`]);
    if (record.position <= stream.last) throw new MergeError([`${stream.dir}: record "${record.id}" at position ${record.position} is out of order`]);
    stream.last = record.position;
    return { record, shard: k };
  }
  let previous: { position: number; dir: string; id: string } | undefined;
  for (;;) {
    let best = -1;
    for (let k = 0; k < heads.length; k++) {
      const head = heads[k];
      if (head && (best === -1 || head.record.position! < heads[best]!.record.position!)) best = k;
    }
    if (best === -1) return;
    const { record } = heads[best]!;
    if (previous && previous.position === record.position) {
      throw new MergeError([`sample "${record.id}" (position ${record.position}) is in two shards: ${previous.dir} and ${streams[best]!.dir}`]);
    }
    previous = { position: record.position!, dir: streams[best]!.dir, id: record.id };
    heads[best] = await next(best);
    const { position: _position, ...unsharded } = record;
    yield unsharded as EvalRecord;
  }
}

/**
 * Bytes per read for each of `shards` folders merged at once: 640 KiB shared among them, between 4 and 64 KiB.
 * The merge takes records from the shards in turn, so the text of one read stays alive while every other shard
 * yields as many records; with a fixed total that time is the same for 10 shards or 100, and the text dies in
 * V8's young generation instead of being promoted and left as old garbage (bench/merge: 100 shards at 64 KiB
 * each peaked at 335 MB, at 6.4 KiB 184 MB, 10 shards 122 MB).
 */
export function mergeReadBytes(shards: number): number {
  return Math.max(4 << 10, Math.min(64 << 10, Math.floor((640 << 10) / Math.max(1, shards))));
}

