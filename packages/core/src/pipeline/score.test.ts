import { describe, expect, it } from 'vitest';
import type { EvalRecord, ResultJson } from '../types.js';
import { answerFor, toyTask } from '../../../../tests/engine/fixtures/toy-task.mjs';
import { score, NO_PREDICTION } from './score.js';
import type { RecordSink } from './sink.js';

function collectingSink() {
  const records: EvalRecord[] = [];
  let result: ResultJson | undefined;
  const sink: RecordSink = {
    write: (r) => {
      records.push(r);
    },
    finish: async (r) => {
      result = r;
    },
  };
  return { sink, records, result: () => result };
}

const line = (id: string | number, output: string) => JSON.stringify({ id, output });
const predictionsText = (ids: number[]) => ids.map((i) => line(String(i), answerFor(`Q${i}`))).join('\n');

describe('score()', () => {
  it('scores a predictions file in dataset order, like evaluate would', async () => {
    const { sink, records, result } = collectingSink();
    const out = await score({ task: toyTask(20), predictions: { name: 'p.jsonl', text: predictionsText([...Array(20).keys()]) }, out: sink, bootstrapSamples: 100 });
    expect(out.counts.samples).toBe(20);
    expect(out.counts.errors).toBe(0);
    expect(records.map((r) => r.id)).toEqual([...Array(20).keys()].map(String));
    expect(out.predictions).toEqual({ source: 'p.jsonl', read: 20, matched: 20, missing: 0, unknown: 0, unknownIds: [] });
    expect(result()?.predictions?.matched).toBe(20);
    expect(out.model).toBeNull();
  });

  it('keeps a predictions line\'s reasoning in the record and never extracts from it', async () => {
    const { sink, records } = collectingSink();
    const text = [
      JSON.stringify({ id: '0', output: 'A', reasoning: '也许是B' }),
      JSON.stringify({ id: '1', output: '不确定', reasoning: 'B' }),
      JSON.stringify({ id: '2', output: 'C', reasoning: null }),
    ].join('\n');
    const out = await score({ task: toyTask(3), predictions: { name: 'p.jsonl', text }, out: sink, bootstrapSamples: 20 });
    expect(records.map((r) => [r.status, r.prediction, r.reasoning])).toEqual([
      ['ok', 'A', '也许是B'],
      ['unparsed', null, 'B'],
      ['ok', 'C', undefined],
    ]);
    expect(out.counts).toMatchObject({ scored: 2, unparsed: 1 });
    const bad = score({ task: toyTask(1), predictions: { name: 'p.jsonl', text: JSON.stringify({ id: '0', output: 'A', reasoning: 3 }) }, bootstrapSamples: 20 });
    await expect(bad).rejects.toThrow(/p\.jsonl:1: "reasoning": /);
  });

  it('joins out-of-order predictions; missing ones become error records; unknown ids are reported', async () => {
    const ids = [5, 3, 0, 1, 2, 99, 7, 6];
    const { sink, records } = collectingSink();
    const out = await score({ task: toyTask(8), predictions: { name: 'p.jsonl', text: `${predictionsText(ids)}\n\n` }, out: sink, bootstrapSamples: 100 });
    expect(out.counts).toMatchObject({ samples: 8, errors: 1 });
    expect(records[4]).toMatchObject({ id: '4', status: 'error', error: NO_PREDICTION, output: null });
    expect(out.predictions).toMatchObject({ read: 8, matched: 7, missing: 1, unknown: 1, unknownIds: [{ id: '99', line: 6 }] });
  });

  it('accepts an async iterable of { id, output }', async () => {
    async function* lines() {
      for (let i = 0; i < 5; i++) yield { id: String(i), output: answerFor(`Q${i}`) };
    }
    const out = await score({ task: toyTask(5), predictions: lines(), bootstrapSamples: 50 });
    expect(out.counts.samples).toBe(5);
    expect(out.predictions.matched).toBe(5);
  });

  it('refuses a duplicate id among in-memory predictions too (checked exactly, not by hash)', async () => {
    async function* lines() {
      for (const i of [0, 1, 2, 1]) yield { id: String(i), output: answerFor(`Q${i}`) };
    }
    await expect(score({ task: toyTask(5), predictions: lines(), bootstrapSamples: 50 })).rejects.toThrow(/:4: duplicate id "1"/);
  });

  it.each([
    ['{"id": "0", "output": "A"}\n{oops', /p\.jsonl:2: not valid JSON/],
    ['{"output": "A"}', /p\.jsonl:1: "id": .*expected \{"id": string, "output": string\}/],
    ['{"id": "0"}', /p\.jsonl:1: "output"/],
    ['{"id": "0", "output": "A"}\n\n{"id": "0", "output": "B"}', /p\.jsonl:3: duplicate id "0" \(first on line 1;/],
    // A numeric id and its string form are one id; the blank and the other lines before it are skipped.
    ['{"id": 1, "output": "A"}\n{"id": "0", "output": "B"}\n\n{"id": "2", "output": "C"}\n{"id": "1", "output": "D"}', /p\.jsonl:5: duplicate id "1" \(first on line 1;/],
  ])('rejects bad predictions with file and line: %s', async (text, message) => {
    await expect(score({ task: toyTask(3), predictions: { name: 'p.jsonl', text }, bootstrapSamples: 50 })).rejects.toThrow(message);
  });

  it('with a limit, stops early and does not call the rest unknown', async () => {
    const out = await score({ task: toyTask(10), predictions: { name: 'p.jsonl', text: predictionsText([...Array(10).keys()]) }, limit: 3, bootstrapSamples: 50 });
    expect(out.counts.samples).toBe(3);
    expect(out.predictions.unknown).toBe(0);
  });
});
