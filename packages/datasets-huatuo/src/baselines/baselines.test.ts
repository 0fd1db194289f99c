import { describe, expect, it } from 'vitest';
import type { Model } from '@medeval/core';
import { loadHuatuo } from '../load/dataset.js';
import { huatuoSample } from '../sample/test-sample.js';
import type { HuatuoSample } from '../schema.js';
import { bm25 } from './bm25.js';
import { randomAnswer } from './random.js';
import { resolveBaseline } from './resolve.js';
import { cjkBigramTokens } from './tokenize.js';

async function bundled(): Promise<HuatuoSample[]> {
  const out: HuatuoSample[] = [];
  for await (const s of loadHuatuo(huatuoSample).samples()) out.push(s);
  return out;
}

const ask = (model: Model, sample: HuatuoSample) =>
  model.generate({ messages: [{ role: 'user', content: sample.input.question }] }, { sample });

describe('cjkBigramTokens', () => {
  it('gives character bigrams per run, lone characters and ASCII words as unigrams, punctuation and spaces as breaks', () => {
    expect(cjkBigramTokens('高血压CT，150 mg')).toEqual(['高血', '血压', 'ct', '压ct', '150', 'mg']);
    expect(cjkBigramTokens('胃，疼')).toEqual(['胃', '疼']);
    expect(cjkBigramTokens('HPV阳性')).toEqual(['hpv', 'hpv阳', '阳性']);
    expect(cjkBigramTokens('　 ，。')).toEqual([]);
    expect(cjkBigramTokens('𠮷a')).toEqual(['a', '𠮷a']);
  });
});

describe('bm25 baseline', () => {
  it('answers with a retrieved answer and, leave-one-out, never with the sample own answer', async () => {
    const samples = await bundled();
    const model = bm25({ corpus: huatuoSample });
    expect(model.id).toBe('baseline:bm25(corpus=bundled:huatuo-sample,loo)');
    const corpusAnswers = new Set(samples.flatMap((s) => s.target.answers));
    for (const sample of samples) {
      const { text } = await ask(model, sample);
      expect(corpusAnswers.has(text)).toBe(true);
      expect(sample.target.answers).not.toContain(text);
    }
  });

  it('retrieves a topical neighbour: the repeated question finds its twin, disc herniation finds disc herniation', async () => {
    const samples = await bundled();
    const model = bm25({ corpus: huatuoSample });
    // Lines 44 and 45 share the question "乙肝疫苗需要打几针？": each retrieves the other's answer.
    expect((await ask(model, samples[44]!)).text).toBe(samples[45]!.target.answers[0]);
    expect((await ask(model, samples[45]!)).text).toBe(samples[44]!.target.answers[0]);
    // Lines 35 and 36 both ask about 腰椎间盘突出.
    expect((await ask(model, samples[35]!)).text).toBe(samples[36]!.target.answers[0]);
    expect((await ask(model, samples[36]!)).text).toBe(samples[35]!.target.answers[0]);
  });

  it('without leave-one-out returns the exact match (the leak leave-one-out prevents)', async () => {
    const samples = await bundled();
    const model = bm25({ corpus: huatuoSample, leaveOneOut: false });
    expect(model.id).toBe('baseline:bm25(corpus=bundled:huatuo-sample)');
    expect((await ask(model, samples[10]!)).text).toBe(samples[10]!.target.answers[0]);
  });

  it('takes inline pairs and works from the chat message when no sample is given', async () => {
    const model = bm25({
      corpus: [
        { question: '头痛怎么办', answer: '休息' },
        { question: '牙疼怎么办', answer: '看牙医' },
      ],
    });
    expect(model.id).toBe('baseline:bm25(corpus=inline[2],loo)');
    const reply = await model.generate({ messages: [{ role: 'user', content: '牙疼得厉害怎么办？' }] }, {});
    expect(reply.text).toBe('看牙医');
    // No shared bigram: the question sharing the most characters ("牙"); nothing shared at all: no answer.
    expect(await model.generate({ messages: [{ role: 'user', content: '拔牙' }] }, {})).toEqual({
      text: '看牙医',
      finishReason: 'char-overlap',
    });
    const none = await model.generate({ messages: [{ role: 'user', content: 'xyz' }] }, {});
    expect(none).toEqual({ text: '', finishReason: 'no-match' });
  });
});

describe('random-answer baseline', () => {
  it('is seeded, order-independent and leave-one-out', async () => {
    const samples = await bundled();
    const a = randomAnswer({ corpus: huatuoSample, seed: 7 });
    const b = randomAnswer({ corpus: huatuoSample, seed: 7 });
    const c = randomAnswer({ corpus: huatuoSample, seed: 8 });
    expect(a.id).toBe('baseline:random(corpus=bundled:huatuo-sample,seed=7,loo)');
    const forward = await Promise.all(samples.map((s) => ask(a, s).then((r) => r.text)));
    const backward = (await Promise.all([...samples].reverse().map((s) => ask(b, s).then((r) => r.text)))).reverse();
    const other = await Promise.all(samples.map((s) => ask(c, s).then((r) => r.text)));
    expect(backward).toEqual(forward);
    expect(other).not.toEqual(forward);
    samples.forEach((s, i) => expect(s.target.answers).not.toContain(forward[i]));
  });
});

describe('resolveBaseline', () => {
  it('resolves the CLI specs, defaults to the bundled sample, and the task data when given', () => {
    expect(resolveBaseline('baseline:bm25')!.id).toBe('baseline:bm25(corpus=bundled:huatuo-sample,loo)');
    expect(resolveBaseline('baseline:random', { seed: 3 })!.id).toBe('baseline:random(corpus=bundled:huatuo-sample,seed=3,loo)');
    expect(resolveBaseline('baseline:bm25', { task: { data: 'data/test.jsonl' } })!.id).toBe(
      'baseline:bm25(corpus=data/test.jsonl,loo)',
    );
    expect(resolveBaseline('baseline:oracle')).toBeUndefined();
  });
});
