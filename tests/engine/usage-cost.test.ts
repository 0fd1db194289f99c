// Usage, cost and budgets against a loopback server that reports token usage the way OpenAI does. The
// server's numbers are the reference: sums and costs are worked out here from what it sent, with prices
// chosen so every cost is an exact decimal (3 and 15 per million tokens).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BudgetReachedError, evaluate, openaiCompatible, OptionsError, type EvalRecord } from '@medeval/core';
import { readRunFolder } from '@medeval/core/node';
import { startOpenAIServer, type OpenAIServer, type Reply } from '../helpers/openai-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { answerFor, toyTask } from './fixtures/toy-task.mjs';

let dir: string;
let server: OpenAIServer | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-usage-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Question i: 100 + i prompt tokens, 20 + 2i completion tokens (of which i are reasoning tokens when i is even). */
const tokensOf = (i: number) => ({ prompt: 100 + i, completion: 20 + 2 * i, reasoning: i % 2 === 0 ? i : undefined });
function reply(question: string): Reply {
  const i = Number(/Q(\d+)/.exec(question)![1]);
  const t = tokensOf(i);
  return {
    content: answerFor(question),
    usage: {
      prompt_tokens: t.prompt,
      completion_tokens: t.completion,
      total_tokens: t.prompt + t.completion,
      ...(t.reasoning !== undefined ? { completion_tokens_details: { reasoning_tokens: t.reasoning } } : {}),
    },
  };
}

async function recordsOf(folder: string): Promise<EvalRecord[]> {
  const records: EvalRecord[] = [];
  for await (const record of (await readRunFolder(folder)).records()) records.push(record);
  return records;
}

const PRICES = { input: 3, output: 15 };

describe('usage and cost', () => {
  it('records carry usage and latency; results.json sums them and prices them exactly; a cached rerun shows new = 0', async () => {
    server = await startOpenAIServer({ respond: (messages) => reply(messages.at(-1)!.content), latencyMs: 5 });
    const model = openaiCompatible({ baseURL: server.url, model: 'toy', apiKey: 'k' });
    const cache = join(dir, 'cache-1');
    const n = 10;
    const first = await evaluate({ task: toyTask(n), model, cache, out: join(dir, 'run-1'), prices: PRICES });
    // Σ(100+i) = 1045, Σ(20+2i) = 290, Σ even i = 0+2+4+6+8 = 20, over i = 0…9.
    expect(first.usage).toMatchObject({
      responses: 10,
      prompt_tokens: 1045,
      completion_tokens: 290,
      total_tokens: 1335,
      reasoning_tokens: 20,
      missing: 0,
      prices: { input: 3, output: 15, currency: 'USD' },
      // (1045 × 3 + 290 × 15) / 1e6 = 7485 / 1e6
      cost: 0.007485,
    });
    expect(first.usage!.new).toEqual({ responses: 10, prompt_tokens: 1045, completion_tokens: 290, total_tokens: 1335, reasoning_tokens: 20, cost: 0.007485 });
    expect(first.usage!.latencyMs!.p50).toBeGreaterThanOrEqual(4);
    const records = await recordsOf(join(dir, 'run-1'));
    expect(records.map((r) => r.usage)).toEqual(
      Array.from({ length: n }, (_, i) => {
        const t = tokensOf(i);
        return { prompt_tokens: t.prompt, completion_tokens: t.completion, total_tokens: t.prompt + t.completion, ...(t.reasoning !== undefined ? { reasoning_tokens: t.reasoning } : {}) };
      }),
    );
    expect(records.every((r) => typeof r.latencyMs === 'number' && r.latencyMs >= 4)).toBe(true);

    const asked = server.requests.length;
    const again = await evaluate({ task: toyTask(n), model, cache, out: join(dir, 'run-1b'), prices: PRICES });
    expect(server.requests.length).toBe(asked);
    expect(again.usage).toMatchObject({ responses: 10, prompt_tokens: 1045, completion_tokens: 290, cost: 0.007485 });
    expect(again.usage!.new).toEqual({ responses: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost: 0 });
    expect(again.usage!.latencyMs).toBeUndefined();
    // The cached records keep what the answers cost when they were asked.
    expect((await recordsOf(join(dir, 'run-1b'))).map((r) => r.usage)).toEqual(records.map((r) => r.usage));
  });

  it('counts answers without usage as missing and prices nothing it does not know', async () => {
    server = await startOpenAIServer({ respond: (messages) => ({ content: answerFor(messages.at(-1)!.content), usage: null }) });
    const model = openaiCompatible({ baseURL: server.url, model: 'toy', apiKey: 'k' });
    const result = await evaluate({ task: toyTask(4), model, prices: PRICES });
    expect(result.usage).toMatchObject({ responses: 0, prompt_tokens: 0, missing: 4, cost: 0, new: { responses: 0 } });
  });
});

