import { describe, expect, it } from 'vitest';
import { huatuoLiteSample } from './sample/lite-sample.js';
import type { HuatuoSample } from './schema.js';
import { parseAnswer, qa } from './task.js';

async function first(task: ReturnType<typeof qa>): Promise<HuatuoSample> {
  for await (const sample of task.dataset.samples()) return sample;
  throw new Error('no sample');
}

describe('parseAnswer', () => {
  it('gives empty for empty or whitespace-only output (incl. U+3000), ok with the text otherwise', () => {
    expect(parseAnswer('')).toEqual({ prediction: null, status: 'empty' });
    expect(parseAnswer(' \n\u3000\t')).toEqual({ prediction: null, status: 'empty' });
    expect(parseAnswer(' 多喝水。\n')).toEqual({ prediction: ' 多喝水。\n', status: 'ok' });
  });

  it('strips one leading answer label, and only at the start', () => {
    expect(parseAnswer('答：多喝水')).toEqual({ prediction: '多喝水', status: 'ok' });
    expect(parseAnswer('\n回答: 多喝水')).toEqual({ prediction: '多喝水', status: 'ok' });
    expect(parseAnswer('答案：多喝水')).toEqual({ prediction: '多喝水', status: 'ok' });
    expect(parseAnswer('答：')).toEqual({ prediction: null, status: 'empty' });
    expect(parseAnswer('建议回答：多喝水')).toEqual({ prediction: '建议回答：多喝水', status: 'ok' });
    expect(parseAnswer('答：多喝水', false)).toEqual({ prediction: '答：多喝水', status: 'ok' });
  });
});

describe('parseAnswer with reasoning models', () => {
  it('scores the answer after a think block and keeps the block as reasoning', () => {
    expect(parseAnswer('<think>\n患者问的是饮食，应先说低盐。\n</think>\n\n答：低盐低脂饮食。')).toEqual({
      prediction: '低盐低脂饮食。',
      status: 'ok',
      reasoning: '患者问的是饮食，应先说低盐。',
    });
    // DeepSeek-R1's template: the output starts inside the block
    expect(parseAnswer('先想想……</think>多喝水。')).toEqual({ prediction: '多喝水。', status: 'ok', reasoning: '先想想……' });
  });
  it('an unclosed block is truncated; a block with nothing after it is empty; stripReasoning false keeps the text', () => {
    expect(parseAnswer('<think>患者问的是')).toEqual({ prediction: null, status: 'truncated', reasoning: '患者问的是' });
    expect(parseAnswer('<think>想完了</think>\n')).toEqual({ prediction: null, status: 'empty', reasoning: '想完了' });
    expect(parseAnswer('<think>x</think>多喝水', true, false)).toEqual({ prediction: '<think>x</think>多喝水', status: 'ok' });
  });
  it('the task strips reasoning under both protocols by default (no published Huatuo output has a think block)', () => {
    for (const protocol of ['huatuo', 'standard']) {
      expect(qa({ protocol }).parse('<think>x</think>多喝水', undefined as never)).toMatchObject({ prediction: '多喝水', reasoning: 'x' });
    }
    expect(qa({ stripReasoning: false }).parse('<think>x</think>多喝水', undefined as never).prediction).toBe('<think>x</think>多喝水');
  });
});

describe('huatuo.qa()', () => {
  it('defaults to the bundled sample, the huatuo protocol and the chat prompt', async () => {
    const task = qa();
    expect(task.name).toBe('huatuo');
    expect(task.promptId).toBe('huatuo-qa@1');
    expect(task.protocol.name).toBe('huatuo');
    expect(task.protocol.signature.length).toBeGreaterThan(0);
    expect(task.dataset.source).toBe('bundled:huatuo-sample');
    expect(task.metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining(['bleu1', 'bleu2', 'bleu3', 'bleu4', 'gleu', 'rouge1', 'rouge2', 'rougeL', 'distinct1', 'distinct2']),
    );
    expect(task.sliceDimensions).toEqual([]);
    const sample = await first(task);
    const request = await task.render(sample);
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: sample.input.question });
    expect(request.messages[0]!.role).toBe('system');
    expect(task.describeInput!(sample)).toBe(sample.input.question);
    expect(task.serializeTarget!(sample)).toBe(sample.target.answers[0]);
  });

  it('slices Lite data by department, known before the first line is read', () => {
    expect(qa({ data: huatuoLiteSample }).sliceDimensions).toEqual(['department']);
    expect(qa({ data: '/data/Huatuo26M-Lite/format_data.jsonl' }).sliceDimensions).toEqual(['department']);
    expect(qa({ data: '/data/test_datasets.jsonl' }).sliceDimensions).toEqual([]);
    expect(qa({ data: '/data/mine.jsonl', format: 'lite' }).sliceDimensions).toEqual(['department']);
  });

  it('uses every answer of a list line as a reference, or only the first', async () => {
    const data = { name: 'enc.jsonl', text: JSON.stringify({ questions: [['q1', 'q2']], answers: ['a1', 'a2'] }) };
    const all = qa({ data });
    const firstOnly = qa({ data, references: 'first' });
    const sample = await first(all);
    expect(all.serializeTarget!(sample)).toEqual(['a1', 'a2']);
    expect(firstOnly.serializeTarget!(sample)).toBe('a1');
  });

  it('offers the plain prompt and refuses unknown prompts and protocols', async () => {
    const task = qa({ prompt: 'huatuo-plain@1', limit: 2 });
    const sample = await first(task);
    expect((await task.render(sample)).messages).toEqual([{ role: 'user', content: sample.input.question }]);
    expect(() => qa({ prompt: 'nope@1' })).toThrow(/unknown Huatuo prompt "nope@1"; known: huatuo-qa@1, huatuo-plain@1/);
    expect(() => qa({ protocol: 'no-such-protocol' })).toThrow(/unknown protocol "no-such-protocol"/);
    expect(() => qa({ protocol: 'cmexam-paper' })).toThrow(/the huatuo task takes: huatuo, standard/);
  });

  it('under standard, still reports the contract metric names', () => {
    const names = qa({ protocol: 'standard' }).metrics.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['bleu4', 'rouge1', 'rouge2', 'rougeL']));
  });
});
