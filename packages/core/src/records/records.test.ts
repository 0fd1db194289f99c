import { describe, expect, it } from 'vitest';
import type { EvalRecord } from '../types.js';
import { toyTask, toySample } from '../../../../tests/engine/fixtures/toy-task.mjs';
import { splitReasoning } from '../models/reasoning.js';
import { buildRecord } from './build.js';
import { parseRecordLine, recordToLine } from './jsonl.js';

describe('buildRecord', () => {
  const task = toyTask(1);
  it('lets task.parse decide for blank output and keeps the raw text', async () => {
    const r = await buildRecord(task, task.metrics, toySample(0), { output: ' \u3000 ', attempts: 1 });
    expect(r).toMatchObject({ id: '0', status: 'empty', output: ' \u3000 ', prediction: null, scores: { accuracy: 0 }, items: { accuracy: 0 }, attempts: 1, cached: false, meta: { dept: '内科' }, input: 'Q0' });
    expect(r).not.toHaveProperty('error');
  });
  it('records a failed call as status error with its message; metrics still see it', async () => {
    const r = await buildRecord(task, task.metrics, toySample(1), { output: null, error: 'HTTP 500 (after 8 attempts)', attempts: 8 });
    expect(r).toMatchObject({ status: 'error', output: null, error: 'HTTP 500 (after 8 attempts)', items: { accuracy: 0 } });
  });
  it('turns a throwing parse into an error record naming the task', async () => {
    const broken = { ...task, parse: () => { throw new Error('boom'); } };
    const r = await buildRecord(broken, task.metrics, toySample(2), { output: 'C' });
    expect(r).toMatchObject({ status: 'error', output: 'C', error: 'task toy-mcq: parse failed: boom' });
  });
  // A task whose parser strips a think block and says which rule read the answer (as the standard CMExam one does).
  const reasoningTask = {
    ...task,
    parse: (output: string) => {
      const split = splitReasoning(output);
      if (split.truncated) return { prediction: null, status: 'truncated' as const, extraction: { rule: 'none', span: null }, reasoning: split.reasoning! };
      const letter = /答案：([A-E])/.exec(split.text);
      return {
        prediction: letter?.[1] ?? null,
        status: letter ? ('ok' as const) : ('unparsed' as const),
        extraction: { rule: letter ? 'answer-statement' : 'none', span: letter?.[0] ?? null },
        ...(split.reasoning !== undefined ? { reasoning: split.reasoning } : {}),
      };
    },
  };
  it('keeps the parser\'s extraction and both reasonings (server first), scoring only the text', async () => {
    const r = await buildRecord(reasoningTask, task.metrics, toySample(1), { output: '<think>答案：A？不对</think>答案：B', reasoning: '服务器推理' });
    expect(r).toMatchObject({ status: 'ok', prediction: 'B', extraction: { rule: 'answer-statement', span: '答案：B' }, reasoning: '服务器推理\n\n答案：A？不对', scores: { accuracy: 1 } });
    const plain = await buildRecord(reasoningTask, task.metrics, toySample(1), { output: '答案：B' });
    expect(plain).not.toHaveProperty('reasoning');
    expect(plain.extraction).toEqual({ rule: 'answer-statement', span: '答案：B' });
  });
  it('turns an unreadable (or empty) output that stopped at max_tokens into truncated; readable ones stay ok', async () => {
    const cut = await buildRecord(reasoningTask, task.metrics, toySample(1), { output: '先分析选项A……', finishReason: 'length' });
    expect(cut).toMatchObject({ status: 'truncated', prediction: null, items: { accuracy: 0 } });
    expect(await buildRecord(task, task.metrics, toySample(1), { output: '', reasoning: '想了很久', finishReason: 'length' })).toMatchObject({ status: 'truncated', reasoning: '想了很久' });
    expect((await buildRecord(reasoningTask, task.metrics, toySample(1), { output: '先分析选项A……', finishReason: 'stop' })).status).toBe('unparsed');
    expect((await buildRecord(reasoningTask, task.metrics, toySample(1), { output: '答案：B', finishReason: 'length' })).status).toBe('ok');
    expect(await buildRecord(reasoningTask, task.metrics, toySample(1), { output: '<think>选A', finishReason: 'stop' })).toMatchObject({ status: 'truncated', reasoning: '选A' });
  });
  it('names metric and sample when item() throws or its promise rejects', async () => {
    const bad = { ...task.metrics[0]!, item: () => { throw new Error('nope'); } };
    await expect(buildRecord(task, [bad], toySample(3), { output: 'A' })).rejects.toThrow('metric accuracy: item() failed on sample "3": nope');
    const rejecting = { ...task.metrics[0]!, item: () => Promise.reject(new Error('judge down')) };
    await expect(buildRecord(task, [rejecting], toySample(3), { output: 'A' })).rejects.toThrow('metric accuracy: item() failed on sample "3": judge down');
  });
  it('awaits async items (a judge metric) beside sync ones', async () => {
    const asyncLength = { name: 'len', signature: 'len|v1', higherIsBetter: true, item: async ({ output }: { output: string | null }) => (output ?? '').length, aggregate: () => 0, sampleScore: (n: number) => n };
    const r = await buildRecord(task, [task.metrics[0]!, asyncLength], toySample(1), { output: 'B' });
    expect(r.items).toEqual({ accuracy: 1, len: 1 });
    expect(r.scores).toEqual({ accuracy: 1, len: 1 });
  });
});

describe('records.jsonl lines', () => {
  const record: EvalRecord = {
    id: '7', target: { answer: 'B', options: ['甲', '乙'] }, output: '答案：B 😀\n换行', prediction: 'B', status: 'ok',
    scores: { accuracy: 1, bleu: null }, items: { accuracy: 1, bleu: { counts: [1, 2] } }, meta: { dept: '外科', level: 2, flag: true, none: null },
    cached: true, input: '问题\u2028', attempts: 0,
  };
  it('round-trips exactly, one line each', () => {
    const line = recordToLine(record);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(parseRecordLine(line.trimEnd())).toEqual(record);
  });
  it('round-trips extraction, reasoning and status truncated; rejects a bad extraction', () => {
    const withAudit: EvalRecord = { ...record, status: 'truncated', prediction: null, extraction: { rule: 'none', span: null }, reasoning: '<b>思考</b>' };
    expect(parseRecordLine(recordToLine(withAudit).trimEnd())).toEqual(withAudit);
    expect(() => parseRecordLine(JSON.stringify({ ...record, extraction: { rule: 1 } }), 'r.jsonl', 2)).toThrow(/^r\.jsonl:2: extraction\.rule: /);
  });
  it('writes non-finite numbers as null', () => {
    expect(parseRecordLine(recordToLine({ ...record, scores: { x: Number.NaN } })).scores.x).toBeNull();
  });
  it('names file, line and field of a bad line', () => {
    expect(() => parseRecordLine('{"id": 1}', 'run/records.jsonl', 12)).toThrow(/^run\/records\.jsonl:12: id: /);
    expect(() => parseRecordLine('{"id": "1"', 'r.jsonl', 3)).toThrow(/^r\.jsonl:3: not valid JSON/);
    const { status: _s, ...noStatus } = record;
    expect(() => parseRecordLine(JSON.stringify(noStatus), 'r.jsonl', 4)).toThrow(/^r\.jsonl:4: status: /);
  });
});
