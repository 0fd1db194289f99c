// Inputs that used to give a number with exit code 0: predictions of another file, 1-based ids, all-empty outputs.
import { describe, expect, it } from 'vitest';
import { answerFor, toyTask } from '../../../../tests/engine/fixtures/toy-task.mjs';
import { rejectionOf } from '../../../../tests/helpers/rejection.js';
import { fromFunction } from '../models/from-function.js';
import { evaluate } from './evaluate.js';
import { detectIdShift, InputMismatchError } from './input-checks.js';
import { score } from './score.js';

const line = (id: string | number, output: string) => JSON.stringify({ id, output });
const predictions = (ids: number[], output = (i: number) => answerFor(`Q${i}`)) => ({
  name: 'p.jsonl',
  text: ids.map((i) => line(String(i), output(i))).join('\n'),
});
const range = (from: number, n: number) => [...Array(n).keys()].map((i) => i + from);

const failure = (promise: Promise<unknown>) => rejectionOf(promise, InputMismatchError);

describe('prediction ids that do not belong to the data', () => {
  it('none match → no-matching-ids, naming the file and an example line', async () => {
    const e = await failure(score({ task: toyTask(10), predictions: predictions(range(1000, 10)), bootstrapSamples: 20 }));
    expect(e.code).toBe('no-matching-ids');
    expect(e.message).toContain('p.jsonl: none of the 10 prediction ids is an id of the data (line 1 has id "1000")');
  });

  it('1-based ids → shifted-ids with the fix, although 9 of 10 ids exist in the data', async () => {
    const e = await failure(score({ task: toyTask(10), predictions: predictions(range(1, 10)), bootstrapSamples: 20 }));
    expect(e.code).toBe('shifted-ids');
    expect(e.message).toMatch(/shifted by \+1 — they look 1-based .*subtract 1 from every id/);
  });

  it('line numbers of a CSV with a header (first row = 2) → shifted by +2', async () => {
    const e = await failure(score({ task: toyTask(10), predictions: predictions(range(2, 10)), bootstrapSamples: 20 }));
    expect(e.code).toBe('shifted-ids');
    expect(e.message).toContain('shifted by +2');
  });

  it('a partial overlap is scored and counted, not refused', async () => {
    const out = await score({ task: toyTask(10), predictions: predictions([0, 1, 2, 3, 4, 77, 78]), bootstrapSamples: 20 });
    expect(out.predictions).toMatchObject({ read: 7, matched: 5, missing: 5, unknown: 2 });
    expect(out.predictions.shift).toBeUndefined();
  });

  it('detectIdShift: k = 0 explains a clean file; unexplained unknown ids are no shift', () => {
    const data = new Set(range(0, 10).map(String));
    expect(detectIdShift(data, range(0, 10).map(String), [])).toBeUndefined();
    expect(detectIdShift(data, range(1, 10).map(String), ['10'])).toBe(1);
    expect(detectIdShift(data, ['0', '1', '2', 'x'], ['x'])).toBeUndefined();
    expect(detectIdShift(data, ['0', '1', '2', '50'], ['50'])).toBeUndefined();
  });
});

describe('every output empty', () => {
  it('score(): all-outputs-empty unless allowEmpty', async () => {
    const empty = predictions(range(0, 5), () => '');
    const e = await failure(score({ task: toyTask(5), predictions: empty, bootstrapSamples: 20 }));
    expect(e.code).toBe('all-outputs-empty');
    expect(e.message).toContain('p.jsonl: every output is empty (5 of 5 samples)');
    const out = await score({ task: toyTask(5), predictions: empty, bootstrapSamples: 20, allowEmpty: true });
    expect(out.counts.empty).toBe(5);
  });

  it('evaluate(): a model that answers nothing is a typed error, never a result of zeros', async () => {
    const model = fromFunction(async () => '   ', { id: 'silent' });
    const e = await failure(evaluate({ task: toyTask(4), model, bootstrapSamples: 20 }));
    expect(e.code).toBe('all-outputs-empty');
    expect(e.message).toContain('model silent: every output is empty (4 of 4 samples)');
  });

  it('one non-empty output is enough to score', async () => {
    const out = await score({ task: toyTask(3), predictions: predictions(range(0, 3), (i) => (i === 1 ? answerFor('Q1') : '')), bootstrapSamples: 20 });
    expect(out.counts).toMatchObject({ samples: 3, empty: 2 });
  });
});
