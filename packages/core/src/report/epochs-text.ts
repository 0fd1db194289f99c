// One line on a run with repeats (epochs), the same in the terminal, report.md and report.html:
// "3 epochs over 6,811 questions · Acc 61.20 ± 0.93 (standard error clustered by question) · maj@3 62.10 · pass@3 70.40".
import type { EpochSummary } from '../types.js';
import { metricLabel } from './format.js';

/**
 * The epochs summary as one line, or undefined for a run without repeats.
 *
 * @example
 * epochsText(result.epochs) // → "3 epochs over 4 questions · Acc 33.33 ± 13.61 (SE clustered by question) · maj@3 25.00 · pass@3 75.00"
 */
export function epochsText(epochs: EpochSummary | undefined): string | undefined {
  if (!epochs) return undefined;
  const k = epochs.epochs;
  if (epochs.circular) {
    const parts = [`CircularEval over ${epochs.questions.toLocaleString('en-US')} questions (each asked once per rotation of its options)`];
    for (const [name, m] of Object.entries(epochs.metrics)) {
      const all = m.all === undefined ? 'n/a' : m.all.toFixed(2); // absent in results written before it existed
      parts.push(`${metricLabel(name)} circular ${all} (every rotation right) vs ${m.mean.toFixed(2)} over all rotations`);
    }
    return parts.join(' · ');
  }
  const parts = [`${k} epochs over ${epochs.questions.toLocaleString('en-US')} questions`];
  for (const [name, m] of Object.entries(epochs.metrics)) {
    const se = m.stderr === null ? '' : ` ± ${m.stderr.toFixed(2)}`;
    parts.push(`${metricLabel(name)} ${m.mean.toFixed(2)}${se} (SE clustered by question) · maj@${k} ${m.majority.toFixed(2)} · pass@${k} ${m.pass.toFixed(2)}`);
  }
  return parts.join(' · ');
}
