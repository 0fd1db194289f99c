import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DataSource } from '@medeval/core';
import { loadHuatuo } from './dataset.js';
import { HuatuoFormatError } from './problems.js';
import { huatuoSample } from '../sample/test-sample.js';
import { huatuoLiteSample } from '../sample/lite-sample.js';
import type { HuatuoSample } from '../schema.js';
import { sharedPath } from '../../../../tests/helpers/shared-data.js';

async function collect(data: DataSource, options = {}) {
  const dataset = loadHuatuo(data, options);
  const samples: HuatuoSample[] = [];
  for await (const sample of dataset.samples()) samples.push(sample);
  return { dataset, samples, summary: dataset.summary() };
}

const text = (name: string, lines: string[]): DataSource => ({ name, text: lines.join('\n') + '\n' });

describe('test-file format', () => {
  it('loads the bundled sample with line-index ids and counts its quirks', async () => {
    const { samples, summary, dataset } = await collect(huatuoSample);
    expect(dataset.format()).toBe('test');
    expect(samples).toHaveLength(55);
    expect(samples.map((s) => s.id)).toEqual(Array.from({ length: 55 }, (_, i) => String(i)));
    expect(summary).toMatchObject({ read: 55, loaded: 55, skipped: 0, reasons: {} });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Independent count straight from the texts.
    const answers = samples.map((s) => s.target.answers[0]!);
    const stats = summary.stats!;
    expect(stats.answersWithFullWidthSpace).toBe(answers.filter((a) => a.includes('\u3000')).length);
    expect(stats.answersWithFullWidthSpace).toBe(1);
    expect(stats.answersWithNoBreakSpace).toBe(1);
    expect(stats.answersWithAsciiSpace).toBe(answers.filter((a) => a.includes(' ')).length);
    expect(stats.oneCharAnswers).toBe(2);
    expect(stats.duplicateQuestions).toBe(1);
    expect(stats.duplicateAnswers).toBe(0);
    expect(stats.duplicatePairs).toBe(0);
    expect(stats.answerLengthMin).toBe(1);
    expect(stats.answerLengthMax).toBe(Math.max(...answers.map((a) => [...a].length)));
    // Kept as they are: nothing is normalised.
    expect(answers.some((a) => a.includes('\u3000'))).toBe(true);
  });

  it('reports every bad line with file, line and reason, and blank lines still consume an index', async () => {
    const data = text('bad.jsonl', [
      '{"questions": "头痛怎么办？", "answers": "注意休息。"}',
      '{"questions": "发烧", "answers": 42}',
      '',
      '{"questions": "咳嗽"',
      '["not", "an", "object"]',
      '{"questions": "胃疼"}',
      '   ',
      '{"questions": "腹泻", "answers": "多喝水"}',
    ]);
    const { samples, summary } = await collect(data);
    expect(samples.map((s) => s.id)).toEqual(['0', '7']);
    expect(summary.read).toBe(6);
    expect(summary.loaded).toBe(2);
    expect(summary.skipped).toBe(4);
    expect(summary.reasons).toEqual({ 'wrong type': 1, 'bad JSON': 1, 'not a JSON object': 1, 'missing field': 1 });
    expect(summary.stats!.blankLines).toBe(2);
    const messages = summary.problems.map((p) => p.reason);
    expect(summary.problems.map((p) => p.row)).toEqual([2, 4, 5, 6]);
    expect(messages[0]).toBe('bad.jsonl:2: wrong type: field "answers" is a number (expected string)');
    expect(messages[1]).toMatch(/^bad\.jsonl:4: bad JSON: /);
    expect(messages[2]).toBe('bad.jsonl:5: not a JSON object: found a list');
    expect(messages[3]).toBe('bad.jsonl:6: missing field: "answers" missing (test format)');
  });

  it('handles CRLF, a BOM and a missing final newline', async () => {
    const bytes = new TextEncoder().encode(
      '\ufeff{"questions": "q1", "answers": "a1"}\r\n{"questions": "q2", "answers": "a\u00a02"}',
    );
    const { samples, summary } = await collect({ name: 'crlf.jsonl', bytes });
    expect(samples.map((s) => [s.id, s.input.question, s.target.answers])).toEqual([
      ['0', 'q1', ['a1']],
      ['1', 'q2', ['a\u00a02']],
    ]);
    expect(summary.stats!.answersWithNoBreakSpace).toBe(1);
  });

  it('stops after limit and re-reads from the start on a second iteration', async () => {
    const dataset = loadHuatuo(huatuoSample, { limit: 3 });
    const first: string[] = [];
    for await (const s of dataset.samples()) first.push(s.id);
    const second: string[] = [];
    for await (const s of dataset.samples()) second.push(s.id);
    expect(first).toEqual(['0', '1', '2']);
    expect(second).toEqual(first);
    expect(dataset.summary().stats!.samples).toBe(3);
  });

  it('refuses a file that is no Huatuo format, naming the keys it found', async () => {
    const data = text('other.jsonl', ['{"instruction": "x", "output": "y"}']);
    await expect(collect(data)).rejects.toThrow(HuatuoFormatError);
    await expect(collect(data)).rejects.toThrow(/other\.jsonl:1: not a Huatuo-26M line: keys "instruction", "output"/);
  });
});

