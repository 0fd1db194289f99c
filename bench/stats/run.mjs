#!/usr/bin/env node
// bench/stats: RunAggregator.finish() — the per-slice percentile bootstrap — on 6,811 synthetic
// CMExam-like answers (the size of CMExam's test split) with its five annotation dimensions, 1000
// resamples, for the answer metrics accuracy + f1_weighted + f1_macro. Also times one f1_weighted /
// f1_macro aggregate over all items, and prints a SHA-256 of the result JSON so a change to the
// aggregates can be checked to give bit-identical values. Uses the built packages (packages/*/dist).
// Writes bench/results/stats.json.
// usage: node bench/stats/run.mjs [--runs N] [--samples 1000] [--items 6811]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const runs = opt('--runs', 3);
const bootstrapSamples = opt('--samples', 1000);
const nItems = opt('--items', 6811);

for (const pkg of ['core', 'metrics']) {
  if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js'))) {
    console.log(`bench/stats: skipped — packages/${pkg}/dist is absent (build it: cd packages/${pkg} && npx tsup).`);
    process.exit(0);
  }
}
const { RunAggregator, createRng } = await import('@medeval/core/internal');
const { answerMetrics } = await import('@medeval/metrics');
const { prfsAveraged } = await import('@medeval/metrics/internal');

// Deterministic synthetic data (core's seeded PRNG), shaped like CMExam: mostly single answers A–E, some
// multi-answer sets, a model right ~60% of the time, a few '无答案' and unparsed (null) predictions.
const rng = createRng(20230522);
const rand = () => rng.next();
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];
const answer = () => {
  if (rand() < 0.85) return pick(LETTERS);
  const set = LETTERS.filter(() => rand() < 0.5);
  return set.length >= 2 ? set.join('') : 'AB';
};
const values = (prefix, k) => Array.from({ length: k }, (_, i) => `${prefix}${i + 1}`);
const DIMENSIONS = {
  'Disease Group': [...values('疾病组', 27), '不符合'],
  'Clinical Department': [...values('科室', 36), '不符合'],
  'Medical Discipline': values('学科', 7),
  'Area of Competency': [...values('能力', 4), '不符合'],
  'Difficulty level': [1, 2, 3, 4, 5],
};
const rows = Array.from({ length: nItems }, (_, i) => {
  const gold = answer();
  const r = rand();
  const pred = r < 0.6 ? gold : r < 0.95 ? answer() : r < 0.98 ? '无答案' : null;
  const meta = Object.fromEntries(Object.entries(DIMENSIONS).map(([d, vs]) => [d, pick(vs)]));
  return { id: String(i + 1), gold, pred, meta };
});

const metrics = answerMetrics({
  protocol: 'cmexam-gpt',
  gold: (input) => input.sample.gold,
  predicted: (input) => input.prediction,
});
function aggregator() {
  const agg = new RunAggregator({ metrics, sliceDimensions: Object.keys(DIMENSIONS), seed: 42, bootstrapSamples });
  for (const row of rows) {
    const input = { sample: { id: row.id, gold: row.gold, meta: row.meta }, output: row.pred, prediction: row.pred };
    const items = {};
    for (const m of metrics) items[m.name] = m.item(input);
    agg.add({ id: row.id, status: row.pred === null ? 'unparsed' : 'ok', items, meta: row.meta });
  }
  return agg;
}

// 1. One corpus aggregate over all scored items (the unit the bootstrap repeats): items as made by
// `metric.item()`, and the same items after a JSON round trip (what `compare` reads from records.jsonl).
// Best of 5 blocks of 400 calls.
function timePerCall(m, items) {
  for (let i = 0; i < 200; i++) m.aggregate(items); // warm-up
  let best = Infinity;
  let sink = 0;
  for (let block = 0; block < 5; block++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 400; i++) sink += m.aggregate(items);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e3 / 400);
  }
  if (!Number.isFinite(sink)) throw new Error(`${m.name}: aggregate is not finite`);
  return Number(best.toFixed(2));
}
const perCall = {};
for (const m of metrics) {
  const items = rows.map((row) => m.item({ sample: { id: row.id, gold: row.gold, meta: row.meta }, output: row.pred, prediction: row.pred })).filter((x) => x !== null);
  const fromJson = JSON.parse(JSON.stringify(items));
  if (!Object.is(m.aggregate(items), m.aggregate(fromJson))) throw new Error(`${m.name}: items read back from JSON aggregate differently`);
  perCall[m.name] = { items: items.length, microsecondsPerCall: timePerCall(m, items), microsecondsPerCallJsonItems: timePerCall(m, fromJson) };
  // The reference: sklearn's computation from scratch on the label lists (what prfMetric did before it
  // interned labels); must give the same double.
  const average = { f1_weighted: 'weighted', f1_macro: 'macro' }[m.name];
  if (average) {
    const reference = { name: m.name, aggregate: (xs) => prfsAveraged(xs.map((x) => x.gold), xs.map((x) => x.pred), average, { zeroDivision: 'warn' }).f1 * 100 };
    if (!Object.is(m.aggregate(items), reference.aggregate(items))) throw new Error(`${m.name}: differs from prfsAveraged`);
    perCall[m.name].microsecondsPerCallReference = timePerCall(reference, items);
  }
}

// 2. finish(): overall + every slice value, each with its bootstrap interval, per metric.
const seconds = [];
let digest = null;
let result = null;
for (let r = 0; r < runs; r++) {
  const agg = aggregator();
  const t0 = process.hrtime.bigint();
  result = agg.finish();
  seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
  const d = createHash('sha256').update(JSON.stringify(result)).digest('hex');
  if (digest !== null && d !== digest) throw new Error('finish() is not deterministic across runs');
  digest = d;
}
const sliceValues = Object.values(result.slices).reduce((n, s) => n + Object.keys(s).length, 0);

const out = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  items: nItems,
  dimensions: Object.keys(DIMENSIONS).length,
  sliceValues,
  bootstrapSamples,
  metrics: metrics.map((m) => m.name),
  aggregatePerCall: perCall,
  finishSeconds: seconds.map((s) => Number(s.toFixed(3))),
  bestSeconds: Number(Math.min(...seconds).toFixed(3)),
  resultSha256: digest,
  overall: Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [k, { value: v.value, ci95: v.ci95 }])),
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'stats.json'), `${JSON.stringify(out, null, 2)}\n`);

console.log(`bench/stats: RunAggregator.finish() on ${nItems} items, ${out.dimensions} dimensions (${sliceValues} slice values), ${bootstrapSamples} resamples, ${out.metrics.join(' + ')}`);
for (const [name, p] of Object.entries(perCall)) {
  const ref = p.microsecondsPerCallReference ? `; reference prfsAveraged ${p.microsecondsPerCallReference} µs` : '';
  console.log(`  aggregate ${name.padEnd(12)} ${String(p.microsecondsPerCall).padStart(9)} µs/call on ${p.items} items (${p.microsecondsPerCallJsonItems} µs with items from JSON${ref})`);
}
console.log(`  finish(): ${seconds.map((s) => `${s.toFixed(3)} s`).join(', ')} (best ${out.bestSeconds} s)`);
console.log(`  result sha256 ${digest}`);
