// `medeval compare DIR_A DIR_B [...]`: runs side by side on the samples they share, with paired
// significance (exact McNemar for accuracy, paired bootstrap otherwise), computed by core's compare().
// The metrics are rebuilt from each run's task and protocol names through the dataset packages.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compare, renderComparisonHtml, renderComparisonMarkdown } from '@medeval/core';
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
  usage: ['medeval compare DIR_A DIR_B [DIR_C ...] [--json] [--format md|html] [--out FILE]'],
  details: [
    'Every metric on the samples the runs share, B − A with a paired 95% interval and p-value (exact two-sided ' +
      'McNemar for accuracy, paired bootstrap for the rest), overall and per slice. With more than two runs each ' +
      'is compared against the first. DIR arguments may be glob patterns (runs/*). Runs of different tasks or ' +
      'protocols are refused.',
    '--json prints {"n", "metrics": {name: {"a", "b", "delta", "ci95", "p"}}, "slices": {...}} for two runs ' +
      '(delta = b − a); for more runs, {"baseline": DIR_A, "comparisons": {DIR: that object}}.',
  ],
  options: {
    json: { type: 'boolean', description: 'print the comparison as JSON' },
    format: { type: 'string', short: 'f', value: 'FMT', description: 'md or html (ignored with --json)', defaultText: 'md' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE instead of stdout' },
    seed: { type: 'string', value: 'N', description: 'seed of the paired bootstrap', defaultText: "the first run's seed" },
  },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY, name: 'DIR' },
  examples: ['medeval compare runs/gpt-4o runs/qwen2.5-7b', 'medeval compare runs/* --format html --out table.html', 'medeval compare a b --json'],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choiceOption(args.values, 'format', spec.name, ['md', 'html'] as const) ?? 'md';
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
  let text: string;
  if (booleanOption(args.values, 'json')) text = `${JSON.stringify(comparison, null, 2)}\n`;
  else text = format === 'html' ? renderComparisonHtml(comparison) : renderComparisonMarkdown(comparison);
  const out = stringOption(args.values, 'out');
  if (out) {
    await writeFile(resolve(io.cwd, out), text);
    io.stderr.write(`wrote ${out}\n`);
  } else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
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
