// `epochs`: every question asked K times. Against hand-computed values for four questions and K = 3
// (the answers each question gets, in order, are fixed below), through a function model that answers
// from a per-question list; concurrency 1 so each question's answers arrive in epoch order.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, fromFunction, type EvalRecord } from '@medeval/core';
import { readRunFolder } from '@medeval/core/node';
import { toyTask } from './fixtures/toy-task.mjs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-epochs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Gold answers of toyTask(4): A, B, C, D.
const ANSWERS: Record<string, string[]> = {
  Q0: ['A', 'A', 'B'], // 1 1 0: mean 2/3, majority A (right), pass
  Q1: ['C', 'B', 'C'], // 0 1 0: mean 1/3, majority C (wrong), pass
  Q2: ['D', 'E', 'C'], // 0 0 1: mean 1/3, a three-way tie → the first (D, wrong), pass
  Q3: ['A', 'A', 'A'], // 0 0 0: mean 0, wrong, no pass
};

function scriptedModel() {
  const asked = new Map<string, number>();
  let requests = 0;
  const model = fromFunction((request) => {
    requests++;
    const question = /Q\d+/.exec(request.messages.at(-1)!.content)![0];
    const k = asked.get(question) ?? 0;
    asked.set(question, k + 1);
    return ANSWERS[question]![k % 3]!;
  }, { id: 'test:scripted' });
  return { model, requests: () => requests };
}

describe('epochs', () => {
  it('maj@K, pass@K and the clustered standard error match the hand computation', async () => {
    const { model } = scriptedModel();
    const result = await evaluate({ task: toyTask(4), model, epochs: 3, concurrency: 1, out: join(dir, 'k3') });
    // Question means 2/3, 1/3, 1/3, 0: mean 1/3; sample variance (1/9 + 0 + 0 + 1/9) / 3 = 2/27; SE = sqrt(2/27 / 4).
    expect(result.epochs).toEqual({
      epochs: 3,
      questions: 4,
      metrics: {
        accuracy: { mean: expect.closeTo(100 / 3, 12), stderr: expect.closeTo(100 * Math.sqrt(2 / 27 / 4), 12), majority: 25, pass: 75, all: 0, questions: 4 },
      },
    });
    expect(result.epochs!.metrics.accuracy!.mean).toBeCloseTo(100 / 3, 12);
    // The plain metric is over all 12 records, with an interval that resamples questions.
    expect(result.metrics.accuracy).toMatchObject({ value: (100 * 4) / 12, n: 12, interval: 'bootstrap' });
    expect(result.counts.samples).toBe(12);
    const records: EvalRecord[] = [];
    for await (const r of (await readRunFolder(join(dir, 'k3'))).records()) records.push(r);
    expect(records.map((r) => `${r.id}:${r.epoch}:${r.prediction}`)).toEqual([
      '0#1:1:A', '0#2:2:A', '0#3:3:B', '1#1:1:C', '1#2:2:B', '1#3:3:C', '2#1:1:D', '2#2:2:E', '2#3:3:C', '3#1:1:A', '3#2:2:A', '3#3:3:A',
    ]);
  });

  it('epoch 1 reuses the answers of a single run from the cache; later epochs have their own', async () => {
    const cache = join(dir, 'cache');
    const first = scriptedModel();
    const single = await evaluate({ task: toyTask(4), model: first.model, cache, concurrency: 1 });
    expect(single.epochs).toBeUndefined();
    expect(first.requests()).toBe(4);
    const second = scriptedModel();
    await evaluate({ task: toyTask(4), model: second.model, cache, epochs: 3, concurrency: 1 });
    expect(second.requests()).toBe(8);
    const third = scriptedModel();
    await evaluate({ task: toyTask(4), model: third.model, cache, epochs: 3, concurrency: 1 });
    expect(third.requests()).toBe(0);
  });
});

describe('circular (CircularEval)', () => {
  it('a model that always answers A: plain accuracy 1/m per single-answer question, circular accuracy 0', async () => {
    const { cmexam } = await import('@medeval/datasets-cmexam');
    const samples: Array<{ answer: string; m: number; hasA: boolean }> = [];
    for await (const s of cmexam.answer().dataset.samples()) samples.push({ answer: s.target.answer, m: s.input.options.length, hasA: s.input.options.some((o) => o.letter === 'A') });
    const model = fromFunction(() => '答案：A', { id: 'test:always-a' });
    const result = await evaluate({ task: cmexam.answer(), model, circular: true, concurrency: 4 });
    // Across its m rotations a single answer sits at A exactly once (when the question prints an A); a
    // multi-answer set or no answer never equals "A".
    const single = samples.filter((s) => s.answer.length === 1 && s.hasA);
    const rotationsTotal = samples.reduce((sum, s) => sum + s.m, 0);
    expect(result.counts.samples).toBe(rotationsTotal);
    expect(result.metrics.accuracy!.value).toBeCloseTo((100 * single.length) / rotationsTotal, 10);
    const summary = result.epochs!;
    expect(summary.circular).toBe(true);
    expect(summary.questions).toBe(samples.length);
    expect(summary.metrics.accuracy!.all).toBe(0);
    expect(summary.metrics.accuracy!.pass).toBeCloseTo((100 * single.length) / samples.length, 10);
  });

  it('a model that finds the right text wherever it is: circular accuracy equals plain accuracy', async () => {
    const { cmexam } = await import('@medeval/datasets-cmexam');
    // Reads the rotated question it is asked (the test's function model sees the rotated sample) and answers its target.
    const model = fromFunction((_request, { sample }) => `答案：${(sample as { target: { answer: string } }).target.answer || 'A'}`, { id: 'test:oracle' });
    const result = await evaluate({ task: cmexam.answer(), model, circular: true });
    expect(result.epochs!.metrics.accuracy!.all).toBeCloseTo(result.epochs!.metrics.accuracy!.mean, 10);
  });

  it('is refused for a task without rotations, and together with epochs', async () => {
    const model = fromFunction(() => 'A', { id: 'test:a' });
    await expect(evaluate({ task: toyTask(2), model, circular: true })).rejects.toThrow(/circular: task "toy-mcq" has no option rotations/);
  });
});
