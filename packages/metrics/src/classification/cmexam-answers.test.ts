// The CMExam evaluation scripts' answer metrics (cmexam_protocol.json answer.metric_lists[]):
// accuracy and sklearn weighted P/R/F over atomic answer strings, via the Metric objects.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricInput } from '@medeval/core';
import { accuracyMetric, prfMetric } from './metric.js';

const golden = JSON.parse(readFileSync(new URL('../../../../fixtures/golden/cmexam_protocol.json', import.meta.url), 'utf8'));
type Row = { gold: string; pred: string | null };
const input = (r: Row): MetricInput => ({ sample: { id: '0', input: null, target: r.gold }, output: r.pred, prediction: r.pred, status: r.pred === null ? 'unparsed' : 'ok' });
const gold = (i: MetricInput) => i.sample.target as string;
const predicted = (i: MetricInput) => i.prediction as string | null;

function close(actual: number, expected: number, what: string): void {
  const tol = Math.max(1e-12 * Math.abs(expected), 1e-15);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

// pandas read_csv default NA strings: such predictions come back as NaN and the GPT script drops them.
const PANDAS_NA = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);

describe('CMExam answer metrics (metric_lists)', () => {
  const acc = accuracyMetric({ gold, predicted });
  const P = prfMetric({ name: 'precision_weighted', average: 'weighted', measure: 'precision', gold, predicted });
  const R = prfMetric({ name: 'recall_weighted', average: 'weighted', measure: 'recall', gold, predicted });
  const F = prfMetric({ name: 'f1_weighted', average: 'weighted', gold, predicted });

  for (const list of golden.answer.metric_lists) {
    it(list.name, () => {
      const gpt = 'pred_before_csv_roundtrip' in list;
      let rows: Row[];
      if (gpt) {
        // GPT style: rows whose prediction reads back as NaN are dropped (predicted() returns null).
        rows = list.gold.map((g: string, i: number) => ({ gold: g, pred: PANDAS_NA.has(list.pred_before_csv_roundtrip[i]) ? null : list.pred_before_csv_roundtrip[i] }));
        const kept = rows.map((r, i) => (r.pred === null ? -1 : i)).filter((i) => i >= 0);
        expect(kept).toEqual(list.kept_indices);
      } else {
        rows = list.gold.map((g: string | null, i: number) => ({ gold: g === null ? 'nan' : g, pred: list.pred[i] }));
      }
      const accItems = rows.map((r) => acc.item(input(r))).filter((x): x is number => x !== null);
      const labelItems = (m: typeof F) => rows.map((r) => m.item(input(r))).filter((x) => x !== null);
      if (gpt) {
        expect(accItems.length).toBe(list.total_counted);
        expect(accItems.reduce((a, b) => a + b, 0)).toBe(list.correct);
        if (typeof list.acc_fraction === 'number') close(acc.aggregate(accItems) / 100, list.acc_fraction, 'acc_fraction');
        else expect(Number.isNaN(acc.aggregate(accItems))).toBe(true); // Python: ZeroDivisionError
      } else {
        expect(accItems.length).toBe(list.n);
        expect(accItems.reduce((a, b) => a + b, 0)).toBe(list.correct);
        close(acc.aggregate(accItems), list.acc_percent, 'acc_percent');
      }
      if (accItems.length === 0) {
        // sklearn 1.2.1 returns 0/0/0 for weighted P/R/F on empty lists; so do we.
        expect(list.weighted).toEqual({ precision: 0, recall: 0, f1: 0, support: null, sklearn_warnings: [] });
        expect([P.aggregate([]), R.aggregate([]), F.aggregate([])]).toEqual([0, 0, 0]);
        return;
      }
      close(P.aggregate(labelItems(P)) / 100, list.weighted.precision, 'weighted precision');
      close(R.aggregate(labelItems(R)) / 100, list.weighted.recall, 'weighted recall');
      close(F.aggregate(labelItems(F)) / 100, list.weighted.f1, 'weighted f1');
    });
  }
});
