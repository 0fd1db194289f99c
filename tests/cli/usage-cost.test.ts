// `medeval run` with prices and budgets against the loopback server: usage and cost in the terminal and in
// results.json, a token budget that stops the run with exit 1 and a resumable folder, and the option errors.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let server: OpenAIServer;
beforeAll(async () => {
  assertBuilt();
  // Every answer: 200 prompt tokens and 50 completion tokens, 10 of them reasoning.
  server = await startOpenAIServer({
    respond: () => ({
      content: '答案：A',
      usage: { prompt_tokens: 200, completion_tokens: 50, total_tokens: 250, completion_tokens_details: { reasoning_tokens: 10 } },
    }),
  });
});
afterAll(async () => {
  await server?.close();
});

const env = { MEDEVAL_API_KEY: 'k', CI: 'true' };
const model = () => `openai-compatible:${server.url}#priced-model`;

describe('medeval run: usage and cost', () => {
  it('prints and stores the usage, priced with --price-in/--price-out; a cached rerun sends nothing new', async () => {
    const dir = await tempDir();
    const args = ['run', '--task', 'cmexam', '--model', model(), '--limit', '8', '--cache', 'cache', '--price-in', '2.5', '--price-out', '10'];
    const first = await medeval([...args, '--out', 'first'], { cwd: dir, env });
    expect(first.code, first.stderr).toBe(0);
    // 8 × 250 = 2,000 tokens; (1,600 × 2.5 + 400 × 10) / 1e6 = 0.008 USD.
    expect(first.stdout).toContain('Usage: 2,000 tokens (1,600 in · 400 out · 80 reasoning) · cost 0.008000 USD · this run: 8 requests, 2,000 tokens, 0.008000 USD');
    const results = JSON.parse(await readFile(join(dir, 'first', 'results.json'), 'utf8'));
    expect(results.usage).toMatchObject({ responses: 8, total_tokens: 2000, cost: 0.008, new: { responses: 8, cost: 0.008 } });
    expect(await readFile(join(dir, 'first', 'report.md'), 'utf8')).toContain('- Usage: 2,000 tokens');

    const asked = server.requests.length;
    const again = await medeval([...args, '--out', 'again'], { cwd: dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(server.requests.length).toBe(asked);
    expect(again.stdout).toContain('cost 0.008000 USD · this run: 0 requests, 0 tokens, 0.0000 USD');
  });

  it('a price table by model name', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'prices.json'), JSON.stringify({ 'priced-model': { input: 1, output: 4, currency: 'CNY' } }));
    const result = await medeval(['run', '--task', 'cmexam', '--model', model(), '--limit', '2', '--prices', 'prices.json', '--out', 'run'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    // (400 × 1 + 100 × 4) / 1e6 = 0.0008 CNY
    expect(JSON.parse(await readFile(join(dir, 'run', 'results.json'), 'utf8')).usage).toMatchObject({ cost: 0.0008, prices: { input: 1, output: 4, currency: 'CNY' } });
  });

  it('--max-tokens stops with exit 1, says what was spent and how to go on; the rerun finishes from the cache', async () => {
    const dir = await tempDir();
    const before = server.requests.length;
    const args = ['run', '--task', 'cmexam', '--model', model(), '--limit', '10', '--cache', 'cache'];
    const stopped = await medeval([...args, '--max-tokens', '1000', '--out', 'stopped'], { cwd: dir, env });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('budget reached: spent 1000 of max 1000 tokens on new requests; 6 samples not asked');
    expect(stopped.stderr).toContain('run folder: stopped (rerun the same command with a larger budget: --cache cache keeps every answer received');
    expect(server.requests.length - before).toBe(4);
    const finished = await medeval([...args, '--out', 'finished'], { cwd: dir, env });
    expect(finished.code, finished.stderr).toBe(0);
    expect(server.requests.length - before).toBe(10);
  });

  it('refuses --max-cost without prices, and half a price', async () => {
    const dir = await tempDir();
    const noPrices = await medeval(['run', '--task', 'cmexam', '--model', model(), '--max-cost', '1'], { cwd: dir, env });
    expect(noPrices.code).toBe(2);
    expect(noPrices.stderr).toContain('--max-cost needs prices');
    const half = await medeval(['run', '--task', 'cmexam', '--model', model(), '--price-in', '1'], { cwd: dir, env });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--price-in and --price-out go together');
    const unknown = await medeval(['run', '--task', 'cmexam', '--model', model(), '--prices', 'p.json'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    await writeFile(join(dir, 'p.json'), JSON.stringify({ 'gpt-4o': { input: 2.5, output: 10 } }));
    const missing = await medeval(['run', '--task', 'cmexam', '--model', model(), '--prices', 'p.json'], { cwd: dir, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('p.json: no price for model "priced-model" (the table has: gpt-4o)');
  });
});
