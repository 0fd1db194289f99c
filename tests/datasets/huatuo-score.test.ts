// End to end: huatuo.qa() + score() under the `huatuo` protocol, checked against numbers derived here
// from the protocol's definitions (PROTOCOLS.md): n-gram counts written out by hand for a small file,
// and the golden outputs of nltk 3.8 corpus_bleu and rouge-score 0.1.2 (char tokens) for 283 pairs.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { score, type MetricInput, type ResultJson } from '@medeval/core';
import { huatuo, type HuatuoSample } from '@medeval/datasets-huatuo';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';

const golden = (name: string) => fileURLToPath(new URL(`../../fixtures/golden/${name}`, import.meta.url));
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-huatuo-score-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeRun(name: string, pairs: ReadonlyArray<{ hyp: string; ref: string }>) {
  const data = join(dir, `${name}.jsonl`);
  const predictions = join(dir, `${name}.predictions.jsonl`);
  await writeFile(data, pairs.map((p, i) => JSON.stringify({ questions: `问题${i}`, answers: p.ref })).join('\n') + '\n');
  await writeFile(predictions, pairs.map((p, i) => JSON.stringify({ id: String(i), output: p.hyp })).join('\n') + '\n');
  return { data, predictions, out: join(dir, `${name}-run`) };
}

// Four pairs whose n-grams are easy to count (tokens = characters, whitespace removed):
//  A hyp 头痛发烧 / ref 头痛发热   1-grams 3/4, 2-grams 2/3 (头痛 痛发), 3-grams 1/2 (头痛发), 4-grams 0/1
//  B hyp 多喝热水 / ref 多喝水     1-grams 3/4, 2-grams 1/3 (多喝), 3-grams 0/2, 4-grams 0/1
//  C hyp 注意休息 / ref 注意休息   1-grams 4/4, 2-grams 3/3, 3-grams 2/2, 4-grams 1/1
//  D hyp 多休息多休息 / ref 多休息 1-grams 3/6 (clipped), 2-grams 2/5, 3-grams 1/4, 4-grams 0/3
// Corpus: p1 = 13/18, p2 = 8/14, p3 = 4/10, p4 = 1/6; hypothesis length 18 > reference length 14: BP = 1.
const HAND = [
  { hyp: '头痛发烧', ref: '头痛发热' },
  { hyp: '多喝 热水', ref: '多喝水' }, // the ASCII space is not a token
  { hyp: '注意休息', ref: '注意休息' },
  { hyp: '多休息多休息', ref: '多休息' },
];
const E = { hyp: '', ref: '按时吃药' }; // an empty answer: status "empty", still scored as an empty text

const f = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function handExpected(withEmpty: boolean) {
  // nltk corpus_bleu: an empty hypothesis adds 0 matches and max(1, 0) = 1 to every order's denominator,
  // 0 to the hypothesis length and 4 to the reference length (18 = 18: BP = exp(1 - 18/18) = 1).
  const [n1, n2, n3, n4] = [13, 8, 4, 1];
  const [d1, d2, d3, d4] = withEmpty ? [19, 15, 11, 7] : [18, 14, 10, 6];
  const p = [n1 / d1, n2 / d2, n3 / d3, n4 / d4];
  const bleu = (n: number) => 100 * Math.exp(p.slice(0, n).reduce((s, x) => s + Math.log(x) / n, 0));
  // nltk corpus_gleu(min_len=1, max_len=4): per sentence tp over max(#hyp n-grams, #ref n-grams), 1- to 4-grams.
  // A 6/max(10,10); B 4/max(10,6) (多 喝 水 多喝); C 10/10; D 6/max(18,6) (多 休 息 多休 休息 多休息); E 0/max(0,10).
  const gleu = withEmpty ? (100 * 26) / 58 : (100 * 26) / 48;
  // rouge-score F per pair: rouge1 A 3/4,3/4  B 3/4,3/3  C 1,1  D 3/6,3/3  E 0
  //                         rouge2 A 2/3,2/3  B 1/3,1/2  C 1,1  D 2/5,2/2  E 0
  //                         rougeL A LCS 3: 3/4,3/4  B LCS 3: 3/4,3/3  C 1,1  D LCS 3: 3/6,3/3  E 0
  const r1 = [f(3 / 4, 3 / 4), f(3 / 4, 1), 1, f(3 / 6, 1)];
  const r2 = [f(2 / 3, 2 / 3), f(1 / 3, 1 / 2), 1, f(2 / 5, 1)];
  const rl = [f(3 / 4, 3 / 4), f(3 / 4, 1), 1, f(3 / 6, 1)];
  if (withEmpty) [r1, r2, rl].forEach((xs) => xs.push(0));
  // Distinct-n per answer: A, B, C all distinct (1, 1); D 3 distinct of 6 chars, 3 distinct of 5 bigrams.
  // E has no n-gram and is left out of the average.
  return {
    bleu1: bleu(1),
    bleu2: bleu(2),
    bleu3: bleu(3),
    bleu4: bleu(4),
    gleu,
    rouge1: 100 * mean(r1),
    rouge2: 100 * mean(r2),
    rougeL: 100 * mean(rl),
    distinct1: mean([1, 1, 1, 3 / 6]),
    distinct2: mean([1, 1, 1, 3 / 5]),
  };
}

