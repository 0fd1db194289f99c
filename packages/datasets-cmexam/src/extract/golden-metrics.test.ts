// The golden answer.metric_lists[] (CMExam's own evaluate_prediction / evaluation code, sklearn 1.2.1)
// reproduced through this package's tasks (parse) and @medeval/metrics' answerMetrics.
import { readFileSync } from 'node:fs';
import type { Metric, MetricInput, Status } from '@medeval/core';
import { answerMetrics } from '@medeval/metrics';
import { describe, expect, it } from 'vitest';
import { parseOptionLines } from '../load/row.js';
import type { CmexamSample } from '../schema.js';
import { answer } from '../tasks.js';
import { csvRoundTrip } from './pandas-csv.js';

interface GoldenCase {
  options: string;
  gold: string;
  model_result: string | null;
}
interface MetricList {
  name: string;
  gold: Array<string | null>;
  pred?: string[];
  pred_before_csv_roundtrip?: string[];
  kept_indices?: number[];
  acc_percent?: number;
  weighted: { f1: number; precision: number; recall: number };
}

const golden = JSON.parse(
  readFileSync(new URL('../../../../fixtures/golden/cmexam_protocol.json', import.meta.url), 'utf8'),
) as { answer: { cases: GoldenCase[]; metric_lists: MetricList[] } };
const lists = new Map(golden.answer.metric_lists.map((l) => [l.name, l]));

function sampleOf(c: GoldenCase, i: number): CmexamSample {
  return {
    id: String(i),
    input: { question: `q${i}`, options: parseOptionLines(c.options), optionsText: c.options },
    target: { answer: c.gold, explanation: '' },
    meta: {},
  };
}

function score(metrics: Metric[], inputs: MetricInput[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics) {
    const items = inputs.map((input) => m.item(input)).filter((item) => item !== null);
    out[m.name] = m.aggregate(items);
  }
  return out;
}

function expectList(values: Record<string, number>, list: MetricList): void {
  expect(values['accuracy']).toBeCloseTo(list.acc_percent!, 9);
  expect(values['f1_weighted']).toBeCloseTo(list.weighted.f1 * 100, 9);
}

/** A golden case scored by a task: null model_result (pandas NaN) reaches the task as an empty output. */
function viaTask(protocol: 'cmexam-paper' | 'cmexam-gpt'): MetricInput[] {
  const task = answer({ protocol });
  return golden.answer.cases.map((c, i) => {
    const sample = sampleOf(c, i);
    const output = c.model_result ?? '';
    const parsed = task.parse(output, sample);
    return { sample, output, prediction: parsed.prediction, status: parsed.status as Status };
  });
}

describe('golden metric lists through the tasks and answerMetrics', () => {
  it('answer_cases|parse_options|lora_style via cmexam-paper', () => {
    const task = answer({ protocol: 'cmexam-paper' });
    expectList(score(task.metrics, viaTask('cmexam-paper')), lists.get('answer_cases|parse_options|lora_style')!);
  });

  it('answer_cases|gpt_regex|gpt_style via cmexam-gpt (unparsed rows dropped)', () => {
    const task = answer({ protocol: 'cmexam-gpt' });
    const inputs = viaTask('cmexam-gpt');
    const list = lists.get('answer_cases|gpt_regex|gpt_style')!;
    const kept = inputs.flatMap((input, i) => (input.prediction !== null ? [i] : []));
    expect(kept).toEqual(list.kept_indices);
    expectList(score(task.metrics, inputs), list);
  });

  it('answer_cases|strict_answer|lora_style: the golden regex answers, unparsed counted as 无答案', () => {
    const cases = (golden.answer.cases as Array<GoldenCase & { strict_answer: string | null }>);
    const metrics = answerMetrics({
      protocol: 'standard',
      gold: (i) => (i.sample as CmexamSample).target.answer,
      predicted: (i) => (i.prediction as string | null) ?? '无答案',
    });
    const inputs = cases.map((c, i) => ({ sample: sampleOf(c, i), output: c.model_result, prediction: c.strict_answer, status: 'ok' as Status }));
    expectList(score(metrics, inputs), lists.get('answer_cases|strict_answer|lora_style')!);
  });

  const hand = golden.answer.metric_lists.filter((l) => l.name.startsWith('hand|') && l.acc_percent !== undefined);
  it.each(hand.map((l) => [l.name, l] as const))('%s', (name, list) => {
    const gpt = name.startsWith('hand|gpt|');
    const preds = gpt ? list.pred_before_csv_roundtrip! : list.pred!;
    const metrics = answerMetrics({
      protocol: gpt ? 'cmexam-gpt' : 'cmexam-paper',
      gold: (i) => (i.sample as CmexamSample).target.answer,
      predicted: (i) => (gpt ? csvRoundTrip(i.prediction as string) : (i.prediction as string)),
    });
    const inputs = list.gold.map((gold, i) => ({
      sample: { id: String(i), input: {}, target: { answer: gold ?? '', explanation: '' }, meta: {} } as unknown as CmexamSample,
      output: preds[i]!,
      prediction: preds[i]!,
      status: 'ok' as Status,
    }));
    expectList(score(metrics, inputs), list);
  });
});
