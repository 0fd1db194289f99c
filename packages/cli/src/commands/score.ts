// `medeval score`: score outputs that already exist (JSON Lines of {"id","output"}), with no model.
import { resolve } from 'node:path';
import { score } from '@medeval/core';
import { booleanOption, integerOption, listOption, requiredString, stringOption } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import { UsageError } from '../errors.js';
import { expandPaths } from '../globs.js';
import type { CliIO } from '../io.js';
import { loadMetricPlugins } from '../plugins.js';
import { createProgress } from '../progress.js';
import { combineShards } from '../shards.js';
import { strictTask } from '../strict.js';
import { refuseOverwrite } from './run-folders.js';
import { buildTask, checkTaskName, TASK_NAMES } from '../tasks.js';
import { finishRun } from './tables.js';
import { EVALUATION_OUTPUT_OPTIONS, JUDGE_OPTION } from '../args/shared-options.js';
import { judgeFor } from './judge-option.js';
import { medevalVersions } from '../versions.js';

export const spec: CommandSpec = {
  name: 'score',
  summary: 'score existing model outputs (JSON Lines) without a model',
  usage: ['medeval score --task T --data PATH --predictions FILE --out DIR [--protocol P] [--metric PATH] [--judge SPEC [--cache DIR]]'],
  details: [
    'FILE is JSON Lines, one {"id": string, "output": string} a line; id is the sample id (CMExam: the 0-based ' +
      'data-row index in its file, as a string; Huatuo: the 0-based line index). The outputs are parsed and scored ' +
      'exactly as `medeval run` would, and a full run folder is written. A line may also carry "reasoning": ' +
      'string (a reasoning model\'s trace): it is recorded and never extracted from.',
  ],
  options: {
    task: { type: 'string', value: 'T', description: `task: ${TASK_NAMES.join(', ')}` },
    data: { type: 'string', value: 'PATH', description: 'the data file the predictions are for', defaultText: "the package's bundled sample" },
    predictions: { type: 'string', value: 'FILE', description: 'JSON Lines of {"id","output"}' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'run folder to write' },
    protocol: { type: 'string', value: 'P', description: 'cmexam-paper, cmexam-gpt, huatuo, standard', defaultText: 'standard for the CMExam tasks, huatuo for huatuo' },
    'model-id': { type: 'string', value: 'NAME', description: 'who wrote the predictions, stored as model.id in results.json' },
    seed: { type: 'string', value: 'N', description: 'seed for bootstrap intervals', defaultText: '0' },
    ...JUDGE_OPTION,
    cache: { type: 'string', value: 'DIR', description: "response cache folder for the judge's requests" },
    concurrency: { type: 'string', short: 'j', value: 'N', description: 'judge requests in flight at once', defaultText: '32' },
    ...EVALUATION_OUTPUT_OPTIONS,
  },
  examples: [
    'medeval score --task cmexam --protocol cmexam-paper --data val.csv --predictions outputs.jsonl --out runs/val-paper',
    'medeval score --task huatuo --protocol huatuo --data test_datasets.jsonl --predictions answers.jsonl --out runs/huatuo',
  ],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const { values } = args;
  const taskName = checkTaskName(requiredString(values, 'task', spec.name), spec.name);
  const predictionsArg = requiredString(values, 'predictions', spec.name);
  const out = requiredString(values, 'out', spec.name);
  const dataArg = stringOption(values, 'data');
  const seed = integerOption(values, 'seed', spec.name, { min: 0 });
  const modelId = stringOption(values, 'model-id');
  const [predictions] = await expandPaths([predictionsArg], { cwd: io.cwd, kind: 'file', label: '--predictions', command: spec.name });
  if (!predictions) throw new Error('unreachable: expandPaths returns at least one path');
  const files = dataArg ? await expandPaths([dataArg], { cwd: io.cwd, kind: 'file', label: '--data', command: spec.name }) : [];
  const metricFiles = await expandPaths(listOption(values, 'metric'), { cwd: io.cwd, kind: 'any', label: '--metric', command: spec.name });
  const plugins = await loadMetricPlugins(metricFiles, io.cwd);

  const options = { protocol: stringOption(values, 'protocol'), seed, skipBadRows: booleanOption(values, 'skip-bad-rows') };
  const tasks = files.length
    ? await Promise.all(files.map((file) => buildTask(taskName, { ...options, data: resolve(io.cwd, file) })))
    : [await buildTask(taskName, options)];
  const combined = combineShards(tasks, files);
  const task = booleanOption(values, 'strict') ? strictTask(combined) : combined;
  const judge = judgeFor(stringOption(values, 'judge'), task, taskName, io, spec.name);
  const cache = stringOption(values, 'cache');
  const concurrency = integerOption(values, 'concurrency', spec.name, { min: 1, max: 4096 });
  if (!judge && (cache !== undefined || concurrency !== undefined)) {
    throw new UsageError(`--${cache !== undefined ? 'cache' : 'concurrency'} is for the judge's requests; it needs --judge`, spec.name);
  }
  refuseOverwrite(resolve(io.cwd, out), out, booleanOption(values, 'overwrite'));
  const progress = createProgress({ stream: io.stderr, env: io.env, label: `score ${taskName}` });
  let result;
  try {
    result = await score({
      task,
      versions: medevalVersions(taskName),
      predictions: resolve(io.cwd, predictions),
      out: resolve(io.cwd, out),
      ...(seed !== undefined ? { seed } : {}),
      ...(modelId !== undefined ? { modelId } : {}),
      ...(judge?.fallback ? { judge: judge.fallback } : {}),
      ...(booleanOption(values, 'allow-empty') ? { allowEmpty: true } : {}),
      ...(cache !== undefined ? { cache: resolve(io.cwd, cache) } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(plugins.length || judge?.metrics.length ? { metrics: [...plugins.map((p) => p.metric), ...(judge?.metrics ?? [])] } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.finish();
  }
  return finishRun(io, result, task.dataset.summary(), { out, quiet: booleanOption(values, 'quiet'), full: booleanOption(values, 'full') });
}
