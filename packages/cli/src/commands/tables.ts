// What `run` and `score` print: the report's overall table (per-dimension tables only with --full; they are
// always in report.md). The text comes from core's renderMarkdown, shown as aligned plain-text tables.
import { renderMarkdown, type LoadSummary, type ResultJson } from '@medeval/core';
import type { CliIO } from '../io.js';
import { plainTables } from './plain-tables.js';
import { printCounts, printLoadSummary, printPredictionsSummary } from './load-summary.js';

export function resultTables(result: ResultJson, full: boolean): string {
  return plainTables(resultMarkdown(result, full));
}

function resultMarkdown(result: ResultJson, full: boolean): string {
  const markdown = renderMarkdown(result);
  if (full) return markdown;
  const overall = markdown.indexOf('\n## ');
  const next = overall === -1 ? -1 : markdown.indexOf('\n## ', overall + 4);
  if (next === -1) return markdown;
  const dimensions = Object.keys(result.slices);
  return `${markdown.slice(0, next).trimEnd()}\n\n(${dimensions.length} more tables, by ${dimensions.join(', ')}: see report.md, or pass --full)\n`;
}

/** The end of `run` and `score`: load summary, predictions summary, counts, tables, run folder; the exit code. */
export function finishRun(io: CliIO, result: ResultJson, load: LoadSummary, view: { out: string; quiet: boolean; full: boolean }): number {
  printLoadSummary(io, load);
  printPredictionsSummary(io, result.predictions);
  const code = printCounts(io, result);
  if (!view.quiet) io.stdout.write(`\n${resultTables(result, view.full)}\n`);
  io.stdout.write(`Run folder: ${view.out}\n`);
  return code;
}
