// CMB-Exam on hand-written fixtures in CMB's published format (see fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, fromFunction } from '@medeval/core';
import type { McqSample } from '@medeval/datasets-mcq';
import { cmb, cmbPrompt, loadCmb } from './index.js';

const fixture = (name: string) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });

async function all(options: Parameters<typeof loadCmb>[0]): Promise<McqSample[]> {
  const out: McqSample[] = [];
  for await (const s of loadCmb(options).samples()) out.push(s);
  return out;
}

describe('loadCmb', () => {
  it('joins the test questions with the answers file by id; keeps exam type, class, subject and question type', async () => {
    const samples = await all({ data: fixture('test-questions.json'), answers: fixture('test-answers.json') });
    expect(samples.map((s) => [s.id, s.target.answer, s.input.options.length, s.meta.exam_type, s.meta.question_type])).toEqual([
      ['1', 'B', 5, '医师考试', '单项选择题'],
      ['2', 'AC', 4, '医师考试', '多项选择题'],
      ['3', 'C', 4, '护理考试', '单项选择题'],
      ['4', 'ABC', 4, '护理考试', '多项选择题'],
    ]);
    expect(cmbPrompt(samples[0]!)).toBe(
      '以下是中国医师考试中执业医师考试的一道单项选择题，不需要做任何分析和解释，直接输出答案选项。\n成人正常安静状态下的心率范围是\nA. 40～60次/分\nB. 60～100次/分\nC. 100～120次/分\nD. 120～140次/分\nE. 140～160次/分',
    );
  });

  it('reads inline answers (the val split), and says what is missing', async () => {
    expect((await all({ data: fixture('val-inline.json') }))[0]!.target.answer).toBe('B');
    await expect(all({ data: fixture('test-questions.json') })).rejects.toThrow('test-questions.json:1: question id 1: no answer (the test split keeps them in a separate file: pass --answers)');
  });
});

describe('the cmb task', () => {
  it('scores with the standard extractor, sliced by exam type, class and question type', async () => {
    const replies: Record<string, string> = { '1': 'B', '2': 'AC', '3': '答案：A', '4': 'ABD' };
    const model = fromFunction((_r, { sample }) => replies[(sample as McqSample).id]!, { id: 'test:cmb' });
    const task = cmb({ data: fixture('test-questions.json'), answers: fixture('test-answers.json') });
    const result = await evaluate({ task, model });
    expect(result.metrics.accuracy!.value).toBe(50);
    expect(Object.keys(result.slices)).toEqual(['exam_type', 'exam_class', 'question_type']);
    expect(result.slices.question_type!['多项选择题']!.metrics.accuracy!.value).toBe(50);
  });

  it('reads several letters on a 单项选择题 as no answer, and keeps them on a 多项选择题', () => {
    const task = cmb({ data: fixture('test-questions.json'), answers: fixture('test-answers.json') });
    const single = { id: '1', input: { question: 'q', options: [{ letter: 'A', text: 'a' }, { letter: 'B', text: 'b' }], optionsText: '' }, target: { answer: 'B' }, meta: { question_type: '单项选择题' } } as McqSample;
    const multi = { ...single, meta: { question_type: '多项选择题' } } as McqSample;
    expect(task.parse('AB', single)).toMatchObject({ prediction: null, status: 'unparsed', extraction: { rule: 'several-on-single' } });
    expect(task.parse('AB', multi)).toMatchObject({ prediction: 'AB', status: 'ok' });
  });
});