const METRICS = ['bleu1', 'bleu2', 'bleu3', 'bleu4', 'gleu', 'rouge1', 'rouge2', 'rougeL', 'distinct1', 'distinct2'];

function expectClose(actual: number | null | undefined, expected: number, what: string) {
  expect(actual, `${what} is missing or null`).toEqual(expect.any(Number));
  if (typeof actual !== 'number') return;
  const tolerance = Math.max(1e-9, Math.abs(expected) * 1e-12);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('huatuo protocol through score()', () => {
  it('writes results.json with all ten metrics equal to the hand-computed values', async () => {
    const run = await writeRun('hand', HAND);
    const result = await score({ task: huatuo.qa({ data: run.data, protocol: 'huatuo' }), predictions: run.predictions, out: run.out });
    const written = (await readJson(join(run.out, 'results.json'))) as ResultJson;
    const expected = handExpected(false);
    for (const name of METRICS) {
      expect(written.metrics[name], name).toBeDefined();
      expectClose(written.metrics[name]!.value, expected[name as keyof typeof expected], name);
      expect(written.metrics[name]!.value).toBe(result.metrics[name]!.value);
    }
    expect(expected.bleu1).toBeCloseTo((100 * 13) / 18, 12);
    expect(written.task.name).toBe('huatuo');
    expect(written.protocol.name).toBe('huatuo');
    expect(written.counts).toMatchObject({ samples: 4, scored: 4, empty: 0, errors: 0 });
  });

  it('scores an empty answer as an empty text (status empty), not by dropping it', async () => {
    const run = await writeRun('empty', [...HAND, E]);
    const result = await score({ task: huatuo.qa({ data: run.data, protocol: 'huatuo' }), predictions: run.predictions, out: run.out });
    const expected = handExpected(true);
    for (const name of METRICS) expectClose(result.metrics[name]!.value, expected[name as keyof typeof expected], name);
    expect(result.counts).toMatchObject({ samples: 5, scored: 4, empty: 1 });
    const records = (await readFile(join(run.out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(records[4]).toMatchObject({ id: '4', status: 'empty', output: '', target: '按时吃药' });
  });
});

describe('a sample with no prediction', () => {
  it('is an error record scored as an empty answer, so failing never raises a score', async () => {
    const run = await writeRun('missing', [...HAND, E]);
    const lines = (await readFile(run.predictions, 'utf8')).trim().split('\n');
    await writeFile(run.predictions, lines.slice(0, 4).join('\n') + '\n'); // no line for id "4"
    const result = await score({ task: huatuo.qa({ data: run.data, protocol: 'huatuo' }), predictions: run.predictions });
    expect(result.counts).toMatchObject({ samples: 5, scored: 4, errors: 1 });
    const expected = handExpected(true);
    for (const name of METRICS) expectClose(result.metrics[name]!.value, expected[name as keyof typeof expected], name);
  });
});

describe('huatuo protocol against the golden reference libraries (283 zh pairs)', () => {
  it('BLEU-1/4 equal nltk corpus_bleu on characters; ROUGE-1/2/L equal rouge-score char_ws means', async () => {
    const corpus = await readJson(golden('corpus.json'));
    const nltk = await readJson(golden('nltk_bleu.json'));
    const rouge = await readJson(golden('rouge_score.json'));
    const zhAll = nltk.corpus.find((c: { subset: string }) => c.subset === 'zh_all');
    const byId = new Map(corpus.cases.map((c: { id: string }) => [c.id, c]));
    const pairs = zhAll.case_ids.map((id: string) => byId.get(id)) as Array<{ hyp: string; ref: string }>;
    expect(pairs).toHaveLength(283);
    const run = await writeRun('golden', pairs);
    // Golden hypotheses include CMExam-style "答案：A。解释：…" outputs: keep them verbatim.
    const task = huatuo.qa({ data: run.data, protocol: 'huatuo', stripAnswerLabel: false });
    const result = await score({ task, predictions: run.predictions });
    expectClose(result.metrics.bleu1!.value, 100 * zhAll.results['char|bleu1|none'].value, 'bleu1');
    expectClose(result.metrics.bleu4!.value, 100 * zhAll.results['char|bleu4|none'].value, 'bleu4');
    const means = rouge.means['zh|char_ws'];
    expectClose(result.metrics.rouge1!.value, 100 * means.rouge1.fmeasure, 'rouge1');
    expectClose(result.metrics.rouge2!.value, 100 * means.rouge2.fmeasure, 'rouge2');
    expectClose(result.metrics.rougeL!.value, 100 * means.rougeL.fmeasure, 'rougeL');
  });

  it('under standard: BLEU-1..4 equal sacrebleu BLEU(max_ngram_order=n, tokenize zh), ROUGE equals rouge-score', async () => {
    const corpus = await readJson(golden('corpus.json'));
    const sacre = await readJson(golden('sacrebleu.json'));
    const rouge = await readJson(golden('rouge_score.json'));
    const zhAll = sacre.corpus.find((c: { subset: string }) => c.subset === 'zh_all');
    const byId = new Map(corpus.cases.map((c: { id: string }) => [c.id, c]));
    const run = await writeRun('standard', zhAll.case_ids.map((id: string) => byId.get(id)));
    const task = huatuo.qa({ data: run.data, protocol: 'standard', stripAnswerLabel: false });
    const result = await score({ task, predictions: run.predictions });
    expect(result.protocol.name).toBe('standard');
    for (const n of [1, 2, 3, 4]) {
      expectClose(result.metrics[`bleu${n}`]!.value, zhAll.results[`BLEU(max_ngram_order=${n})|zh|exp`].score, `bleu${n}`);
    }
    const means = rouge.means['zh|char_ws'];
    for (const type of ['rouge1', 'rouge2', 'rougeL']) expectClose(result.metrics[type]!.value, 100 * means[type].fmeasure, type);
  });

  it('multiple references (encyclopedia lists): per item BLEU-4 equals nltk, ROUGE equals rouge-score score_multi', async () => {
    const nltk = await readJson(golden('nltk_bleu.json'));
    const rouge = await readJson(golden('rouge_score.json'));
    const items = nltk.multi_reference.filter((m: { tokenization: string }) => m.tokenization === 'char');
    expect(items.length).toBeGreaterThan(0);
    const lines = items.map((m: { id: string; refs: string[] }) => JSON.stringify({ questions: [m.id], answers: m.refs }));
    const task = huatuo.qa({ data: { name: 'multi.jsonl', text: lines.join('\n') + '\n' }, protocol: 'huatuo' });
    const samples: HuatuoSample[] = [];
    for await (const s of task.dataset.samples()) samples.push(s);
    await Promise.all(task.metrics.map((m) => m.prepare?.()));
    const metric = (name: string) => task.metrics.find((m) => m.name === name)!;
    items.forEach((m: { id: string; hyp: string; refs: string[]; 'bleu4|none': { value: number } }, i: number) => {
      const sample = samples[i]!;
      expect(sample.target.answers).toEqual(m.refs);
      const parsed = task.parse(m.hyp, sample);
      const input: MetricInput = { sample, output: m.hyp, prediction: parsed.prediction, status: parsed.status };
      const one = (name: string) => metric(name).aggregate([metric(name).item(input)]);
      expectClose(one('bleu4'), 100 * m['bleu4|none'].value, `${m.id} bleu4`);
      const golden = rouge.multi_reference.find((r: { id: string; mode: string }) => r.id === m.id && r.mode === 'char_ws');
      if (golden) {
        for (const type of ['rouge1', 'rouge2', 'rougeL']) {
          expectClose(one(type), 100 * golden.score_multi[type].fmeasure, `${m.id} ${type}`);
        }
      }
    });
  });
});

describe('huatuo protocol through task.metrics directly (item + aggregate)', () => {
  it('gives the hand-computed values without the pipeline', async () => {
    const task = huatuo.qa({
      data: { name: 'hand.jsonl', text: HAND.map((p) => JSON.stringify({ questions: 'q', answers: p.ref })).join('\n') },
      protocol: 'huatuo',
    });
    await Promise.all(task.metrics.map((m) => m.prepare?.()));
    const samples: HuatuoSample[] = [];
    for await (const s of task.dataset.samples()) samples.push(s);
    const expected = handExpected(false);
    for (const name of METRICS) {
      const metric = task.metrics.find((m) => m.name === name)!;
      const items = samples.map((sample, i) => {
        const parsed = task.parse(HAND[i]!.hyp, sample);
        return metric.item({ sample, output: HAND[i]!.hyp, prediction: parsed.prediction, status: parsed.status });
      });
      expectClose(metric.aggregate(items), expected[name as keyof typeof expected], name);
    }
  });
});

describe('the offline default: BM25 leave-one-out over the bundled samples', () => {
  it('evaluates the bundled Lite sample with per-department slices and never returns a gold answer', async () => {
    const { evaluate } = await import('@medeval/core');
    const task = huatuo.qa({ data: huatuo.liteSample });
    const model = huatuo.resolveBaseline('baseline:bm25', { task })!;
    expect(model.id).toBe('baseline:bm25(corpus=bundled:huatuo-lite-sample,loo)');
    const out = join(dir, 'lite-bm25');
    const result = await evaluate({ task, model, out, concurrency: 4 });
    expect(result.counts).toMatchObject({ samples: 33, errors: 0 });
    const departments = result.slices.department!;
    expect(Object.keys(departments)).toHaveLength(8);
    expect(Object.values(departments).reduce((n, s) => n + s.n, 0)).toBe(33);
    expect(departments['内科']!.metrics.bleu1!.value).toEqual(expect.any(Number));
    const records = (await readFile(join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(33);
    for (const record of records) expect(record.output).not.toBe(record.target);
    console.log(
      'BM25 (loo) on the bundled Lite sample:',
      Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [k, v.value])),
    );
  });
});

const REAL = sharedPath('data/huatuo/test_datasets.jsonl');

describe('the real test set (skipped when ../shared/data is absent)', () => {
  it.skipIf(!sharedAvailable(REAL))('matches the definitions on 6,000 real answers (predictions: their first 40 characters)', async () => {
    // Expected values: a plain Python 3 implementation of the protocol's definitions (character tokens
    // without whitespace, nltk corpus_bleu / corpus_gleu arithmetic with math.fsum, rouge-score F means,
    // per-answer Distinct), run on the same file and the same predictions.
    const expected: Record<string, number> = {
      bleu1: 11.718575259504071,
      bleu2: 11.718523498669704,
      bleu3: 11.718416692333474,
      bleu4: 11.718237722322497,
      gleu: 30.956467937883296,
      rouge1: 59.99323048369891,
      rouge2: 59.46746680008975,
      rougeL: 59.99323048369891,
      distinct1: 0.8225415652984275,
      distinct2: 0.9568132391567504,
    };
    const lines = (await readFile(REAL, 'utf8')).trim().split('\n');
    const predictions = join(dir, 'real.predictions.jsonl');
    await writeFile(
      predictions,
      lines.map((line, i) => JSON.stringify({ id: String(i), output: [...JSON.parse(line).answers].slice(0, 40).join('') })).join('\n'),
    );
    const result = await score({ task: huatuo.qa({ data: REAL, protocol: 'huatuo' }), predictions, bootstrapSamples: 10 });
    expect(result.counts).toMatchObject({ samples: 6000, scored: 6000 });
    expect(result.task.dataset.sha256).toBe(huatuo.remoteFiles[0]!.sha256);
    for (const name of METRICS) expectClose(result.metrics[name]!.value, expected[name]!, name);
  });
  if (!sharedAvailable(REAL)) console.log(`skipped the real test set: ${REAL} not found`);
});
