// cmexam-paper ROUGE equals CMExam's unmodified evaluator on the real val split (issue 11).
//
// The expected values were produced by running the reference code, not ours: CMExam
// src/evaluation/evaluate_lora_result.py (williamliujl/CMExam@0a2764aa: parse_explanations, evaluate_reasoning
// with `' '.join(list(s))`) and the ROUGE it imports (PETER utils.rouge_score → tensorflow/nmt
// nmt/scripts/rouge.py, `split(" ")` tokens, per-pair scores, np.mean, ×100), with pandas 2.3.3 / numpy
// 1.26.4: `pd.read_csv(val.csv)`, the simulated outputs joined by row index as `model_result`, the frame
// written with `to_csv` and read back with `read_csv` (the script reads its input CSV), then
// `dropna(subset=['答案解析', 'parsed_explanation'])` — 5,772 rows. The nmt LCS table was computed with a row
// DP (the same LCS length). What differed before: the reference scores against the explanation cell exactly
// as pandas reads it (four cells end in newlines or U+3000, which `split(" ")` keeps as tokens), while the
// loader trims it.
import { describe, expect, it } from 'vitest';
import { score } from '@medeval/core';
import { cmexam } from '@medeval/datasets-cmexam';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';

const VAL = sharedPath('data', 'cmexam', 'val.csv');
const OUTPUTS = sharedPath('data', 'cmexam', 'val_outputs_sim.jsonl');
const REFERENCE = { rouge1: 63.504802073326175, rouge2: 56.970881322568545, rougeL: 47.41936528067946, rows: 5772 };

describe('cmexam-paper explanation ROUGE on val.csv + val_outputs_sim.jsonl', () => {
  it.skipIf(!sharedAvailable(VAL) || !sharedAvailable(OUTPUTS))('equals the reference evaluator to 1e-9', async () => {
    const task = cmexam.explanation({ data: VAL, protocol: 'cmexam-paper' });
    const result = await score({ task, predictions: OUTPUTS, bootstrapSamples: 1 });
    for (const name of ['rouge1', 'rouge2', 'rougeL'] as const) {
      const got = result.metrics[name]!;
      expect(got.n, name).toBe(REFERENCE.rows);
      expect(Math.abs(got.value! - REFERENCE[name]) / REFERENCE[name], name).toBeLessThan(1e-9);
    }
  });
});
