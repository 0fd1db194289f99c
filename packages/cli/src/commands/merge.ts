// `medeval merge DIR... --out DIR`: the run folders of the shards of one run (`run --shard I/N` on N
// machines: a Kubernetes Indexed Job, a Slurm array) into one ordinary run folder, with every number
// computed again from the records by core's mergeRuns() — exactly the numbers of an unsharded run.
import { resolve } from 'node:path';
import { type Metric, type Task } from '@medeval/core';
import { MergeError, mergeRuns } from '@medeval/core/node';
import { booleanOption, listOption, stringOption } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import { InputError, UsageError } from '../errors.js';
import { expandPaths } from '../globs.js';
import type { CliIO } from '../io.js';
import { loadMetricPlugins } from '../plugins.js';
import { buildTask, isTaskName, TASK_NAMES } from '../tasks.js';
import { medevalVersions } from '../versions.js';
import { judgeFor } from './judge-option.js';
import { readRun, refuseOverwrite } from './run-folders.js';
import { finishRun } from './tables.js';

export const spec: CommandSpec = {
  name: 'merge',
  summary: 'merge the run folders of the shards of one run (run --shard I/N) into one run folder',
  usage: ['medeval merge DIR [DIR ...] --out DIR [--partial] [--metric PATH] [--judge SPEC] [--overwrite]'],
  details: [
    'The folders must be the shards of one run: the same task, data fingerprint, model, protocol, seed, --limit ' +
      'and number of shards, each shard once. A missing shard is an error naming it (exit 1) unless --partial. ' +
      'Every metric, interval, slice and count is computed again from the records in the order of the unsharded ' +
      'run (corpus BLEU/ROUGE over all samples), so the merged folder equals a run without shards.',
    'Shards run with --metric plugins or --judge on a free-text task need the same --metric / --judge here.',
  ],
  options: {
    out: { type: 'string', short: 'o', value: 'DIR', description: 'the merged run folder (required)' },
    partial: { type: 'boolean', description: 'merge although shards are missing (results.json merged.missing names them)' },
    metric: { type: 'string', value: 'PATH', multiple: true, description: 'the metric plugins the shards ran with' },
    judge: { type: 'string', value: 'SPEC', description: 'the judge the shards ran with, for its rubric metrics' },
    overwrite: { type: 'boolean', description: 'replace a run already in the --out folder' },
    quiet: { type: 'boolean', description: 'print no tables' },
    full: { type: 'boolean', description: 'print every table' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, name: 'DIR' },
  examples: ['medeval merge runs/shard-* --out runs/merged', 'medeval merge runs/s0 runs/s2 --out runs/partial --partial'],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const out = stringOption(args.values, 'out');
  if (out === undefined) throw new UsageError('merge needs --out DIR (the merged run folder)', spec.name);
  const dirs = await expandPaths(args.positionals, { cwd: io.cwd, kind: 'directory', label: 'DIR', command: spec.name });
  const first = (await readRun(resolve(io.cwd, dirs[0]!), dirs[0]!)).results;
  const taskName = first.task.name;
  if (!isTaskName(taskName)) throw new InputError(`${dirs[0]}: task "${taskName}" is not one this medeval knows (${TASK_NAMES.join(', ')})`);
  const task: Task = await buildTask(taskName, { protocol: first.protocol.name });
  const metricFiles = await expandPaths(listOption(args.values, 'metric'), { cwd: io.cwd, kind: 'any', label: '--metric', command: spec.name });
  const plugins = await loadMetricPlugins(metricFiles, io.cwd);
  const judge = judgeFor(stringOption(args.values, 'judge'), task, taskName, io, spec.name);
  const metrics: Metric[] = [...plugins.map((p) => p.metric), ...(judge?.metrics ?? [])];
  refuseOverwrite(resolve(io.cwd, out), out, booleanOption(args.values, 'overwrite'));
  let result;
  try {
    result = await mergeRuns({
      dirs: dirs.map((d) => resolve(io.cwd, d)),
      out: resolve(io.cwd, out),
      task,
      metrics,
      partial: booleanOption(args.values, 'partial'),
      versions: medevalVersions(taskName),
    });
  } catch (error) {
    if (error instanceof MergeError) throw new InputError(relativeTo(error.message, io.cwd), { cause: error });
    throw error;
  }
  const merged = result.merged!;
  io.stderr.write(
    merged.missing.length
      ? `warning: partial merge: ${merged.shards.length} of ${merged.count} shards; missing ${merged.missing.map((i) => `${i}/${merged.count}`).join(', ')}\n`
      : `merged ${merged.count} shards\n`,
  );
  const load = result.task.dataset.load ?? { source: result.task.dataset.source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
  return finishRun(io, result, load, { out, quiet: booleanOption(args.values, 'quiet'), full: booleanOption(args.values, 'full') });
}

/** Messages name folders as the user typed them (relative to the working directory). */
function relativeTo(message: string, cwd: string): string {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return message.split(prefix).join('');
}
