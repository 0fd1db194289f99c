import { describe, expect, it } from 'vitest';
import { loadCmexam } from '../load/dataset.js';
import { cmexamSample } from '../sample/index.js';
import type { CmexamSample } from '../schema.js';
import { buildPrompt, promptId } from './index.js';
import { gptScriptPrompt, paperInstruction, paperWrap } from './paper.js';

async function first(): Promise<CmexamSample> {
  for await (const s of loadCmexam(cmexamSample, { limit: 1 }).samples()) return s;
  throw new Error('empty sample');
}

describe('prompts', () => {
  it('paper templates 1/3/4 verbatim, wrapped for LoRA inference', async () => {
    const sample = await first();
    const expected = `问题: ${sample.input.question}, \n 选项: ${sample.input.optionsText}\n### 回答:\n`;
    expect(paperWrap(paperInstruction(sample.input))).toBe(expected);
    for (const kind of ['answer', 'explanation', 'joint'] as const) {
      const request = await buildPrompt({ name: 'paper', kind }).render(sample);
      expect(request.messages).toEqual([{ role: 'user', content: expected }]);
    }
  });

  it('the GPT script prompt keeps its wording and joins options with commas', async () => {
    const sample = await first();
    const text = gptScriptPrompt(sample.input);
    expect(text).toContain('假设你是一位医疗行业专家，请回答下列几个问题。');
    expect(text).toContain(`1.题目信息为 ${sample.input.question}:A `);
    expect(text).toContain('字符串输出格式限制为“答案：**,解释：**”');
    expect(text).not.toContain('\nB ');
  });

  it('zero-shot and chain-of-thought ask for a final 答案 line', async () => {
    const sample = await first();
    const zero = await buildPrompt({ name: 'zero-shot', kind: 'answer' }).render(sample);
    expect(zero.messages[0]!.role).toBe('system');
    expect(zero.messages[1]!.content).toContain('答案：X');
    expect(zero.messages[1]!.content).toContain(sample.input.optionsText);
    const cot = await buildPrompt({ name: 'cot', kind: 'answer' }).render(sample);
    expect(cot.messages[1]!.content).toContain('一步一步');
    expect(cot.maxTokens).toBeGreaterThan(zero.maxTokens!);
  });

  it('few-shot: k examples from the train split, seeded, never the question itself', async () => {
    const sample = await first();
    const spec = { name: 'few-shot' as const, kind: 'answer' as const, fewShot: { data: cmexamSample, k: 3, seed: 7 } };
    expect(promptId(spec)).toBe('cmexam-answer-few-shot@1(k=3,seed=7)');
    const a = await buildPrompt(spec).render(sample);
    const b = await buildPrompt(spec).render(sample);
    expect(a).toEqual(b);
    const assistants = a.messages.filter((m) => m.role === 'assistant');
    expect(assistants.length).toBeGreaterThanOrEqual(2);
    for (const m of assistants) expect(m.content).toMatch(/^答案：[A-E]+$/);
    const users = a.messages.filter((m) => m.role === 'user');
    expect(users.slice(0, -1).every((m) => !m.content.includes(sample.input.question))).toBe(true);
    const other = await buildPrompt({ ...spec, fewShot: { ...spec.fewShot, seed: 8 } }).render(sample);
    expect(other).not.toEqual(a);
    expect(() => buildPrompt({ name: 'few-shot', kind: 'answer' })).toThrow(/fewShot/);
  });

  it('knowledge seeds (ICP) go before the question, from a callback or a retriever', async () => {
    const sample = await first();
    const callback = buildPrompt({ name: 'zero-shot', kind: 'answer', knowledgeSeeds: () => ['心率正常为60～100次/分'] });
    expect(callback.id).toBe('cmexam-answer-zero-shot@1+knowledge-seeds@1(callback)');
    const content = (await callback.render(sample)).messages[1]!.content;
    expect(content.indexOf('关键知识点：\n1. 心率正常为60～100次/分')).toBeGreaterThan(-1);
    expect(content.indexOf('关键知识点')).toBeLessThan(content.indexOf(sample.input.question));
    const queries: string[] = [];
    const retriever = buildPrompt({
      name: 'paper',
      kind: 'answer',
      knowledgeSeeds: { name: 'test', k: 2, retrieve: (q, k) => (queries.push(q), ['甲', '乙', '丙'].slice(0, k)) },
    });
    expect(retriever.id).toBe('cmexam-paper-template1@1+knowledge-seeds@1(test,k=2)');
    const paper = (await retriever.render(sample)).messages[0]!.content;
    expect(paper.startsWith('关键知识点：\n1. 甲\n2. 乙\n\n问题: ')).toBe(true);
    expect(queries[0]).toContain(sample.input.question);
  });

  it('rejects an unknown prompt name', () => {
    expect(() => buildPrompt({ name: 'nope' as never, kind: 'answer' })).toThrow(/unknown CMExam prompt 'nope'/);
  });
});
