// A small but complete run (result + records) for report, display and browser tests. Not exported from
// the package; built with the real RunAggregator so the fixture has the shape evaluate() writes.
import { RunAggregator } from '../aggregate/run-aggregator.js';
import type { EvalRecord, Metric, ResultJson, Status } from '../types.js';

export const XSS_OUTPUT =
  '答案：A</td></tr></table><script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)">"\'&<b>bold</b></script>';

export const fixtureAccuracy: Metric<number> = {
  name: 'accuracy',
  signature: 'accuracy|exact-set|scale:100|v1',
  higherIsBetter: true,
  scale: 'percent',
  interval: 'wilson',
  pairedTest: 'mcnemar',
  item: (input) => (input.prediction !== null && input.prediction === input.sample.target ? 1 : 0),
  aggregate: (xs) => (100 * xs.reduce((s, x) => s + x, 0)) / xs.length,
  sampleScore: (x) => 100 * x,
};

export const fixtureLength: Metric<number> = {
  name: 'distinct1',
  signature: 'distinct1|char|per-text-mean|v1',
  higherIsBetter: true,
  scale: 'fraction',
  item: (input) => (input.output ? new Set(input.output).size / Array.from(input.output).length : null),
  aggregate: (xs) => xs.reduce((s, x) => s + x, 0) / xs.length,
  sampleScore: (x) => x,
};

const DEPARTMENTS = ['内科', '外科', '儿科', '妇产科'];
const DISCIPLINES: Array<[string, string]> = [['临床医学', 'ClinMed'], ['中医学', 'TCM'], ['药学', 'Pharm']];
const DIFFICULTY = ['Easy', 'Manageable', 'Moderate', 'Difficult', 'Extremely difficult'];

export function fixtureRun(count = 60, accuracyShift = 0): { result: ResultJson; records: EvalRecord[] } {
  const metrics = [fixtureAccuracy, fixtureLength];
  const agg = new RunAggregator({
    metrics,
    sliceDimensions: ['Difficulty level', 'Medical Discipline', 'Clinical Department'],
    sliceLabel: (dim, v) =>
      dim === 'Difficulty level' ? `${v} ${DIFFICULTY[Number(v) - 1]}` : dim === 'Medical Discipline' ? (DISCIPLINES.find(([z]) => z === v)?.[1] ?? String(v)) : String(v ?? 'N/A'),
    seed: 1,
    bootstrapSamples: 200,
  });
  const records: EvalRecord[] = [];
  for (let i = 0; i < count; i++) {
    const difficulty = 1 + (i % 5);
    const gold = 'ABCDE'[i % 5]!;
    const correct = (i * 7 + accuracyShift) % 10 < 10 - 2 * difficulty;
    const status: Status = i % 17 === 5 ? 'unparsed' : i % 23 === 7 ? 'empty' : i === 11 ? 'error' : 'ok';
    const output = status === 'error' ? null : status === 'empty' ? '' : i === 3 ? XSS_OUTPUT : `答案：${correct ? gold : 'B'}。解释：第${i}题的解释。`;
    const prediction = status === 'ok' ? (correct ? gold : 'B') : null;
    const acc = status === 'error' ? null : prediction === gold ? 1 : 0;
    const d1 = output ? new Set(output).size / Array.from(output).length : null;
    const meta = {
      'Difficulty level': difficulty,
      'Medical Discipline': DISCIPLINES[i % 3]![0],
      'Clinical Department': i % 4 === 3 ? null : DEPARTMENTS[i % 4]!,
    };
    const items = { accuracy: acc, distinct1: d1 };
    agg.add({ id: String(i), status, items, meta });
    records.push({
      id: String(i), target: gold, output, prediction, status,
      ...(status === 'error' ? { error: 'HTTP 500 <server error>' } : {}),
      scores: { accuracy: acc === null ? null : 100 * acc, distinct1: d1 },
      items, meta, cached: i % 6 === 1,
      input: i === 4 ? '问题<script>window.__pwned=3</script>' : `第${i}题：患者男，45岁，下列哪项最可能？`,
      ...(status === 'ok' ? { extraction: { rule: i % 2 ? 'answer-line' : 'option-text', span: `答案：${prediction}` } } : {}),
      ...(i % 9 === 2 ? { reasoning: `先分析：选项B看似正确，但第${i}题的要点是……` } : {}),
      ...(status === 'error' ? {} : { usage: { prompt_tokens: 100 + (i % 7), completion_tokens: 20 + (i % 5), total_tokens: 120 + (i % 7) + (i % 5) }, latencyMs: 200 + (i % 13) }),
      prompt: [{ role: 'system', content: '你是一名医学专家。' }, { role: 'user', content: `第${i}题：患者男，45岁，下列哪项最可能？\nA. 甲\nB. 乙` }],
      attempts: status === 'error' ? 3 : 1,
    });
  }
  const { metrics: values, slices, counts } = agg.finish();
  const result: ResultJson = {
    schemaVersion: 1,
    task: {
      name: 'cmexam', version: '1', promptId: 'cmexam-zero-shot@1',
      dataset: { source: 'bundled:cmexam-sample', sha256: 'ab'.repeat(32), samples: count, load: null },
    },
    model: { id: 'baseline:fixture<i>' },
    protocol: { name: 'standard', signature: 'standard|extract:strict|acc:exact-set|v1' },
    metrics: values, slices, counts,
    manifest: {
      medeval: { core: '0.1.0' }, runtime: 'node', configHash: 'cafe', metricSignatures: {},
      startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:01:00.000Z', seed: 1, bootstrapSamples: 200,
    },
  };
  return { result, records };
}

export async function* iterate<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
