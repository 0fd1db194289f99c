// The loader, prompt and task on the real CMMLU medical files (../shared/data/cmmlu, copied unchanged from
// haonan-li/CMMLU at d6e7b71; skipped with a message when absent). Counts are those of the files.
import { describe, expect, it } from 'vitest';
import { evaluate, fromFunction } from '@medeval/core';
import { sharedAvailable, sharedPath } from '../../../tests/helpers/shared-data.js';
import { cmmlu, cmmluPrompt, loadCmmlu, MEDICAL_SUBJECTS, type CmmluSample } from './index.js';

const DIR = sharedPath('data', 'cmmlu');
const have = sharedAvailable(`${DIR}/test/anatomy.csv`);

const COUNTS: Record<string, number> = {
  anatomy: 148, clinical_knowledge: 237, college_medical_statistics: 106, college_medicine: 273, genetics: 176,
  nutrition: 145, professional_medicine: 376, traditional_chinese_medicine: 185, virology: 169,
};

async function all(split: 'test' | 'dev'): Promise<CmmluSample[]> {
  const out: CmmluSample[] = [];
  for await (const s of loadCmmlu(DIR, { split, subjects: MEDICAL_SUBJECTS }).samples()) out.push(s);
  return out;
}

describe.skipIf(!have)('CMMLU medical subjects, real files', () => {
  it('loads every test question of the nine subjects (1,815) and five dev examples each', async () => {
    const test = await all('test');
    expect(test).toHaveLength(1815);
    for (const [subject, n] of Object.entries(COUNTS)) expect(test.filter((s) => s.input.subject === subject)).toHaveLength(n);
    expect(new Set(test.map((s) => s.id)).size).toBe(1815);
    expect(test.every((s) => /^[ABCD]$/.test(s.target.answer) && s.input.options.length === 4)).toBe(true);
    const dev = await all('dev');
    expect(dev).toHaveLength(45);
    expect(test[0]).toMatchObject({ id: 'anatomy/0', input: { question: '女性生殖腺是', subject: 'anatomy' }, target: { answer: 'A' }, meta: { subject: '解剖学' } });
  });

  it("builds CMMLU's prompt: instruction, k dev examples with answers, then the question and 答案是：", async () => {
    const [question] = await all('test');
    const dev = (await all('dev')).filter((s) => s.input.subject === 'anatomy');
    expect(cmmluPrompt(question!, [])).toBe('以下是关于解剖学的单项选择题，请直接给出正确答案的选项。\n\n题目：女性生殖腺是\nA. 卵巢\nB. 前庭大腺\nC. 前庭球\nD. 乳腺\n答案是：');
    expect(cmmluPrompt(question!, dev.slice(0, 1))).toBe(
      '以下是关于解剖学的单项选择题，请直接给出正确答案的选项。\n\n题目：壁胸膜的分部不包括\nA. 肋胸膜\nB. 肺胸膜\nC. 膈胸膜\nD. 胸膜顶\n答案是：B\n\n' +
        '题目：女性生殖腺是\nA. 卵巢\nB. 前庭大腺\nC. 前庭球\nD. 乳腺\n答案是：',
    );
    const task = cmmlu.medical({ data: DIR, shots: 5 });
    const request = await task.render(question!);
    expect((request.messages[0]!.content.match(/答案是：[ABCD]\n\n/g) ?? []).length).toBe(5);
  });

  it('the random baseline lands near 25 %; micro and macro accuracy as CMMLU reports them, by subject', async () => {
    const test = await all('test');
    const result = await evaluate({ task: cmmlu.medical({ data: DIR, protocol: 'cmmlu-paper' }), model: cmmlu.baselines.random({ seed: 1 }), concurrency: 16 });
    const accuracy = result.metrics.accuracy!.value!;
    expect(accuracy).toBeGreaterThan(21);
    expect(accuracy).toBeLessThan(29);
    // Micro from the per-subject slices, weighted by n; macro = their plain mean (CMMLU's np.mean of subjects).
    const slices = Object.values(result.slices.subject!);
    expect(slices).toHaveLength(9);
    expect(Object.keys(result.slices.subject!).sort()).toEqual(Object.values({ a: '解剖学', b: '临床知识', c: '大学医学统计', d: '大学医学', e: '遗传学', f: '营养学', g: '专业医学', h: '中医中药', i: '病毒学' }).sort());
    const micro = slices.reduce((sum, s) => sum + s.metrics.accuracy!.value! * s.n, 0) / test.length;
    const macro = slices.reduce((sum, s) => sum + s.metrics.accuracy!.value!, 0) / slices.length;
    expect(accuracy).toBeCloseTo(micro, 9);
    expect(result.metrics.accuracy_macro!.value).toBeCloseTo(macro, 9);
  });

  it('cmmlu-paper reads answers with extract_choice: a model right on every other question scores exactly that', async () => {
    const test = await all('test');
    const model = fromFunction((_r, { sample }) => {
      const s = sample as CmmluSample;
      const k = Number(s.id.split('/')[1]);
      const wrong = 'ABCD'[('ABCD'.indexOf(s.target.answer) + 1) % 4];
      return k % 2 === 0 ? `经过分析，答案是：${s.target.answer}` : `我选择：${wrong}`;
    }, { id: 'test:half' });
    const result = await evaluate({ task: cmmlu.medical({ data: DIR, protocol: 'cmmlu-paper' }), model, concurrency: 16 });
    const right = test.filter((s) => Number(s.id.split('/')[1]) % 2 === 0).length;
    expect(result.metrics.accuracy!.value).toBeCloseTo((100 * right) / test.length, 9);
    expect(result.extraction!.rules).toEqual({ 'cmmlu:single:1': right, 'cmmlu:single:3': test.length - right });
  });
});

