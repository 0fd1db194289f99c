// CMB-Clin on a hand-written case file in its published format (see fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, fromFunction } from '@medeval/core';
import { cmbClin, cmbClinJudgeMetrics, cmbClinMessages, loadCmbClin, type CmbClinSample } from './index.js';

const data = { name: 'clin.json', text: readFileSync(new URL('./fixtures/clin.json', import.meta.url), 'utf8') };

async function all(): Promise<CmbClinSample[]> {
  const out: CmbClinSample[] = [];
  for await (const s of loadCmbClin(data).samples()) out.push(s);
  return out;
}

describe('CMB-Clin', () => {
  it('one sample per question, asked with the case and the earlier questions answered by their solutions', async () => {
    const samples = await all();
    expect(samples.map((s) => s.id)).toEqual(['0/0', '0/1', '1/0']);
    expect(cmbClinMessages(samples[0]!)).toEqual([
      { role: 'user', content: '以下是一位病人的病例：\n病人，男，25岁，转移性右下腹痛12小时，伴发热。查体：右下腹麦氏点压痛、反跳痛。血常规：WBC 13×10^9/L。\n简述该病人的诊断及诊断依据。' },
    ]);
    const second = cmbClinMessages(samples[1]!);
    expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second[1]!.content).toBe('诊断：急性阑尾炎。依据：转移性右下腹痛，麦氏点压痛、反跳痛，白细胞升高。');
    expect(second[2]!.content).toBe('简述该病人的治疗原则。');
  });

  it('scores ROUGE against the solution, and the medical judge when given, sliced by case', async () => {
    const model = fromFunction((request) => (request.messages.length === 1 && /阑尾/.test(request.messages[0]!.content) ? '诊断：急性阑尾炎。' : '建议就医。'), { id: 'test:m' });
    const judge = fromFunction(() => '{"fluency": 4, "relevance": 4, "completeness": 2, "proficiency": 3}', { id: 'test:judge' });
    const result = await evaluate({ task: cmbClin({ data }), model, metrics: cmbClinJudgeMetrics(judge) });
    expect(result.counts.samples).toBe(3);
    expect(result.metrics.rougeL!.n).toBe(3);
    expect(result.metrics.judge_mean!.value).toBeCloseTo(3.25, 12);
    expect(Object.keys(result.slices.case!)).toHaveLength(2);
  });
});
