import { describe, expect, it } from 'vitest';
import { costOf, recordUsage, UsageAccumulator } from './usage.js';

describe('recordUsage', () => {
  it("maps the server's counts to OpenAI's field names; a missing total is the sum of the parts", () => {
    expect(recordUsage({ promptTokens: 12, completionTokens: 30, totalTokens: 42, reasoningTokens: 7 })).toEqual({
      prompt_tokens: 12,
      completion_tokens: 30,
      total_tokens: 42,
      reasoning_tokens: 7,
    });
    expect(recordUsage({ promptTokens: 12, completionTokens: 30 })).toEqual({ prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 });
  });

  it('is undefined when the server reported no token counts (or nonsense)', () => {
    expect(recordUsage(undefined)).toBeUndefined();
    expect(recordUsage({})).toBeUndefined();
    expect(recordUsage({ promptTokens: -1, completionTokens: 1.5 })).toBeUndefined();
  });
});

describe('UsageAccumulator', () => {
  it('sums all answers and the new ones apart, skips errors, counts answers without usage', () => {
    const acc = new UsageAccumulator({ input: 0.5, output: 2 });
    acc.add({ status: 'ok', cached: false, usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }, latencyMs: 100 });
    acc.add({ status: 'unparsed', cached: true, usage: { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27 }, latencyMs: 900 });
    acc.add({ status: 'ok', cached: false, latencyMs: 300 });
    acc.add({ status: 'error', cached: false });
    const summary = acc.finish()!;
    expect(summary).toEqual({
      responses: 2,
      prompt_tokens: 30,
      completion_tokens: 12,
      total_tokens: 42,
      cost: (30 * 0.5 + 12 * 2) / 1e6,
      missing: 1,
      prices: { input: 0.5, output: 2, currency: 'USD' },
      new: { responses: 1, prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, cost: (10 * 0.5 + 5 * 2) / 1e6 },
      // Only requests sent in this run (100 and 300 ms; numpy's linear percentiles).
      latencyMs: { mean: 200, p50: 200, p95: 290, max: 300 },
    });
  });

  it('has nothing to say for a run without usage or requests (a baseline, predictions)', () => {
    const acc = new UsageAccumulator();
    acc.add({ status: 'ok', cached: false });
    expect(acc.finish()).toBeUndefined();
  });

  it('costOf: per million tokens', () => {
    expect(costOf(1_000_000, 500_000, { input: 0.15, output: 0.6 })).toBeCloseTo(0.45, 15);
    expect(costOf(1045, 290, { input: 3, output: 15 })).toBe(0.007485);
  });
});
