// evaluate() against a loopback OpenAI-compatible server: normal runs, injected faults, timeouts,
// abort, and the API key never reaching a file.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, openaiCompatible, type Progress } from '@medeval/core';
import { readRunFolder } from '@medeval/core/node';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { answerFor, toyTask } from './fixtures/toy-task.mjs';

let dir: string;
let server: OpenAIServer | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-engine-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const respond = (messages: Array<{ content: string }>) => answerFor(messages.at(-1)!.content);
const model = (url: string, apiKey?: string) => openaiCompatible({ baseURL: url, model: 'toy-model', ...(apiKey ? { apiKey } : {}) });
const fast = { backoff: { baseMs: 2, maxMs: 10 }, bootstrapSamples: 200 };

/** Expected accuracy of the toy model on n samples, computed independently of the engine. */
function expectedAccuracy(n: number): number {
  let right = 0;
  for (let i = 0; i < n; i++) if (answerFor(`Q${i}`) === 'ABCDE'[i % 5]) right++;
  return (100 * right) / n;
}

async function allFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(path)));
    else out.push(path);
  }
  return out;
}

describe('evaluate() against a loopback server', () => {
  it('runs a task, writes a complete run folder in dataset order, and reports progress', async () => {
    server = await startOpenAIServer({ latencyMs: 2, respond });
    const out = join(dir, 'plain');
    const progress: Progress[] = [];
    const result = await evaluate({ task: toyTask(60), model: model(server.url), concurrency: 8, out, onProgress: (p) => progress.push(p), ...fast });

    expect(server.requests).toHaveLength(60);
    expect(result.metrics.accuracy!.value).toBeCloseTo(expectedAccuracy(60), 12);
    expect(result.metrics.accuracy!.n).toBe(60);
    expect(result.metrics.accuracy!.ci95).not.toBeNull();
    expect(result.counts).toEqual({ samples: 60, scored: 60 - 5 - 4, unparsed: 5, empty: 4, truncated: 0, errors: 0 });
    expect(Object.keys(result.slices.dept!).sort()).toEqual(['儿科', '内科', '外科']);
    expect(result.model).toMatchObject({ id: `openai-compatible:${server.url}#toy-model`, model: 'toy-model' });
    expect(result.manifest.metricSignatures).toEqual({ accuracy: 'accuracy|toy|errors:wrong|scale:100|v1' });
    expect(result.manifest.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.manifest.runtime).toMatch(/^Node v/);
    expect(progress.at(-1)).toMatchObject({ done: 60, errors: 0, cached: 0 });

    const folder = await readRunFolder(out);
    expect(folder.results.metrics).toEqual(JSON.parse(JSON.stringify(result.metrics)));
    const records = [];
    for await (const r of folder.records()) records.push(r);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 60 }, (_, i) => String(i)));
    expect(records[3]).toMatchObject({ id: '3', target: 'D', output: 'E', prediction: 'E', status: 'ok', scores: { accuracy: 0 }, input: 'Q3', cached: false, attempts: 1 });
    expect(records[10]).toMatchObject({ status: 'unparsed', scores: { accuracy: 0 } });
    expect(records[12]).toMatchObject({ status: 'empty', output: '   ' });
    for (const name of ['results.json', 'records.jsonl', 'report.md', 'report.html']) {
      expect((await stat(join(out, name))).size).toBeGreaterThan(0);
    }
  });

  it('survives 429 (Retry-After), 500, dropped connections and malformed JSON', async () => {
    const faults = ['429', '500', 'drop', 'malformed', undefined, '503', 'drop', 'malformed', '429', '500'] as const;
    server = await startOpenAIServer({ respond, faults: [...faults, ...faults], retryAfter: '0' });
    const result = await evaluate({ task: toyTask(30), model: model(server.url), concurrency: 4, ...fast });
    expect(result.counts.errors).toBe(0);
    expect(result.metrics.accuracy!.value).toBeCloseTo(expectedAccuracy(30), 12);
    expect(server.requests.length).toBe(30 + 18);
    // every sample was eventually answered exactly once
    const answered = server.requests.filter((r) => r.answered).map((r) => r.messages.at(-1)!.content);
    expect(new Set(answered).size).toBe(30);
  });

  it('classifies each fault (seen in the error message when retries are off)', async () => {
    server = await startOpenAIServer({ respond, faults: ['malformed', 'drop', '503', '401'] });
    const records: Array<{ error?: string }> = [];
    await evaluate({
      task: toyTask(4),
      model: model(server.url),
      concurrency: 1,
      maxAttempts: 1,
      out: { write: (r) => void records.push(r), finish: async () => {} },
      ...fast,
    });
    expect(records.map((r) => r.error)).toEqual([
      expect.stringMatching(/^malformed response/),
      expect.stringMatching(/^Connection error/),
      expect.stringMatching(/^HTTP 503/),
      expect.stringMatching(/^HTTP 401/),
    ]);
  });

  it('waits at least Retry-After before asking again', async () => {
    server = await startOpenAIServer({ respond, faults: ['429'], retryAfter: '1' });
    await evaluate({ task: toyTask(1), model: model(server.url), concurrency: 1, ...fast });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('records a sample that keeps failing as status "error" with its message; non-retryable errors are not retried', async () => {
    server = await startOpenAIServer({
      respond,
      faults: (r) => (r.messages.at(-1)?.content.startsWith('Q2:') ? '500' : r.messages.at(-1)?.content.startsWith('Q4:') ? '400' : undefined),
    });
    const out = join(dir, 'errors');
    const result = await evaluate({ task: toyTask(6), model: model(server.url), concurrency: 2, maxAttempts: 5, out, ...fast });
    expect(result.counts).toMatchObject({ samples: 6, errors: 2 });
    const counts = server.countBy((r) => r.messages.at(-1)!.content.split(':')[0]!);
    expect(counts.get('Q2')).toBe(5);
    expect(counts.get('Q4')).toBe(1);
    const records = [];
    for await (const r of (await readRunFolder(out)).records()) records.push(r);
    expect(records).toHaveLength(6);
    expect(records[2]).toMatchObject({ status: 'error', output: null, attempts: 5, scores: { accuracy: 0 } });
    expect(records[2]!.error).toMatch(/HTTP 500.*after 5 attempts/);
    expect(records[4]).toMatchObject({ status: 'error', attempts: 1 });
    expect(records[4]!.error).toMatch(/HTTP 400/);
    // metric counts errors as wrong: the denominator is all 6
    expect(result.metrics.accuracy!.n).toBe(6);
  });

  it('halves concurrency when the server pushes back, then recovers slowly', async () => {
    server = await startOpenAIServer({ respond, latencyMs: (r) => (r.n < 16 ? 30 : 15), faults: (r) => (r.n < 16 ? '429' : undefined) });
    const result = await evaluate({ task: toyTask(80), model: model(server.url), concurrency: 16, ...fast });
    expect(result.counts.errors).toBe(0);
    const firstBurst = Math.max(...server.requests.slice(0, 16).map((r) => r.inFlight));
    expect(firstBurst).toBe(16);
    // after the 429 burst the limit is 8 and grows by about one per 8 successes, so over these 24
    // requests it stays at 8–10 (without adaptive concurrency it would be back at 16 at once). Requests
    // of the burst still waiting for their 429 count too: the first retry must not arrive beside 15 of
    // them (the limit is lowered before the failed request's slot is released).
    const afterPushback = server.requests.slice(16, 40).map((r) => r.inFlight);
    expect(Math.max(...afterPushback)).toBeLessThanOrEqual(10);
  });

  it('times out a hanging request and retries it', async () => {
    server = await startOpenAIServer({ respond, faults: ['hang'] });
    const result = await evaluate({ task: toyTask(3), model: model(server.url), concurrency: 1, timeoutMs: 300, ...fast });
    expect(result.counts.errors).toBe(0);
    expect(server.requests).toHaveLength(4);
  });

  it('stops when aborted, keeping what the cache already holds', async () => {
    const controller = new AbortController();
    server = await startOpenAIServer({
      respond,
      latencyMs: 5,
      onRequest: (r) => {
        if (r.n === 20) controller.abort();
      },
    });
    const cache = join(dir, 'abort-cache');
    const failure = await evaluate({ task: toyTask(200), model: model(server.url), concurrency: 4, cache, signal: controller.signal, ...fast }).catch((e: unknown) => e);
    expect((failure as Error).name).toBe('AbortError');
    expect(server.requests.length).toBeLessThan(30);
    const lines = (await readFile(join(cache, 'responses.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10); // answered before the abort (a few may be cut mid-read)
    expect(lines.length).toBeLessThanOrEqual(20);
  });

  it('never writes the API key to any file (run folder, cache), even when the server rejects it', async () => {
    const key = 'sk-test-DO-NOT-LEAK-9f8e7d6c5b4a';
    server = await startOpenAIServer({
      respond,
      faults: (r) => (r.messages.at(-1)?.content.startsWith('Q1:') ? { status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${key}` } }) } : undefined),
    });
    const out = join(dir, 'secret-run');
    const cache = join(dir, 'secret-cache');
    const result = await evaluate({ task: toyTask(5), model: model(server.url, key), concurrency: 2, out, cache, ...fast });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${key}`);
    expect(result.counts.errors).toBe(1);
    expect(JSON.stringify(result)).not.toContain(key);
    const files = [...(await allFiles(out)), ...(await allFiles(cache))];
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(key);
      expect(text, file).not.toContain('DO-NOT-LEAK');
    }
  });
});
