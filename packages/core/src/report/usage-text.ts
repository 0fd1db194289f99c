// One line on what the answers cost, the same in the terminal, report.md, report.html and comparisons:
// "12,345 tokens (10,000 in · 2,345 out · 800 reasoning) · cost 0.0651 USD · this run: 2 requests, 2,468
// tokens, 0.0130 USD · latency p50 820 ms, p95 2,300 ms".
import type { UsageSummary, UsageTotals } from '../types.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Money with four significant decimals for small sums (a cheap run costs fractions of a cent). */
export function formatCost(cost: number, currency: string): string {
  const digits = cost !== 0 && Math.abs(cost) < 0.01 ? 6 : 4;
  return `${cost.toFixed(digits)} ${currency}`;
}

function tokensPart(t: UsageTotals): string {
  const parts = [`${integer.format(t.prompt_tokens)} in`, `${integer.format(t.completion_tokens)} out`];
  if (t.reasoning_tokens !== undefined) parts.push(`${integer.format(t.reasoning_tokens)} reasoning`);
  return `${integer.format(t.total_tokens)} tokens (${parts.join(' · ')})`;
}

/**
 * The usage of a run as one line, or undefined when results.json has no `usage`.
 *
 * @example
 * usageText(result.usage) // → "1,335 tokens (1,045 in · 290 out) · cost 0.007485 USD · this run: 10 requests, …"
 */
export function usageText(usage: UsageSummary | undefined): string | undefined {
  if (!usage) return undefined;
  const currency = usage.prices?.currency ?? 'USD';
  const parts = [tokensPart(usage)];
  if (usage.cost !== undefined) parts.push(`cost ${formatCost(usage.cost, currency)}`);
  if (usage.missing > 0) parts.push(`${integer.format(usage.missing)} answers without usage`);
  const fresh = usage.new;
  const sent = [`${integer.format(fresh.responses)} request${fresh.responses === 1 ? '' : 's'}`, `${integer.format(fresh.total_tokens)} tokens`];
  if (fresh.cost !== undefined) sent.push(formatCost(fresh.cost, currency));
  parts.push(`this run: ${sent.join(', ')}`);
  if (usage.latencyMs) parts.push(`latency p50 ${integer.format(usage.latencyMs.p50)} ms, p95 ${integer.format(usage.latencyMs.p95)} ms`);
  return parts.join(' · ');
}