describe('budgets', () => {
  it('--max-tokens stops before going over, writes the folder, and a rerun from the cache finishes', async () => {
    // Every request costs 130 tokens: a budget of 1000 holds exactly 7 (910); the 8th would go over.
    server = await startOpenAIServer({
      respond: (messages) => ({ content: answerFor(messages.at(-1)!.content), usage: { prompt_tokens: 100, completion_tokens: 30, total_tokens: 130 } }),
      latencyMs: 2,
    });
    const model = openaiCompatible({ baseURL: server.url, model: 'toy', apiKey: 'k' });
    const cache = join(dir, 'cache-budget');
    const n = 20;
    const error = await rejectionOf(
      evaluate({ task: toyTask(n), model, cache, out: join(dir, 'run-budget'), concurrency: 4, maxTokens: 1000 }),
      BudgetReachedError,
    );
    expect(server.requests.length).toBe(7);
    expect(error.unasked).toBe(13);
    expect(error.spent.tokens).toEqual({ spent: 910, limit: 1000 });
    expect(error.message).toBe('budget reached: spent 910 of max 1000 tokens on new requests; 13 samples not asked');
    const records = await recordsOf(join(dir, 'run-budget'));
    expect(records.filter((r) => r.status === 'error' && r.error === 'not asked: the budget is spent')).toHaveLength(13);

    const finished = await evaluate({ task: toyTask(n), model, cache, out: join(dir, 'run-budget-2') });
    expect(server.requests.length).toBe(n);
    expect(finished.counts.errors).toBe(0);
    expect(finished.usage!.new.responses).toBe(13);
  });

  it('--max-cost: requests that grow dearer overshoot by at most their growth over the dearest one before', async () => {
    // Question i costs (100 + i) × 3 + (20 + 2i) × 15 per million = 600 + 33i micro-dollars.
    server = await startOpenAIServer({ respond: (messages) => reply(messages.at(-1)!.content), latencyMs: 2 });
    const model = openaiCompatible({ baseURL: server.url, model: 'toy', apiKey: 'k' });
    const error = await rejectionOf(evaluate({ task: toyTask(40), model, concurrency: 4, prices: PRICES, maxCost: 0.006 }), BudgetReachedError);
    const costs = server.requests.map((r) => 600 + 33 * Number(/Q(\d+)/.exec(r.messages.at(-1)!.content)![1]));
    const spentMicro = costs.reduce((a, b) => a + b, 0);
    expect(error.spent.cost!.spent).toBeCloseTo(spentMicro / 1e6, 15);
    // Every request but the first was admitted on the estimate "the dearest so far": the run may pass the
    // limit only by how much dearer the requests in flight turned out than that.
    // The dearest seen is at least the first request's cost, so this bounds it from above.
    const growth = costs.slice(1).reduce((sum, c) => sum + c - costs[0]!, 0);
    expect(spentMicro).toBeLessThanOrEqual(6000 + growth);
    expect(spentMicro + 600).toBeGreaterThan(6000 - 33 * 40); // and it did not stop far too early
    expect(error.unasked).toBe(40 - server.requests.length);
  });

  it('a server that reports no usage stops a budgeted run after one answer', async () => {
    server = await startOpenAIServer({ respond: (messages) => ({ content: answerFor(messages.at(-1)!.content), usage: null }) });
    const model = openaiCompatible({ baseURL: server.url, model: 'toy', apiKey: 'k' });
    const error = await rejectionOf(evaluate({ task: toyTask(6), model, concurrency: 4, prices: PRICES, maxCost: 1 }), BudgetReachedError);
    expect(server.requests.length).toBe(1);
    expect(error.spent.reason).toBe('no-usage');
    expect(error.message).toMatch(/reported no token usage.*5 samples not asked/);
  });

  it('maxCost without prices is an options error', async () => {
    const model = openaiCompatible({ baseURL: 'http://127.0.0.1:9/v1', model: 'toy', apiKey: 'k' });
    const error = await rejectionOf(evaluate({ task: toyTask(2), model, maxCost: 1 }), OptionsError);
    expect(error.message).toContain('maxCost: needs prices');
  });
});