describe('Lite format', () => {
  it('loads the bundled Lite sample with departments in meta', async () => {
    const { samples, summary, dataset } = await collect(huatuoLiteSample);
    expect(dataset.format()).toBe('lite');
    expect(samples).toHaveLength(33);
    expect(summary.skipped).toBe(0);
    const departments = new Set(samples.map((s) => s.meta!.department));
    expect(departments.size).toBe(8);
    expect(samples[0]!.meta).toMatchObject({ department: '内科', relatedDiseases: '高血压', score: 9 });
  });

  it('accepts string ids and list diseases, rejects wrong types', async () => {
    const row = { id: 'x1', question: 'q', answer: 'a', score: '9', label: '儿科', related_diseases: ['感冒', '发热'] };
    const data = text('lite.jsonl', [
      JSON.stringify(row),
      JSON.stringify({ ...row, label: 3 }),
      JSON.stringify({ id: 1, question: 'q', answer: 'a' }),
    ]);
    const { samples, summary } = await collect(data);
    expect(samples).toHaveLength(1);
    expect(samples[0]!.meta).toMatchObject({ department: '儿科', liteId: 'x1', relatedDiseases: '感冒,发热' });
    expect(summary.reasons).toEqual({ 'wrong type': 1, 'missing field': 1 });
    expect(summary.problems[0]!.reason).toContain('field "label" is a number');
    expect(summary.problems[1]!.reason).toContain('"score", "label", "related_diseases" missing (lite format)');
  });
});

describe('encyclopedia / knowledge-graph formats', () => {
  it('turns each question into a sample with all answers as references', async () => {
    const data = text('enc.jsonl', [
      JSON.stringify({ questions: [['阿司匹林的用法', '阿司匹林怎么吃']], answers: ['口服，一日一次。', '饭后服用。'] }),
      JSON.stringify({ questions: ['糖尿病的症状'], answers: ['多饮多尿'] }),
      JSON.stringify({ questions: [], answers: ['x'] }),
      JSON.stringify({ questions: ['q'], answers: [1] }),
      JSON.stringify({ questions: [[]], answers: ['x'] }),
    ]);
    const { samples, summary, dataset } = await collect(data);
    expect(dataset.format()).toBe('encyclopedia');
    expect(samples.map((s) => [s.id, s.input.question, s.target.answers.length])).toEqual([
      ['0:0', '阿司匹林的用法', 2],
      ['0:1', '阿司匹林怎么吃', 2],
      ['1:0', '糖尿病的症状', 1],
    ]);
    expect(summary.reasons).toEqual({ 'empty list': 2, 'wrong type': 1 });
    expect(summary.problems[2]!.reason).toBe('enc.jsonl:5: empty list: field "questions": no questions in the list');
    expect(summary.problems[1]!.reason).toContain('field "answers.0" is a number');
    expect(summary.stats!.multiReferenceSamples).toBe(2);
  });
});

// ../shared/data relative to the repository root; HUATUO_TEST_FILE overrides it.
const realFile =
  process.env.HUATUO_TEST_FILE ??
  sharedPath('data/huatuo/test_datasets.jsonl');
const realPath = existsSync(realFile) ? realFile : null;

describe('the real Huatuo-26M test set', () => {
  it.skipIf(realPath === null)('gives 6,000 samples and reports spaces, duplicates and lengths', async () => {
    const dataset = loadHuatuo(realPath!);
    let count = 0;
    let lastId = '';
    for await (const sample of dataset.samples()) {
      count += 1;
      lastId = sample.id;
    }
    const summary = dataset.summary();
    console.log(`Huatuo-26M test set (${realPath}):\n${JSON.stringify(summary, null, 2)}`);
    expect(count).toBe(6000);
    expect(lastId).toBe('5999');
    expect(summary.skipped).toBe(0);
    expect(summary.sha256).toBe('79a587b05bbcdc9935b70c4a46c8c9db8b9b1d4e5150b78d6dcc3a6132a24050');
    // Counted independently with Python's json module on the same file.
    expect(summary.stats).toMatchObject({
      samples: 6000,
      answersWithFullWidthSpace: 24,
      answersWithNoBreakSpace: 1,
      answersWithAsciiSpace: 941,
      questionsWithFullWidthSpace: 0,
      oneCharAnswers: 2,
      duplicateQuestions: 4,
      duplicateAnswers: 3,
      duplicatePairs: 0,
      emptyAnswers: 0,
      questionLengthMin: 6,
      questionLengthMax: 255,
      answerLengthMin: 1,
      answerLengthMax: 6608,
    });
  });
  if (realPath === null) console.log(`skipped: ${realFile} not found (set HUATUO_TEST_FILE to point at test_datasets.jsonl)`);
});
