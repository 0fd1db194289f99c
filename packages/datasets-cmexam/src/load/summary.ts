// One readable paragraph from a load summary, for CLI messages and notebooks.
import type { LoadSummary } from '@medeval/core';

/**
 * One line saying what a load read, kept and skipped, and why (for the CLI and logs).
 *
 * @example
 * console.log(describeLoadSummary(dataset.summary())); // e.g. 'val.csv: 6,811 rows read, 6,811 loaded'
 */
export function describeLoadSummary(summary: LoadSummary): string {
  const lines = [`${summary.source}: ${summary.read} rows read, ${summary.loaded} loaded, ${summary.skipped} skipped`];
  for (const [reason, count] of Object.entries(summary.reasons)) lines.push(`  skipped ${count}× ${reason}`);
  for (const problem of summary.problems.slice(0, 5)) lines.push(`  e.g. ${problem.reason}`);
  const stats = summary.stats ?? {};
  const notes = [
    stats['emptyAnswer'] ? `${stats['emptyAnswer']} with no correct option` : '',
    stats['multiAnswer'] ? `${stats['multiAnswer']} multi-answer` : '',
    stats['emptyExplanation'] ? `${stats['emptyExplanation']} without explanation` : '',
  ].filter(Boolean);
  if (notes.length > 0) lines.push(`  kept: ${notes.join(', ')}`);
  return lines.join('\n');
}
