// `medeval run --epochs K --temperature T` against the loopback server: K requests per question, each with
// the temperature; the terminal and results.json show maj@K, pass@K and the clustered standard error.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let server: OpenAIServer;
beforeAll(async () => {
  assertBuilt();
  // A model that changes its mind: the answer cycles through A, B, C with every request.
  server = await startOpenAIServer({ respond: (_messages, request) => `答案：${'ABC'[request.n % 3]}` });
});
afterAll(async () => {
  await server?.close();
});

describe('medeval run --epochs', () => {
  it('asks each question K times with the temperature given and reports maj@K and pass@K', async () => {
    const cwd = await tempDir('medeval-epochs-');
    const result = await medeval(
      ['run', '--task', 'cmexam', '--model', `openai-compatible:${server.url}#m`, '--limit', '5', '--epochs', '3', '--temperature', '0.7', '--out', 'run'],
      { cwd, env: { MEDEVAL_API_KEY: 'k', CI: 'true' } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests).toHaveLength(15);
    expect(server.requests.every((r) => r.body.temperature === 0.7)).toBe(true);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.epochs.epochs).toBe(3);
    expect(results.epochs.questions).toBe(5);
    expect(results.counts.samples).toBe(15);
    const acc = results.epochs.metrics.accuracy;
    expect(acc.pass).toBeGreaterThanOrEqual(acc.majority);
    expect(result.stdout).toContain('Repeats: 3 epochs over 5 questions · Acc');
    expect(result.stdout).toContain('maj@3');
  });

  it('--epochs 0 is a usage error', async () => {
    const cwd = await tempDir('medeval-epochs-');
    const bad = await medeval(['run', '--task', 'cmexam', '--epochs', '0'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--epochs must be at least 1');
  });
});

describe('medeval run --circular', () => {
  it('asks every rotation and prints circular next to plain accuracy; refused on a task without options', async () => {
    const cwd = await tempDir('medeval-circular-');
    const before = server.requests.length;
    const result = await medeval(['run', '--task', 'cmexam', '--model', `openai-compatible:${server.url}#m`, '--limit', '3', '--circular', '--out', 'run'], {
      cwd,
      env: { MEDEVAL_API_KEY: 'k', CI: 'true' },
    });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.epochs.circular).toBe(true);
    expect(server.requests.length - before).toBe(results.counts.samples);
    expect(results.counts.samples).toBeGreaterThanOrEqual(3 * 4);
    expect(result.stdout).toContain('CircularEval over 3 questions');
    const huatuo = await medeval(['run', '--task', 'huatuo', '--circular', '--out', 'h'], { cwd });
    expect(huatuo.code).toBe(2);
    expect(huatuo.stderr).toContain('--circular is for multiple-choice tasks');
  });
});
