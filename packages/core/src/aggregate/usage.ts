// Tokens, cost and latency of a run, summed from its records: all answers (what the answers cost, also
// when they came from the cache) and the `new` ones (what this run sent). Token sums are exact integers;
// the cost is computed once from the sums (not added up per record), so it is exact to the last digit a
// double allows. Memory: a few counters plus one number per new request (for the latency percentiles).
import { quantileSorted } from '../stats/percentile.js';
import type { EvalRecord, RecordUsage, ResponseUsage, UsageSummary, UsageTotals } from '../types.js';

/** Prices per million tokens. Reasoning tokens are billed as output (they are part of completion_tokens). */
export interface Prices {
  input: number;
  output: number;
  /** Default USD. */
  currency?: string;
}

class Totals {
  responses = 0;
  prompt = 0;
  completion = 0;
  total = 0;
  reasoning = 0;
  sawReasoning = false;

  add(usage: RecordUsage): void {
    this.responses++;
    this.prompt += usage.prompt_tokens;
    this.completion += usage.completion_tokens;
    this.total += usage.total_tokens;
    if (usage.reasoning_tokens !== undefined) {
      this.reasoning += usage.reasoning_tokens;
      this.sawReasoning = true;
    }
  }

  json(prices: Prices | undefined): UsageTotals {
    return {
      responses: this.responses,
      prompt_tokens: this.prompt,
      completion_tokens: this.completion,
      total_tokens: this.total,
      ...(this.sawReasoning ? { reasoning_tokens: this.reasoning } : {}),
      ...(prices ? { cost: costOf(this.prompt, this.completion, prices) } : {}),
    };
  }
}

/**
 * The cost of a number of prompt and completion tokens at prices per million tokens.
 *
 * @example
 * costOf(1_000_000, 500_000, { input: 0.15, output: 0.6 }); // 0.45
 */
export function costOf(promptTokens: number, completionTokens: number, prices: Prices): number {
  return (promptTokens * prices.input + completionTokens * prices.output) / 1_000_000;
}

/** Accumulates records' usage and latency; `finish()` gives results.json `usage` (undefined if nothing to say). */
export class UsageAccumulator {
  private readonly all = new Totals();
  private readonly fresh = new Totals();
  private readonly latencies: number[] = [];
  private missing = 0;
  private answered = 0;

  constructor(private readonly prices?: Prices) {}

  add(record: Pick<EvalRecord, 'status' | 'cached' | 'usage' | 'latencyMs'>): void {
    if (record.status === 'error') return; // no answer (a failed call or a sample never asked)
    this.answered++;
    if (record.usage) {
      this.all.add(record.usage);
      if (!record.cached) this.fresh.add(record.usage);
    } else this.missing++;
    if (!record.cached && typeof record.latencyMs === 'number') this.latencies.push(record.latencyMs);
  }

  /** `quietWithoutTokens`: nothing to say when no answer reported tokens (a function model's latencies are not usage). */
  finish(quietWithoutTokens = false): UsageSummary | undefined {
    if (this.all.responses === 0 && (quietWithoutTokens || this.latencies.length === 0)) return undefined;
    const prices = this.prices ? { input: this.prices.input, output: this.prices.output, currency: this.prices.currency ?? 'USD' } : undefined;
    return {
      ...this.all.json(prices),
      missing: this.missing,
      ...(prices ? { prices } : {}),
      new: this.fresh.json(prices),
      ...(this.latencies.length ? { latencyMs: latencySummary(this.latencies) } : {}),
    };
  }
}

function latencySummary(values: number[]): { mean: number; p50: number; p95: number; max: number } {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / sorted.length, p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95), max: sorted[sorted.length - 1]! };
}

/**
 * A response's usage in a record's field names, or undefined when the server reported no token counts.
 * A missing total is the sum of the parts (some servers omit it).
 */
export function recordUsage(usage: ResponseUsage | undefined): RecordUsage | undefined {
  if (!usage) return undefined;
  const count = (x: unknown): number | undefined => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined);
  const prompt = count(usage.promptTokens);
  const completion = count(usage.completionTokens);
  if (prompt === undefined && completion === undefined) return undefined;
  const reasoning = count(usage.reasoningTokens);
  return {
    prompt_tokens: prompt ?? 0,
    completion_tokens: completion ?? 0,
    total_tokens: count(usage.totalTokens) ?? (prompt ?? 0) + (completion ?? 0),
    ...(reasoning !== undefined ? { reasoning_tokens: reasoning } : {}),
  };
}
