import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../cache/cache.js';
import { fromFunction } from '../models/from-function.js';
import type { EvalRecord, Progress } from '../types.js';
import { answerFor, toyAccuracy, toyTask } from '../../../../tests/engine/fixtures/toy-task.mjs';
import { defineMetric } from './define-metric.js';
import { evaluate } from './evaluate.js';
import { VERSION } from './version.js';

const toyModel = (calls: { n: number } = { n: 0 }) =>
  fromFunction(
    async (request) => {
      calls.n++;
      return answerFor(request.messages.at(-1)!.content);
    },
    { id: 'toy-fn' },
  );

describe('evaluate() options', () => {
  it('explains invalid options naming each one', async () => {
    const bad = evaluate({ task: toyTask(2), model: toyModel(), concurrency: 0, maxAttempts: 1.5, cache: 42 } as never);
    await expect(bad).rejects.toThrow(/evaluate\(\): invalid options:\n {2}- concurrency: .*\n {2}- maxAttempts: .*\n {2}- cache: must be a directory path, false, or a Cache object/);
    await expect(evaluate({ task: toyTask(2), model: { id: 'x' } } as never)).rejects.toThrow(/model: must be a Model/);
    await expect(evaluate(undefined as never)).rejects.toThrow(/expected an options object/);
  });
});

describe('evaluate() pipeline', () => {
  it('uses the cache: a second run asks nothing and gives the same metrics', async () => {
    const cache = memoryCache();
    const calls = { n: 0 };
    const first = await evaluate({ task: toyTask(30), model: toyModel(calls), cache, bootstrapSamples: 100 });
    expect(calls.n).toBe(30);
    const progress: Progress[] = [];
    const second = await evaluate({ task: toyTask(30), model: toyModel(calls), cache, bootstrapSamples: 100, onProgress: (p) => progress.push(p) });
    expect(calls.n).toBe(30);
    expect(second.metrics).toEqual(first.metrics);
    expect(progress.at(-1)).toMatchObject({ done: 30, cached: 30 });
  });

  it('records server reasoning apart from the text and keeps it (and truncation) on a cached rerun', async () => {
    const cache = memoryCache();
    const calls = { n: 0 };
    // Sample 0 answers with reasoning beside the text; sample 1 runs out of tokens inside its reasoning.
    const model = fromFunction(
      (request) => {
        calls.n++;
        const q = request.messages.at(-1)!.content;
        return q.startsWith('Q0') ? { text: 'A', reasoning: '答案是B吗？不，是A', finishReason: 'stop' } : { text: '', reasoning: '选项A…', finishReason: 'length' };
      },
      { id: 'reasoner' },
    );
    const runOnce = async () => {
      const records: EvalRecord[] = [];
      const result = await evaluate({ task: toyTask(2), model, cache, bootstrapSamples: 20, out: { write: (r) => void records.push(r), finish: async () => {} } });
      return { result, records };
    };
    const first = await runOnce();
    expect(first.records.map((r) => [r.status, r.prediction, r.reasoning])).toEqual([
      ['ok', 'A', '答案是B吗？不，是A'],
      ['truncated', null, '选项A…'],
    ]);
    expect(first.result.counts).toMatchObject({ scored: 1, truncated: 1 });
    const second = await runOnce();
    expect(calls.n).toBe(2);
    expect(second.records.map((r) => [r.cached, r.status, r.reasoning])).toEqual([
      [true, 'ok', '答案是B吗？不，是A'],
      [true, 'truncated', '选项A…'],
    ]);
  });

  it('never caches errors', async () => {
    const cache = memoryCache();
    let fail = true;
    const model = fromFunction(
      () => {
        if (fail) throw Object.assign(new Error('bad request'), { status: 400 });
        return 'A';
      },
      { id: 'flaky' },
    );
    const a = await evaluate({ task: toyTask(2), model, cache, bootstrapSamples: 50 });
    expect(a.counts.errors).toBe(2);
    expect(cache.size).toBe(0);
    fail = false;
    const b = await evaluate({ task: toyTask(2), model, cache, bootstrapSamples: 50 });
    expect(b.counts.errors).toBe(0);
    expect(cache.size).toBe(2);
  });

  it('awaits metric.prepare, appends extra metrics, honours limit, and accepts async render', async () => {
    let prepared = false;
    const lengthMetric = defineMetric<number>({
      name: 'output_length',
      signature: 'output_length|v1',
      higherIsBetter: false,
      scale: 'fraction',
      prepare: async () => {
        await new Promise((r) => setTimeout(r, 5));
        prepared = true;
      },
      item: ({ output }) => {
        if (!prepared) throw new Error('not prepared');
        return output === null ? null : [...output].length;
      },
      aggregate: (items) => items.reduce((a, b) => a + b, 0) / Math.max(1, items.length),
    });
    const task = toyTask(50);
    const render = task.render.bind(task);
    task.render = async (s) => render(s);
    const records: EvalRecord[] = [];
    const result = await evaluate({
      task,
      model: toyModel(),
      metrics: [lengthMetric],
      limit: 7,
      bootstrapSamples: 50,
      out: { write: (r) => void records.push(r), finish: async () => {} },
    });
    expect(result.counts.samples).toBe(7);
    expect(Object.keys(result.metrics)).toEqual(['accuracy', 'output_length']);
    expect(records[0]!.items).toHaveProperty('output_length', 1);
    expect(result.manifest.metricSignatures?.output_length).toBe('output_length|v1');
  });

  it('refuses two metrics with the same name', async () => {
    await expect(evaluate({ task: toyTask(2), model: toyModel(), metrics: [toyAccuracy] })).rejects.toThrow(/two metrics are named "accuracy"/);
  });

  it('defineMetric checks the shape', () => {
    expect(() => defineMetric({ name: 'x' } as never)).toThrow(/signature: missing; must be a non-empty string.*item: missing; must be a function/);
  });

  it('keeps VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('config hash changes with what decides the numbers, not with run time', async () => {
    const a = await evaluate({ task: toyTask(3), model: toyModel(), bootstrapSamples: 50 });
    const b = await evaluate({ task: toyTask(3), model: toyModel(), bootstrapSamples: 50, versions: { '@medeval/cli': '9.9.9' } });
    expect(b.manifest.medeval).toEqual({ '@medeval/cli': '9.9.9', '@medeval/core': VERSION });
    const c = await evaluate({ task: toyTask(3), model: toyModel(), bootstrapSamples: 50, seed: 7 });
    expect(a.manifest.configHash).toBe(b.manifest.configHash);
    expect(a.manifest.medeval).toEqual({ '@medeval/core': VERSION });
    expect(c.manifest.configHash).not.toBe(a.manifest.configHash);
  });
});