describe('without the data folder', () => {
  it('says where the data comes from when the samples are read', async () => {
    const task = cmmlu.medical();
    await expect((async () => {
      for await (const _ of task.dataset.samples()) break;
    })()).rejects.toThrow(/CMMLU needs its data folder/);
  });
});

describe('standard extraction on CMMLU', () => {
  it('reads several letters as no answer, since every CMMLU question has one answer', () => {
    const task = cmmlu.medical();
    const sample = { id: 'anatomy/0', input: { subject: 'anatomy', question: 'q', options: [{ letter: 'A', text: 'a' }, { letter: 'B', text: 'b' }, { letter: 'C', text: 'c' }, { letter: 'D', text: 'd' }], optionsText: '' }, target: { answer: 'A' } } as unknown as CmmluSample;
    expect(task.parse('答案是：AB', sample)).toMatchObject({ prediction: null, status: 'unparsed', extraction: { rule: 'several-on-single' } });
    expect(task.parse('答案是：B', sample)).toMatchObject({ prediction: 'B', status: 'ok' });
    expect(task.protocol.signature).toContain('extract:medeval-standard@2,single-answer');
  });
});

describe('CMMLU protocol definitions (protocols.ts)', () => {
  it('each protocol whole: extraction signature, answer length, and an unknown name refused', async () => {
    const { CMMLU_PROTOCOL_DEFINITIONS, cmmluProtocol } = await import('./protocols.js');
    expect(Object.fromEntries(Object.values(CMMLU_PROTOCOL_DEFINITIONS).map((d) => [d.name, [d.extraction, d.maxTokens]]))).toEqual({
      standard: ['extract:medeval-standard@2,single-answer', 1024],
      'cmmlu-paper': ['extract:cmmlu-extract_choice@d6e7b71|fallback:seeded-random', 256],
    });
    expect(() => cmmluProtocol('cmexam-paper')).toThrow('CMMLU protocol "cmexam-paper": choose one of standard, cmmlu-paper');
  });
});
