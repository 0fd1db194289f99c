// End to end: score() from @medeval/core with CMExam tasks. The paper-protocol numbers on the real val
// split are checked against accuracy and weighted F1 re-derived here in a few plain lines.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, score } from '@medeval/core';
import { cmexam, type CmexamSample } from '@medeval/datasets-cmexam';
import { describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';
import { paperScores } from '../helpers/cmexam-independent.js';

const DATA = sharedPath('data/cmexam');
const VAL = `${DATA}/val.csv`;
const OUTPUTS = `${DATA}/val_outputs_sim.jsonl`;
const TEST_SAMPLE = `${DATA}/test_sample.csv`;

describe('medeval score with CMExam tasks', () => {
  it.skipIf(!sharedAvailable(VAL) || !sharedAvailable(OUTPUTS))(
    'cmexam-paper on the val split with simulated outputs equals an independent computation',
    async () => {
      const task = cmexam.answer({ data: VAL, protocol: 'cmexam-paper' });
      const result = await score({ task, predictions: OUTPUTS, bootstrapSamples: 20 });

      const { accuracy, f1, noAnswer } = await paperScores(VAL, OUTPUTS);
      console.log(
        `cmexam-paper on val.csv + val_outputs_sim.jsonl: accuracy ${Number(result.metrics['accuracy']!.value).toFixed(4)} ` +
          `(independent ${accuracy.toFixed(4)}), weighted F1 ${Number(result.metrics['f1_weighted']!.value).toFixed(4)} ` +
          `(independent ${f1.toFixed(4)}), 无答案 ${noAnswer}`,
      );
      expect(result.counts.samples).toBe(6811);
      expect(result.metrics['accuracy']!.n).toBe(6811);
      expect(result.metrics['accuracy']!.value).toBeCloseTo(accuracy, 9);
      expect(result.metrics['f1_weighted']!.value).toBeCloseTo(f1, 9);
      expect(result.protocol.name).toBe('cmexam-paper');
      expect(result.task.promptId).toBe('cmexam-paper-template1@1');
      expect(result.slices).toEqual({});
    },
  );

  it('writes slices by all five annotations (with the paper abbreviations) for the bundled sample', async () => {
    const samples: CmexamSample[] = [];
    for await (const s of cmexam.load(cmexam.sample).samples()) samples.push(s);
    const lines = samples.map((s, i) =>
      JSON.stringify({ id: s.id, output: i % 3 === 0 ? '抱歉，我无法回答。' : `答案：${s.target.answer}` }),
    );
    const out = mkdtempSync(join(tmpdir(), 'cmexam-score-'));
    try {
      const result = await score({
        task: cmexam.answer(),
        predictions: { name: 'preds.jsonl', text: lines.join('\n') },
        out,
        bootstrapSamples: 20,
      });
      const unparsed = samples.filter((_, i) => i % 3 === 0).length;
      expect(result.counts).toMatchObject({ samples: 56, unparsed });
      expect(result.metrics['accuracy']!.value).toBeCloseTo((100 * (56 - unparsed)) / 56, 9);
      expect(Object.keys(result.slices)).toEqual([
        'Disease Group',
        'Clinical Department',
        'Medical Discipline',
        'Area of Competency',
        'Difficulty level',
      ]);
      expect(result.slices['Area of Competency']!['医学基础知识']!.label).toBe('MedFund');
      expect(result.slices['Difficulty level']!['1']!.label).toBe('Easy');
      const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as typeof result;
      expect(Object.keys(written.slices)).toHaveLength(5);
      expect(written.task.promptId).toBe('cmexam-answer-zero-shot@1');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.skipIf(!sharedAvailable(TEST_SAMPLE))('slices the official test rows (test_sample.csv) by their annotations', async () => {
    const lines = Array.from({ length: 9 }, (_, i) => JSON.stringify({ id: String(i), output: '答案：C' }));
    const result = await score({
      task: cmexam.answer({ data: TEST_SAMPLE, protocol: 'cmexam-paper' }),
      predictions: { name: 'p.jsonl', text: lines.join('\n') },
      bootstrapSamples: 20,
    });
    expect(result.counts.samples).toBe(9);
    expect(Object.keys(result.slices)).toHaveLength(5);
    expect(result.slices['Medical Discipline']!['临床医学']!.label).toBe('ClinMed');
  });

  it('evaluate() with the offline baselines on the bundled sample (what `medeval run` does)', async () => {
    for (const name of ['baseline:random', 'baseline:bm25']) {
      const result = await evaluate({
        task: cmexam.answer(),
        model: cmexam.resolveBaseline(name, { seed: 1 }),
        concurrency: 4,
        bootstrapSamples: 20,
      });
      expect(result.counts).toMatchObject({ samples: 56, scored: 56, unparsed: 0, errors: 0 });
      expect(result.model!.id).toMatch(/^baseline:(random\(seed=1\)|bm25\(corpus=bundled:cmexam-sample\.csv\))$/);
      expect(Object.keys(result.slices)).toHaveLength(5);
    }
  });
});
