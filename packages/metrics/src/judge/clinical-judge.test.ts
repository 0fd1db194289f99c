import { describe, expect, it } from 'vitest';
import { evaluate, fromFunction, type MetricInput, type ModelRequest, type Sample } from '@medeval/core';
import { clinicalJudgeMetrics, readClinicalVerdict } from './clinical-judge.js';

describe('readClinicalVerdict', () => {
  it('reads the JSON object after a reasoning block or inside a code fence; numeric strings count', () => {
    expect(readClinicalVerdict('<think>先看流畅性……{"x": 1}</think>\n{"fluency": 4, "relevance": "5", "completeness": 3, "proficiency": 2}')).toEqual({
      verdict: { fluency: 4, relevance: 5, completeness: 3, proficiency: 2 },
    });
    expect(readClinicalVerdict('```json\n{"fluency":5,"relevance":5,"completeness":5,"proficiency":5,"reason":"好"}\n```')).toEqual({
      verdict: { fluency: 5, relevance: 5, completeness: 5, proficiency: 5 },
    });
  });

  it('names what is wrong: no object, bad JSON, a missing aspect, a score out of range or not whole', () => {
    expect(readClinicalVerdict('很好')).toEqual({ problem: 'no JSON object in the reply' });
    expect(readClinicalVerdict('{fluency: 5}')).toMatchObject({ problem: expect.stringMatching(/^not valid JSON/) });
    expect(readClinicalVerdict('{"fluency": 5, "relevance": 5, "completeness": 5}')).toMatchObject({ problem: expect.stringMatching(/^proficiency:/) });
    expect(readClinicalVerdict('{"fluency": 6, "relevance": 5, "completeness": 5, "proficiency": 5}')).toEqual({ problem: 'fluency: must be 1–5' });
    expect(readClinicalVerdict('{"fluency": 4.5, "relevance": 5, "completeness": 5, "proficiency": 5}')).toEqual({ problem: 'fluency: must be a whole number 1–5' });
  });
});

type QA = Sample<{ question: string }, { answer: string }>;
const samples: QA[] = [
  { id: '0', input: { question: '发热怎么办？' }, target: { answer: '多饮水，必要时就医。' } },
  { id: '1', input: { question: '咳嗽怎么办？' }, target: { answer: '' } },
  { id: '2', input: { question: '头痛怎么办？' }, target: { answer: '休息，排查病因。' } },
];
const input = (sample: QA, output: string | null, status: MetricInput['status'] = 'ok'): MetricInput<QA> => ({ sample, output, prediction: output, status });

describe('clinicalJudgeMetrics', () => {
  function setup(reply: (request: ModelRequest) => string) {
    const requests: ModelRequest[] = [];
    const judge = fromFunction((request) => {
      requests.push(request);
      return reply(request);
    }, { id: 'test:judge' });
    const metrics = clinicalJudgeMetrics<MetricInput<QA>>({
      model: judge,
      question: ({ sample }) => sample.input.question,
      reference: ({ sample }) => sample.target.answer,
    });
    return { metrics, requests };
  }

  it('asks once per sample for all five metrics; the mean is the mean of the four aspects', async () => {
    const { metrics, requests } = setup(() => '{"fluency": 5, "relevance": 4, "completeness": 2, "proficiency": 3}');
    expect(metrics.map((m) => m.name)).toEqual(['judge_fluency', 'judge_relevance', 'judge_completeness', 'judge_proficiency', 'judge_mean']);
    const one = input(samples[0]!, '建议多喝水。');
    const items = await Promise.all(metrics.map((m) => m.item(one)));
    expect(items).toEqual([5, 4, 2, 3, 3.5]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.messages[1]!.content).toBe('【问题】\n发热怎么办？\n\n【参考答案】\n多饮水，必要时就医。\n\n【待评回答】\n建议多喝水。');
    expect(metrics[4]!.signature).toBe('judge_mean|judge:test:judge|rubric:cmb-clin-4d@1|scale:1-5|mean|v1');
  });

  it('re-asks a malformed reply once with the problem named; still malformed leaves the sample unscored', async () => {
    let n = 0;
    const { metrics, requests } = setup(() => (++n === 1 ? '回答不错' : '{"fluency": 3, "relevance": 3, "completeness": 3, "proficiency": 3}'));
    expect(await metrics[0]!.item(input(samples[0]!, '多喝水'))).toBe(3);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.messages.slice(2)).toEqual([
      { role: 'assistant', content: '回答不错' },
      { role: 'user', content: expect.stringContaining('这条回复无法使用：no JSON object in the reply。') },
    ]);
    const never = setup(() => '好');
    expect(await never.metrics[0]!.item(input(samples[0]!, '多喝水'))).toBeNull();
    expect(never.requests).toHaveLength(2);
  });

  it('does not ask for a failed or empty answer (1 on every aspect) or a sample without a reference (not scorable)', async () => {
    const { metrics, requests } = setup(() => '{"fluency": 5, "relevance": 5, "completeness": 5, "proficiency": 5}');
    expect(await metrics[4]!.item(input(samples[0]!, null, 'error'))).toBe(1);
    expect(await metrics[1]!.item(input(samples[2]!, '  '))).toBe(1);
    expect(await metrics[0]!.item(input(samples[1]!, '多喝水'))).toBeNull();
    expect(requests).toHaveLength(0);
  });

  it('runs inside evaluate(): items awaited, means and n like any metric', async () => {
    const { metrics, requests } = setup((request) => {
      const answer = /【待评回答】\n(.*)$/s.exec(request.messages[1]!.content)![1]!;
      return JSON.stringify({ fluency: 4, relevance: answer.length > 3 ? 5 : 2, completeness: 3, proficiency: 4 });
    });
    const task = {
      name: 'qa', version: '1', promptId: 'p', protocol: { name: 'test', signature: 'test|v1' },
      dataset: { name: 'qa', source: 'memory', async *samples() { yield* samples; }, summary: () => ({ source: 'memory', read: 3, loaded: 3, skipped: 0, reasons: {}, problems: [] }) },
      render: (s: QA) => ({ messages: [{ role: 'user' as const, content: s.input.question }] }),
      parse: (output: string) => ({ prediction: output, status: 'ok' as const }),
      metrics: [],
    };
    const model = fromFunction((_r, { sample }) => (sample!.id === '0' ? '多喝水，多休息' : '休息'), { id: 'test:m' });
    const result = await evaluate({ task, model, metrics: metrics as never });
    expect(requests).toHaveLength(2); // sample 1 has no reference
    expect(result.metrics.judge_relevance).toMatchObject({ value: (5 + 2) / 2, n: 2 });
    expect(result.metrics.judge_mean!.value).toBeCloseTo((4 + 5 + 3 + 4 + (4 + 2 + 3 + 4)) / 8, 12);
  });
});
