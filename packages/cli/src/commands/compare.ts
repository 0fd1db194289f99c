// `medeval compare DIR_A DIR_B [...]`: runs side by side on the samples they share, with paired
// significance (exact McNemar for accuracy, paired bootstrap otherwise), computed by core's compare().
// The metrics are rebuilt from each run's task and protocol names through the dataset packages.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compare, comparePairwise, escapeHtml, modelFromSpec, renderComparisonMarkdown, renderComparisonReport, type PairwiseResult } from '@medeval/core';
import { pairwiseText } from '@medeval/core/internal';
import { booleanOption, choiceOption, integerOption, stringOption } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import { InputError, UsageError } from '../errors.js';
import { expandPaths } from '../globs.js';
import type { CliIO } from '../io.js';
import { metricsFor } from '../tasks.js';
import { readRun, type RunFolder } from './run-folders.js';

export const spec: CommandSpec = {
  name: 'compare',
  summary: 'compare run folders on their common samples, with paired significance',
  usage: ['medeval compare DIR_A DIR_B [DIR_C ...] [--json] [--html | --format md|html] [--max-samples N] [--out FILE]'],
  details: [
    'Every metric on the samples the runs share, B − A with a paired 95% interval and p-value (exact two-sided ' +
      'McNemar for accuracy, paired bootstrap for the rest), overall and per slice. With more than two runs each ' +
      'is compared against the first. DIR arguments may be glob patterns (runs/*). Runs of different tasks or ' +
      'protocols are refused.',
    '--json prints {"n", "metrics": {name: {"a", "b", "delta", "ci95", "p"}}, "slices": {...}} for two runs ' +
      '(delta = b − a); for more runs, {"baseline": DIR_A, "comparisons": {DIR: that object}}.',
    '--html (same as --format html) writes one self-contained page: the paired tests on top, then every common ' +
      'sample with the runs side by side, filters per run (e.g. A right, B wrong), search and a link per sample.',
  ],
  options: {
    json: { type: 'boolean', description: 'print the comparison as JSON' },
    format: { type: 'string', short: 'f', value: 'FMT', description: 'md or html (ignored with --json)', defaultText: 'md' },
    html: { type: 'boolean', description: 'the HTML page with the sample viewer (same as --format html)' },
    'max-samples': { type: 'string', value: 'N', description: 'common samples the HTML viewer embeds (the first N)', defaultText: '100000' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE instead of stdout' },
    seed: { type: 'string', value: 'N', description: 'seed of the paired bootstrap', defaultText: "the first run's seed" },
    'pairwise-judge': {
      type: 'string',
      value: 'SPEC',
      description: 'a judge model says which answer is better on every common sample, asked in both orders (free-text tasks, two runs): win rate with interval and p',
    },
    cache: { type: 'string', value: 'DIR', description: "response cache for the pairwise judge's requests" },
    concurrency: { type: 'string', short: 'j', value: 'N', description: "the pairwise judge's requests in flight", defaultText: '32' },
  },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY, name: 'DIR' },
  examples: ['medeval compare runs/gpt-4o runs/qwen2.5-7b', 'medeval compare runs/* --format html --out table.html', 'medeval compare a b --json'],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const chosen = choiceOption(args.values, 'format', spec.name, ['md', 'html'] as const);
  if (booleanOption(args.values, 'html') && chosen === 'md') throw new UsageError('--html and --format md contradict each other', spec.name);
  const format = booleanOption(args.values, 'html') ? 'html' : (chosen ?? 'md');
  const seed = integerOption(args.values, 'seed', spec.name, { min: 0 });
  const dirs = await expandPaths(args.positionals, { cwd: io.cwd, kind: 'directory', label: 'DIR', command: spec.name });
  if (dirs.length < 2) throw new UsageError(`compare needs at least two run folders, got ${dirs.length}`, spec.name);
  const runs: RunFolder[] = [];
  for (const dir of dirs) runs.push(await readRun(resolve(io.cwd, dir), dir));
  checkComparable(runs, dirs);
  const first = runs[0]!.results;
  const metrics = await metricsFor(first.task.name, first.protocol.name, dirs[0]!);
  const comparison = await compare({
    runs: runs.map((run, i) => ({ name: dirs[i]!, results: run.results, records: run.records() })),
    metrics,
    ...(seed !== undefined ? { seed } : {}),
  });
  const pairwise = await pairwiseFor(args, io, runs, dirs);
  let text: string;
  if (booleanOption(args.values, 'json')) text = `${JSON.stringify(pairwise ? { ...comparison, pairwise } : comparison, null, 2)}\n`;
  else if (format === 'html') {
    const maxSamples = integerOption(args.values, 'max-samples', spec.name, { min: 0 });
    text = await renderComparisonReport(comparison, runs.map((run, i) => ({ name: dirs[i]!, result: run.results, records: run.records() })), maxSamples !== undefined ? { maxSamples } : {});
    if (pairwise) text = text.replace('<section id="medeval-viewer"', `<section><h2>Pairwise judge</h2><p>${escapeHtml(pairwiseText(pairwise, dirs[0]!, dirs[1]!))}</p></section>\n<section id="medeval-viewer"`);
  } else {
    text = renderComparisonMarkdown(comparison);
    if (pairwise) text = `${text.trimEnd()}\n\n## Pairwise judge\n\n${pairwiseText(pairwise, dirs[0]!, dirs[1]!)}\n`;
  }
  const out = stringOption(args.values, 'out');
  if (out) {
    await writeFile(resolve(io.cwd, out), text);
    io.stderr.write(`wrote ${out}\n`);
  } else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

const FREE_TEXT_TASKS = ['huatuo', 'cmexam-explanation', 'cmexam-joint', 'cmb-clin'];

/** `--pairwise-judge SPEC`: two runs of a free-text task judged pairwise, or undefined without the flag. */
async function pairwiseFor(args: ParsedArgs, io: CliIO, runs: RunFolder[], dirs: string[]): Promise<PairwiseResult | undefined> {
  const spec = stringOption(args.values, 'pairwise-judge');
  const cache = stringOption(args.values, 'cache');
  const concurrency = integerOption(args.values, 'concurrency', 'compare', { min: 1, max: 4096 });
  if (spec === undefined) {
    if (cache !== undefined || concurrency !== undefined) throw new UsageError(`--${cache !== undefined ? 'cache' : 'concurrency'} is for --pairwise-judge`, 'compare');
    return undefined;
  }
  if (runs.length !== 2) throw new UsageError(`--pairwise-judge compares exactly two runs, got ${runs.length}`, 'compare');
  const task = runs[0]!.results.task.name;
  if (!FREE_TEXT_TASKS.includes(task)) throw new UsageError(`--pairwise-judge is for free-text tasks (${FREE_TEXT_TASKS.join(', ')}); ${dirs[0]} is "${task}"`, 'compare');
  let judge;
  try {
    judge = modelFromSpec(spec, { env: io.env });
  } catch (error) {
    throw new UsageError(`--pairwise-judge: ${(error as Error).message}`, 'compare');
  }
  const { fileCache } = await import('@medeval/core/node');
  const opened = cache !== undefined ? await fileCache(resolve(io.cwd, cache)) : undefined;
  try {
    return await comparePairwise({
      a: { name: dirs[0]!, records: runs[0]!.records() },
      b: { name: dirs[1]!, records: runs[1]!.records() },
      judge,
      cache: opened,
      ...(concurrency !== undefined ? { concurrency } : {}),
      seed: runs[0]!.results.manifest.seed,
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    await opened?.close?.();
  }
}

/** Same task and protocol, or a message that says which runs differ and how. */
function checkComparable(runs: RunFolder[], dirs: string[]): void {
  const a = runs[0]!.results;
  runs.forEach((run, i) => {
    const b = run.results;
    if (b.task.name !== a.task.name) {
      throw new InputError(`cannot compare runs of different tasks: ${dirs[0]} is "${a.task.name}", ${dirs[i]} is "${b.task.name}"`);
    }
    if (b.protocol.name !== a.protocol.name) {
      throw new InputError(
        `cannot compare runs of different protocols: ${dirs[0]} used "${a.protocol.name}", ${dirs[i]} used "${b.protocol.name}"; ` +
          're-score one of them with --protocol to match',
      );
    }
  });
}
