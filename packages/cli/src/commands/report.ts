// `medeval report DIR`: re-render a run folder as Markdown, HTML or JSON (stdout, or --out FILE).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderHtml, renderJson, renderMarkdown } from '@medeval/core';
import { choiceOption, integerOption, stringOption } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import { expandPaths } from '../globs.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../errors.js';
import { readRun } from './run-folders.js';

export const spec: CommandSpec = {
  name: 'report',
  summary: 're-render a run folder as Markdown, HTML or JSON',
  usage: ['medeval report DIR [--format md|html|json] [--max-samples N] [--out FILE]'],
  details: [
    'Reads results.json and records.jsonl of a run folder and prints the report: md = the tables of report.md, ' +
      'html = the self-contained page of report.html (loads nothing from the network), json = results.json as rendered by core.',
  ],
  options: {
    format: { type: 'string', short: 'f', value: 'FMT', description: 'md, html or json', defaultText: 'md' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE instead of stdout' },
    'max-samples': { type: 'string', value: 'N', description: 'samples the HTML viewer embeds (the first N)', defaultText: '100000' },
  },
  positionals: { min: 1, max: 1, name: 'DIR (a run folder)' },
  examples: ['medeval report medeval-runs/2025-01-01T00-00-00Z/cmexam', 'medeval report runs/gpt4 --format html --out gpt4.html'],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choiceOption(args.values, 'format', spec.name, ['md', 'html', 'json'] as const) ?? 'md';
  const dirs = await expandPaths(args.positionals, { cwd: io.cwd, kind: 'directory', label: 'DIR', command: spec.name });
  if (dirs.length > 1) throw new UsageError(`DIR ${args.positionals[0]} matches ${dirs.length} folders; report renders one run`, spec.name);
  const dir = dirs[0]!;
  const folder = await readRun(resolve(io.cwd, dir), dir);
  const results = folder.results;
  const maxSamples = integerOption(args.values, 'max-samples', spec.name, { min: 0 });
  const html = () => renderHtml(results, folder.records(), maxSamples !== undefined ? { maxSamples } : {});
  const text = format === 'md' ? renderMarkdown(results) : format === 'html' ? await html() : renderJson(results);
  const out = stringOption(args.values, 'out');
  if (out) {
    await writeFile(resolve(io.cwd, out), text.endsWith('\n') ? text : `${text}\n`);
    io.stderr.write(`wrote ${out}\n`);
  } else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
