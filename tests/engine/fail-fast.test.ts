// A broken set-up is reported in seconds with its cause (issue 12): bad key, no such model, nothing listening.
// Request counts are exact; time bounds are loose (seconds), never milliseconds.
import { createServer } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, openaiCompatible, RunStoppedError } from '@medeval/core';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { answerFor, toyTask } from './fixtures/toy-task.mjs';

const model = (url: string) => openaiCompatible({ baseURL: url, model: 'toy-model' });
let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const stopped = (promise: Promise<unknown>) => rejectionOf(promise, RunStoppedError);

/** A port with nothing listening on it (bound once, then closed). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('fail fast on errors no retry can fix', () => {
  it('401 with the server\'s message: stops after 3 identical failures, says which key to check', async () => {
    server = await startOpenAIServer({
      faults: () => ({ status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided: sk-…abcd', type: 'invalid_request_error' } }) }),
    });
    const out = await mkdtemp(join(tmpdir(), 'medeval-failfast-'));
    const e = await stopped(evaluate({ task: toyTask(300), model: model(server.url), concurrency: 1, out, bootstrapSamples: 20 }));
    expect(server.requests.length).toBe(3);
    expect(e.cause.status).toBe(401);
    expect(e.message).toContain('Incorrect API key provided');
    expect(e.message).toMatch(/OPENAI_API_KEY .* MEDEVAL_API_KEY/);
    // The stopped run's folder is complete: every sample is a record, the ones never asked say why.
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.counts).toMatchObject({ samples: 300, errors: 300 });
    const records = (await readFile(join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(records.at(-1).error).toMatch(/^the run stopped: HTTP 401/);
  });

  it('404 no such model: stops after 3, names the model and base URL; at concurrency 8 at most 8 more are in flight', async () => {
    server = await startOpenAIServer({
      faults: () => ({ status: 404, body: JSON.stringify({ error: { message: 'The model `toy-model` does not exist.', type: 'NotFoundError' } }) }),
    });
    const e = await stopped(evaluate({ task: toyTask(300), model: model(server.url), concurrency: 8, bootstrapSamples: 20 }));
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.requests.length).toBeLessThanOrEqual(3 + 8);
    expect(e.message).toContain('The model `toy-model` does not exist.');
    expect(e.hints.join('\n')).toContain(`check the model name "toy-model" and the base URL (${server.url})`);
  });

  it('failures after a success are per-sample: the run finishes', async () => {
    server = await startOpenAIServer({
      respond: (messages) => answerFor(messages[0]!.content.split(':')[0]!),
      faults: (request) => (request.n >= 1 && request.n <= 4 ? { status: 400, body: JSON.stringify({ error: { message: 'bad sample' } }) } : undefined),
    });
    const result = await evaluate({ task: toyTask(10), model: model(server.url), concurrency: 1, bootstrapSamples: 20 });
    expect(result.counts).toMatchObject({ samples: 10, errors: 4 });
  });
});

describe('fail fast when nothing is listening', () => {
  it('connection refused with no success: stops after the 10 s window, not the full backoff schedule', async () => {
    const port = await closedPort();
    const started = Date.now();
    const e = await stopped(evaluate({ task: toyTask(300), model: model(`http://127.0.0.1:${port}/v1`), concurrency: 4, bootstrapSamples: 20 }));
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(9);
    expect(seconds).toBeLessThan(30);
    expect(e.cause.kind).toBe('network');
    expect(e.message).toContain(`127.0.0.1:${port}`);
    expect(e.hints.join('\n')).toContain('no connection to the server');
  }, 60_000);

  it('a short window can be set, and failFast: false keeps the old behaviour', async () => {
    const port = await closedPort();
    const started = Date.now();
    await stopped(evaluate({ task: toyTask(50), model: model(`http://127.0.0.1:${port}/v1`), failFast: { networkWindowMs: 500 }, bootstrapSamples: 20 }));
    expect((Date.now() - started) / 1000).toBeLessThan(10);
    const result = await evaluate({
      task: toyTask(2),
      model: model(`http://127.0.0.1:${port}/v1`),
      failFast: false,
      maxAttempts: 2,
      backoff: { baseMs: 1, maxMs: 1 },
      bootstrapSamples: 20,
    });
    expect(result.counts.errors).toBe(2);
  });
});

describe('retryable errors keep the adaptive retries', () => {
  it('a 429 storm that recovers: the run completes with every answer', async () => {
    server = await startOpenAIServer({
      respond: (messages) => answerFor(messages[0]!.content.split(':')[0]!),
      faults: (request) => (request.n < 12 ? '429' : undefined),
      retryAfter: '0',
    });
    const result = await evaluate({ task: toyTask(6), model: model(server.url), concurrency: 2, backoff: { baseMs: 1, maxMs: 5 }, bootstrapSamples: 20 });
    expect(result.counts).toMatchObject({ samples: 6, errors: 0 });
    expect(server.requests.length).toBe(12 + 6);
  });
});
