// Rows the loader skipped are always reported (file, row and reason); nothing is dropped silently.
import type { LoadSummary, ResultJson } from '@medeval/core';
import type { CliIO } from '../io.js';
import { locate } from '../strict.js';

const SHOWN = 10;

export function printLoadSummary(io: CliIO, summary: LoadSummary): void {
  if (summary.skipped === 0) return;
  const reasons = Object.entries(summary.reasons)
    .map(([reason, count]) => `${reason} (${count})`)
    .join(', ');
  io.stderr.write(`warning: ${summary.source}: ${summary.skipped} of ${summary.read} rows skipped: ${reasons}\n`);
  for (const problem of summary.problems.slice(0, SHOWN)) {
    io.stderr.write(`  ${locate(summary.source, problem)}\n`);
  }
  if (summary.problems.length > SHOWN) io.stderr.write(`  ... and ${summary.skipped - SHOWN} more\n`);
}

/** Samples that failed or could not be parsed are in the numbers' denominators: say so on stderr. */
/**
 * Prints the failure and parse counts; returns the exit code: 1 when every sample failed (a server that
 * never answers, or predictions for another file), so scripts notice; the run folder is written either way.
 */
export function printCounts(io: CliIO, result: ResultJson): number {
  const { samples, errors, unparsed, empty } = result.counts;
  const truncated = result.counts.truncated ?? 0;
  if (errors > 0) io.stderr.write(`warning: ${errors} of ${samples} samples failed (status "error" in records.jsonl, with the message)\n`);
  if (unparsed + empty + truncated > 0) {
    const cut = truncated > 0 ? `, ${truncated} truncated (cut off before an answer)` : '';
    io.stderr.write(`note: ${unparsed} unparsed, ${empty} empty${cut} outputs of ${samples} samples\n`);
  }
  const judge = result.extraction?.judge;
  if (judge) {
    io.stderr.write(
      `note: judge ${judge.model} read ${judge.asked} unparsed outputs: ${judge.answered} answered, ` +
        `${judge.asked - judge.answered - judge.failed} with no answer, ${judge.failed} without a usable reply\n`,
    );
  }
  if (samples > 0 && errors === samples) {
    io.stderr.write('error: every sample failed, so there is nothing to score; see the messages in records.jsonl\n');
    return 1;
  }
  return 0;
}

export interface PredictionsSummaryLike {
  source: string;
  read: number;
  matched: number;
  missing: number;
  unknown: number;
  unknownIds: Array<{ id: string; line: number } | string>;
}

/** Predictions with no sample, and samples with no prediction, are reported, never dropped silently. */
export function printPredictionsSummary(io: CliIO, summary: PredictionsSummaryLike | undefined): void {
  if (!summary) return;
  if (summary.missing > 0) {
    io.stderr.write(`warning: ${summary.source}: ${summary.missing} samples have no prediction (recorded with status "error")\n`);
  }
  if (summary.unknown > 0) {
    const shown = summary.unknownIds.slice(0, 5).map((u) => (typeof u === 'string' ? u : `"${u.id}" (line ${u.line})`));
    io.stderr.write(`warning: ${summary.source}: ${summary.unknown} ids are not in the data, e.g. ${shown.join(', ')}\n`);
  }
}
