import type { Model, Status } from '@medeval/core';
import { describe, expect, it } from 'vitest';
import { loadCmexam } from '../load/dataset.js';
import { cmexamSample } from '../sample/index.js';
import type { CmexamSample } from '../schema.js';
import { answer } from '../tasks.js';
import { bm25Baseline, buildBm25Index } from './bm25.js';
import { resolveBaseline } from './index.js';
import { randomBaseline } from './random.js';
import { cjkBigramTokens } from '@medeval/metrics/internal';
import { sharedAvailable, sharedPath } from '../../../../tests/helpers/shared-data.js';

const VAL = sharedPath('data/cmexam/val.csv');

/** Runs a baseline over a file through the answer task's parse and metrics (what evaluate() does). */
async function run(model: Model, data: Parameters<typeof loadCmexam>[0], limit?: number) {
  const task = answer({ data, ...(limit !== undefined ? { limit } : {}) });
  const inputs = [];
  for await (const sample of task.dataset.samples()) {
    const request = await task.render(sample);
    const { text } = await model.generate(request, { sample });
    const parsed = task.parse(text, sample);
    expect(parsed.status).toBe('ok');
    inputs.push({ sample, output: text, prediction: parsed.prediction, status: parsed.status as Status });
  }
  const values: Record<string, number> = {};
  for (const m of task.metrics) values[m.name] = m.aggregate(inputs.map((i) => m.item(i)).filter((x) => x !== null));
  return { values, inputs };
}

describe('random baseline', () => {
  it('answers a non-empty subset of the sample’s own option letters, reproducibly per seed and id', async () => {
    const model = randomBaseline({ seed: 3 });
    expect(model.id).toBe('baseline:random(seed=3)');
    const { inputs } = await run(model, cmexamSample);
    for (const { sample, prediction } of inputs) {
      const letters = sample.input.options.map((o) => o.letter).join('');
      expect(prediction).toMatch(/^[A-E]+$/);
      for (const l of prediction as string) expect(letters).toContain(l);
    }
    const again = await run(randomBaseline({ seed: 3 }), cmexamSample);
    expect(again.inputs.map((i) => i.prediction)).toEqual(inputs.map((i) => i.prediction));
    const other = await run(randomBaseline({ seed: 4 }), cmexamSample);
    expect(other.inputs.map((i) => i.prediction)).not.toEqual(inputs.map((i) => i.prediction));
  });

  it('draws all 31 non-empty sets about uniformly', async () => {
    const model = randomBaseline({ seed: 0 });
    const [sample] = await (async () => {
      const out: CmexamSample[] = [];
      for await (const s of loadCmexam(cmexamSample, { limit: 1 }).samples()) out.push(s);
      return out;
    })();
    const counts = new Map<string, number>();
    for (let i = 0; i < 6200; i++) {
      const { text } = await model.generate({ messages: [] }, { sample: { ...sample!, id: String(i) } });
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(n).toBeGreaterThan(120); // expected 200 each
  });

  it.skipIf(!sharedAvailable(VAL))('lands near the paper’s 3.1 accuracy / 5.1 weighted F1 on the real val split', async () => {
    const { values } = await run(randomBaseline({ seed: 0 }), VAL);
    console.log(`random baseline on val.csv (seed 0): accuracy ${values['accuracy']!.toFixed(2)}, weighted F1 ${values['f1_weighted']!.toFixed(2)}, macro F1 ${values['f1_macro']!.toFixed(2)}`);
    expect(values['accuracy']).toBeGreaterThan(2.3);
    expect(values['accuracy']).toBeLessThan(4.0);
    expect(values['f1_weighted']).toBeGreaterThan(3.5);
    expect(values['f1_weighted']).toBeLessThan(6.5);
  });

  it('needs the sample in the generate context', async () => {
    await expect(randomBaseline().generate({ messages: [] }, {})).rejects.toThrow(/needs the CMExam sample/);
  });
});

describe('BM25 baseline', () => {
  it('tokenizes with the one retrieval tokenizer: CJK bigrams, a lone character as a unigram, Latin words whole', () => {
    expect(cjkBigramTokens('心率 CT检查')).toEqual(['心率', 'ct', 'ct检', '检查']);
    expect(cjkBigramTokens('A型，血')).toEqual(['a', 'a型', '血']);
  });

  it('never retrieves the evaluated question’s own explanation (leave-one-out)', async () => {
    const index = await buildBm25Index(cmexamSample);
    for await (const sample of loadCmexam(cmexamSample).samples()) {
      if (sample.target.explanation === '') continue;
      const hits = index.search(`${sample.input.question} ${sample.target.explanation}`, {
        excludeQuestion: sample.input.question,
        limit: 100,
      });
      expect(hits.some((h) => h.text === sample.target.explanation)).toBe(false);
    }
  });

  it('answers every bundled question in the strict format and beats chance there', async () => {
    const model = bm25Baseline();
    expect(model.id).toBe('baseline:bm25(corpus=bundled:cmexam-sample.csv)');
    const { values } = await run(model, cmexamSample);
    console.log(`bm25 baseline on the bundled sample (leave-one-out): accuracy ${values['accuracy']!.toFixed(2)}`);
    expect(values['accuracy']).toBeGreaterThan(100 / 31);
  });

  it('resolveBaseline maps CLI names to models', () => {
    expect(resolveBaseline('baseline:random', { seed: 9 }).id).toBe('baseline:random(seed=9)');
    expect(resolveBaseline('bm25').id).toMatch(/^baseline:bm25\(/);
    expect(() => resolveBaseline('baseline:oracle')).toThrow(/unknown CMExam baseline/);
  });
});
