import type { Metric, MetricInput, Status } from '@medeval/core';
import { describe, expect, it } from 'vitest';
import { cmexam } from './index.js';
import type { CmexamSample } from './schema.js';

async function samples(limit?: number): Promise<CmexamSample[]> {
  const out: CmexamSample[] = [];
  for await (const s of cmexam.load(cmexam.sample, limit !== undefined ? { limit } : {}).samples()) out.push(s);
  return out;
}

function aggregate(metrics: Metric[], inputs: MetricInput[]): Record<string, number> {
  return Object.fromEntries(
    metrics.map((m) => [m.name, m.aggregate(inputs.map((i) => m.item(i)).filter((x) => x !== null))]),
  );
}

describe('cmexam tasks', () => {
  it('answer(): names, protocol signature, prompt id, slices and labels', () => {
    const task = cmexam.answer();
    expect(task.name).toBe('cmexam');
    expect(task.protocol.name).toBe('standard');
    expect(task.protocol.signature).toMatch(/^medeval:standard@2/);
    expect(task.promptId).toBe('cmexam-answer-zero-shot@1');
    expect(task.metrics.map((m) => m.name)).toEqual(['accuracy', 'f1_weighted', 'f1_macro']);
    expect(task.sliceDimensions).toHaveLength(5);
    expect(task.sliceLabel!('Area of Competency', '医学基础知识')).toBe('MedFund');
    expect(task.sliceLabel!('Difficulty level', 5)).toBe('Extremely difficult');
    expect(task.sliceLabel!('Clinical Department', '不符合')).toBe('N/A');
    expect(cmexam.answer({ protocol: 'cmexam-paper' }).promptId).toBe('cmexam-paper-template1@1');
    expect(() => cmexam.answer({ protocol: 'huatuo' })).toThrow(/not a CMExam recipe; the CMExam tasks take: standard, cmexam-paper, cmexam-gpt/);
    expect(cmexam.explanation({ protocol: 'cmexam-paper' }).promptId).toBe('cmexam-paper-template3@1');
    expect(cmexam.joint({ protocol: 'cmexam-paper' }).promptId).toBe('cmexam-paper-template4@1');
    expect(cmexam.answer({ protocol: 'cmexam-gpt' }).promptId).toBe('cmexam-gpt-script@1');
    expect(cmexam.explanation().name).toBe('cmexam-explanation');
    expect(cmexam.joint().name).toBe('cmexam-joint');
  });

  it('has no slice dimensions for a file without annotations', async () => {
    const task = cmexam.answer({ data: { name: 'plain.csv', text: 'Question,Options,Answer,Explanation\n问,"A 甲\nB 乙",A,\n' } });
    expect(task.sliceDimensions).toEqual([]);
    expect(cmexam.answer({ data: '/nowhere/val.csv' }).sliceDimensions).toEqual([]);
    // A file name never decides: before the header is read, a path has no dimensions.
    expect(cmexam.answer({ data: '/nowhere/test_with_annotations.csv' }).sliceDimensions).toEqual([]);
  });

  it('data decides the slices: a renamed annotated file keeps them, an unannotated test.jsonl gets none', async () => {
    const { score } = await import('@medeval/core');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'medeval-slices-'));
    const renamed = join(dir, 'my-exam-2026.csv');
    await writeFile(renamed, cmexam.sample.text);
    const predictions = { name: 'p.jsonl', text: '{"id":"0","output":"答案：A"}\n{"id":"1","output":"答案：B"}\n' };
    const annotated = await score({ task: cmexam.answer({ data: renamed, limit: 2 }), predictions, bootstrapSamples: 10 });
    expect(Object.keys(annotated.slices)).toHaveLength(5);
    const plain = join(dir, 'test.jsonl');
    await writeFile(plain, '{"Question":"问一","Options":"A 甲\\nB 乙","Answer":"A","Explanation":""}\n{"Question":"问二","Options":"A 甲\\nB 乙","Answer":"B","Explanation":""}\n');
    const unannotated = await score({ task: cmexam.answer({ data: plain }), predictions, bootstrapSamples: 10 });
    expect(unannotated.counts.samples).toBe(2);
    expect(unannotated.slices).toEqual({});
  });

  it('parse() says empty / unparsed / ok under each protocol', async () => {
    const [sample] = await samples(1); // answer B
    const standard = cmexam.answer();
    expect(standard.parse('   ', sample!)).toEqual({ prediction: null, status: 'empty', extraction: { rule: 'empty', span: null } });
    expect(standard.parse('我无法回答', sample!)).toEqual({ prediction: null, status: 'unparsed', extraction: { rule: 'no-answer', span: '无法回答' } });
    expect(standard.parse('答案：B', sample!)).toEqual({ prediction: 'B', status: 'ok', extraction: { rule: 'answer-statement', span: '答案：B' } });
    const paper = cmexam.answer({ protocol: 'cmexam-paper' });
    expect(paper.parse('', sample!)).toEqual({ prediction: null, status: 'empty' });
    expect(paper.parse('我无法回答', sample!)).toEqual({ prediction: null, status: 'unparsed' });
    expect(paper.parse('答案: B 60～100次/分', sample!)).toEqual({ prediction: 'B', status: 'ok' });
    const gpt = cmexam.answer({ protocol: 'cmexam-gpt' });
    expect(gpt.parse('答案：B', sample!)).toEqual({ prediction: null, status: 'unparsed' });
    expect(gpt.parse('答案：B，解释：正常心率', sample!)).toEqual({ prediction: 'B', status: 'ok' });
  });

  it('describeInput and serializeTarget', async () => {
    const [sample] = await samples(1);
    expect(cmexam.answer().describeInput!(sample!)).toContain(sample!.input.question);
    expect(cmexam.answer().serializeTarget!(sample!)).toBe('B');
    expect(cmexam.joint().serializeTarget!(sample!)).toEqual({ answer: 'B', explanation: sample!.target.explanation });
  });

  it('standard answer metrics: unparsed counts as wrong (无答案), over all rows', async () => {
    const all = await samples();
    const task = cmexam.answer();
    const inputs = all.map((sample, i) => {
      const output = i % 2 === 0 ? `答案：${sample.target.answer}` : '我无法回答这个问题';
      const parsed = task.parse(output, sample);
      return { sample, output, prediction: parsed.prediction, status: parsed.status as Status };
    });
    const values = aggregate(task.metrics, inputs);
    expect(values['accuracy']).toBeCloseTo((100 * Math.ceil(all.length / 2)) / all.length, 9);
  });

  it('gpt answer metrics drop unparsed rows from the denominator', async () => {
    const all = await samples();
    const task = cmexam.answer({ protocol: 'cmexam-gpt' });
    const inputs = all.map((sample, i) => {
      const output = i % 2 === 0 ? `答案：${sample.target.answer}，解释：略` : '答案不明';
      const parsed = task.parse(output, sample);
      return { sample, output, prediction: parsed.prediction, status: parsed.status as Status };
    });
    expect(aggregate(task.metrics, inputs)['accuracy']).toBe(100);
  });

  it('explanation metrics drop rows without a gold explanation; joint scores both', async () => {
    const all = await samples();
    const chat = (s: CmexamSample) => `答案：${s.target.answer}\n解释：${s.target.explanation}`;
    const template4 = (s: CmexamSample) => `答案: ${s.target.answer}. \n 解释:${s.target.explanation}`;
    const cases = [
      [cmexam.explanation(), chat],
      [cmexam.explanation({ protocol: 'cmexam-paper' }), template4],
      [cmexam.joint(), chat],
      [cmexam.joint({ protocol: 'cmexam-paper' }), template4],
    ] as const;
    for (const [task, format] of cases) {
      const inputs = all.map((sample) => {
        const output = format(sample);
        const parsed = task.parse(output, sample);
        return { sample, output, prediction: parsed.prediction, status: parsed.status as Status };
      });
      const bleu = task.metrics.find((m) => m.name === 'bleu4')!;
      const items = inputs.map((i) => bleu.item(i));
      expect(items.filter((x) => x === null)).toHaveLength(3);
      expect(bleu.aggregate(items.filter((x) => x !== null))).toBeGreaterThan(99.99);
    }
  });

  it('explanation parse under each protocol', () => {
    const sample = { id: '0', input: { question: 'q', options: [], optionsText: '' }, target: { answer: 'A', explanation: 'x' }, meta: {} };
    expect(cmexam.explanation().parse('答案：A\n解释：因为甲。', sample)).toEqual({ prediction: '因为甲。', status: 'ok' });
    expect(cmexam.explanation().parse('答案：A，解释：因为甲。', sample)).toEqual({ prediction: '因为甲。', status: 'ok' });
    expect(cmexam.explanation().parse('因为甲。', sample)).toEqual({ prediction: '因为甲。', status: 'ok' });
    expect(cmexam.explanation({ protocol: 'cmexam-paper' }).parse('答案: A. \n 解释:因为甲。', sample)).toEqual({ prediction: '因为甲。', status: 'ok' });
    expect(cmexam.explanation({ protocol: 'cmexam-paper' }).parse('', sample)).toEqual({ prediction: '无答案', status: 'empty' });
    expect(cmexam.explanation({ protocol: 'cmexam-gpt' }).parse('答案：A，解释：因为甲。', sample)).toEqual({ prediction: '因为甲。', status: 'ok' });
  });
});
