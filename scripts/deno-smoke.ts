// Deno smoke test: the BUILT packages, imported with npm: specifiers (resolved from the repository's
// node_modules, see examples/deno.json), run small offline evaluations on the bundled samples.
// Run through scripts/deno-smoke.sh in two phases:
//   deno-smoke.ts            no permission at all: the main entries load and evaluate in-memory data
//                            without file, environment or network access;
//   deno-smoke.ts --files D  read/write access to the temporary folder D only: the run folder and the
//                            crash-safe response cache of @medeval/core/node work in Deno too.
//
// Checks are real: expected values are computed here, independently of the pipeline, from the samples.
import * as core from 'npm:@medeval/core';
import * as node from 'npm:@medeval/core/node';
import * as metrics from 'npm:@medeval/metrics';
import { cmexam, type CmexamSample } from 'npm:@medeval/datasets-cmexam';
import { huatuo } from 'npm:@medeval/datasets-huatuo';
import plugins, { hallucinatedOptionRate, judgedExplanation } from '../examples/custom-metric/index.js';
import type { EvalRecord, Model, ResultJson, Sample } from 'npm:@medeval/core';

let passed = 0;
let failed = 0;

async function check(name: string, body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}`);
    console.log(`  ${error instanceof Error ? (error.stack ?? error.message).replaceAll('\n', '\n  ') : String(error)}`);
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function close(actual: number | null | undefined, expected: number, what: string): void {
  assert(typeof actual === 'number', `${what}: expected a number, got ${actual}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert(Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected}, got ${actual}`);
}

/** A sink that keeps records in memory (what a notebook would use instead of a run folder). */
function memorySink(): core.RecordSink & { records: EvalRecord[]; result: ResultJson | null } {
  const sink = {
    records: [] as EvalRecord[],
    result: null as ResultJson | null,
    write(record: EvalRecord) {
      sink.records.push(record);
    },
    finish(result: ResultJson) {
      sink.result = result;
      return Promise.resolve();
    },
  };
  return sink;
}

async function collect<S extends Sample>(samples: AsyncIterable<S>): Promise<S[]> {
  const out: S[] = [];
  for await (const sample of samples) out.push(sample);
  return out;
}

/** A classic test-taking heuristic as a model: answer the option with the longest text (first on ties). */
function longestOption(sample: CmexamSample): string {
  let best = sample.input.options[0]!;
  for (const option of sample.input.options) if ([...option.text].length > [...best.text].length) best = option;
  return best.letter;
}

async function memoryPhase(): Promise<void> {
  // ---------------------------------------------------------------------------------------------------
  // Runtime and entries
  // ---------------------------------------------------------------------------------------------------

  await check('runs on Deno 2 with the built packages', () => {
    assert(typeof Deno !== 'undefined' && Deno.version.deno.startsWith('2.'), `not Deno 2: ${Deno.version.deno}`);
    for (const name of ['evaluate', 'score', 'compare', 'fromFunction', 'openaiCompatible', 'defineMetric']) {
      assert(typeof (core as Record<string, unknown>)[name] === 'function', `@medeval/core has no ${name}()`);
    }
    assert(Object.keys(metrics).length > 0, '@medeval/metrics exports nothing');
  });

  // ---------------------------------------------------------------------------------------------------
  // CMExam: the bundled sample, a model of our own (fromFunction), and the offline baseline
  // ---------------------------------------------------------------------------------------------------

  const longestOptionModel: Model = core.fromFunction(
    (_request, { sample }) => `答案：${longestOption(sample as CmexamSample)}`,
    { id: 'smoke:longest-option' },
  );

  const cmexamTask = cmexam.answer();
  const cmexamSamples = (await collect(cmexamTask.dataset.samples())) as CmexamSample[];
  const longestSink = memorySink();
  const longest = await core.evaluate({
    task: cmexamTask,
    model: longestOptionModel,
    metrics: [hallucinatedOptionRate],
    out: longestSink,
    concurrency: 4,
  });

  await check('cmexam: the bundled sample loads, every row, nothing skipped', () => {
    assert(cmexamSamples.length >= 50, `bundled CMExam sample has ${cmexamSamples.length} samples (< 50)`);
    const summary = cmexamTask.dataset.summary();
    assert(summary.skipped === 0, `bundled sample skipped rows: ${JSON.stringify(summary.reasons)}`);
    assert(new Set(cmexamSamples.map((s) => s.id)).size === cmexamSamples.length, 'sample ids are not unique');
  });

  await check('cmexam: evaluate() with a fromFunction model gives the independently computed accuracy', () => {
    const correct = cmexamSamples.filter((s) => longestOption(s) === s.target.answer).length;
    assert(longest.counts.samples === cmexamSamples.length, `counts.samples ${longest.counts.samples}`);
    assert(longest.counts.errors === 0 && longest.counts.unparsed === 0, `counts ${JSON.stringify(longest.counts)}`);
    close(longest.metrics.accuracy?.value, (100 * correct) / cmexamSamples.length, 'accuracy');
    assert(longest.metrics.accuracy!.n === cmexamSamples.length, `accuracy n ${longest.metrics.accuracy!.n}`);
    const ci = longest.metrics.accuracy!.ci95;
    assert(ci !== null && ci[0] <= longest.metrics.accuracy!.value! && longest.metrics.accuracy!.value! <= ci[1], `ci95 ${ci}`);
    assert(/deno/i.test(longest.manifest.runtime ?? ''), `manifest.runtime does not say Deno: ${longest.manifest.runtime}`);
  });

  await check('cmexam: records stream to the sink, one per sample, with per-sample scores', () => {
    assert(longestSink.records.length === cmexamSamples.length, `${longestSink.records.length} records`);
    const byId = new Map(cmexamSamples.map((s) => [s.id, s]));
    for (const record of longestSink.records) {
      const sample = byId.get(record.id);
      assert(sample, `record for unknown id ${record.id}`);
      assert(record.status === 'ok', `record ${record.id}: status ${record.status}`);
      assert(record.output === `答案：${longestOption(sample)}`, `record ${record.id}: output ${record.output}`);
      const right = longestOption(sample) === sample.target.answer;
      assert(record.items.accuracy === (right ? 1 : 0), `record ${record.id}: accuracy item ${record.items.accuracy}`);
      assert(record.scores.accuracy === (right ? 100 : 0), `record ${record.id}: accuracy score ${record.scores.accuracy}`);
    }
    assert(longestSink.result !== null, 'sink.finish() was not called');
  });

  await check('cmexam: results are sliced by the five annotation dimensions', () => {
    const dimensions = Object.keys(longest.slices);
    assert(dimensions.length >= 5, `slices: ${dimensions.join(', ')}`);
    for (const [dimension, values] of Object.entries(longest.slices)) {
      const total = Object.values(values).reduce((sum, slice) => sum + slice.n, 0);
      assert(total === cmexamSamples.length, `slice ${dimension}: n adds up to ${total}, not ${cmexamSamples.length}`);
    }
  });

  await check('cmexam: a third-party metric (examples/custom-metric) runs inside evaluate()', () => {
    const rate = longest.metrics.hallucinated_option_rate;
    assert(rate, 'hallucinated_option_rate missing from results');
    // The longest-option model only names letters that exist, so nothing is hallucinated.
    close(rate.value, 0, 'hallucinated_option_rate');
    assert(rate.n === cmexamSamples.length, `hallucinated_option_rate n ${rate.n}`);
    assert(Array.isArray(plugins) && plugins.length === 2, 'default export');
  });

  await check('cmexam: an async third-party metric (a judge model in item()) is awaited inside evaluate()', async () => {
    // The judge answers after a tick: 4 when the candidate explanation is the gold one, else 1.
    const judge = core.fromFunction(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const text = request.messages.at(-1)!.content;
      const gold = /参考解释：\n([\s\S]*?)\n\n考生解释：/.exec(text)?.[1];
      const answer = /考生解释：\n([\s\S]*?)\n\n考生解释与/.exec(text)?.[1];
      return gold !== undefined && gold === answer ? '{"score": 4}' : '1';
    }, { id: 'smoke:judge' });
    const jointTask = cmexam.joint();
    const joint = (await collect(jointTask.dataset.samples())) as CmexamSample[];
    // Even ids repeat the gold explanation, odd ids explain nothing.
    const model = core.fromFunction((_request, { sample }) => {
      const s = sample as CmexamSample;
      return Number(s.id) % 2 === 0 ? `答案：${s.target.answer}\n解释：${s.target.explanation}` : '答案：A\n解释：不知道';
    }, { id: 'smoke:half-right' });
    const result = await core.evaluate({ task: cmexam.joint(), model, metrics: [judgedExplanation(judge)], concurrency: 4 });
    const scorable = joint.filter((s) => s.target.explanation.trim() !== '');
    const expected = scorable.reduce((sum, s) => sum + (Number(s.id) % 2 === 0 ? 4 : 1), 0) / scorable.length;
    const judged = result.metrics.judged_explanation!;
    assert(judged.n === scorable.length, `judged n ${judged.n}, expected ${scorable.length}`);
    close(judged.value, expected, 'judged_explanation');
  });

  const baselineSink = memorySink();
  const baseline = await core.evaluate({
    task: cmexamTask,
    model: cmexam.baselines.bm25(),
    out: baselineSink,
  });

  await check('cmexam: the offline BM25 baseline answers every sample', () => {
    assert(baseline.counts.samples === cmexamSamples.length, `counts.samples ${baseline.counts.samples}`);
    assert(baseline.counts.errors === 0, `errors ${baseline.counts.errors}`);
    const value = baseline.metrics.accuracy?.value;
    assert(typeof value === 'number' && value >= 0 && value <= 100, `accuracy ${value}`);
    const correct = baselineSink.records.filter((r) => r.items.accuracy === 1).length;
    close(value, (100 * correct) / cmexamSamples.length, 'accuracy from records');
  });

  async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
    yield* items;
  }

  await check('compare(): paired difference of the two CMExam runs (delta = b - a, McNemar p)', async () => {
    const comparison = await core.compare({
      runs: [
        { name: 'longest-option', results: longest, records: each(longestSink.records) },
        { name: 'bm25', results: baseline, records: each(baselineSink.records) },
      ],
      metrics: cmexamTask.metrics,
    });
    assert(!('comparisons' in comparison), 'two runs should give one comparison');
    assert(comparison.n === cmexamSamples.length, `compare n ${comparison.n}`);
    const accuracy = comparison.metrics.accuracy!;
    close(accuracy.a, longest.metrics.accuracy!.value!, 'a');
    close(accuracy.b, baseline.metrics.accuracy!.value!, 'b');
    close(accuracy.delta, baseline.metrics.accuracy!.value! - longest.metrics.accuracy!.value!, 'delta = b - a');
    assert(typeof accuracy.p === 'number' && accuracy.p >= 0 && accuracy.p <= 1, `p ${accuracy.p}`);
    // Exact two-sided McNemar on the discordant pairs, computed here from the records.
    const bmById = new Map(baselineSink.records.map((r) => [r.id, r.items.accuracy]));
    let onlyA = 0;
    let onlyB = 0;
    for (const record of longestSink.records) {
      const a = record.items.accuracy, b = bmById.get(record.id);
      if (a === 1 && b === 0) onlyA += 1;
      if (a === 0 && b === 1) onlyB += 1;
    }
    close(accuracy.p, mcnemarExact(onlyA, onlyB), 'McNemar p');
    const display = (comparison as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')];
    assert(typeof display === 'function' && display.call(comparison)['text/html']?.includes('<table'), 'comparison has no Jupyter display');
  });

  /** Exact two-sided McNemar: 2 · P(X ≤ min(b, c)) for X ~ Binomial(b + c, 1/2), capped at 1. */
  function mcnemarExact(b: number, c: number): number {
    const n = b + c;
    if (n === 0) return 1;
    const k = Math.min(b, c);
    let term = Math.pow(0.5, n); // C(n, 0) / 2^n
    let tail = term;
    for (let i = 1; i <= k; i += 1) {
      term = (term * (n - i + 1)) / i;
      tail += term;
    }
    return Math.min(1, 2 * tail);
  }

  await check('results render in a notebook: [Symbol.for("Jupyter.display")]() gives HTML and Markdown', () => {
    const display = (longest as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')];
    assert(typeof display === 'function', 'no Jupyter.display on the result');
    const bundle = display.call(longest);
    assert(bundle['text/html']?.includes('<table'), 'text/html has no table');
    assert(bundle['text/markdown']?.includes('|'), 'text/markdown has no table');
  });

  // ---------------------------------------------------------------------------------------------------
  // Huatuo-26M: the bundled sample with the offline BM25 baseline
  // ---------------------------------------------------------------------------------------------------

  const huatuoTask = huatuo.qa();
  const huatuoSamples = await collect(huatuoTask.dataset.samples());
  const huatuoResult = await core.evaluate({
    task: huatuoTask,
    model: huatuo.resolveBaseline('baseline:bm25', { task: huatuoTask })!,
  });

  await check('huatuo: BM25 baseline on the bundled sample gives the ten metrics', () => {
    assert(huatuoSamples.length > 0, 'bundled Huatuo sample is empty');
    assert(huatuoResult.counts.samples === huatuoSamples.length, `counts.samples ${huatuoResult.counts.samples}`);
    assert(huatuoResult.counts.errors === 0, `errors ${huatuoResult.counts.errors}`);
    for (const name of ['bleu1', 'bleu2', 'bleu3', 'bleu4', 'gleu', 'rouge1', 'rouge2', 'rougeL', 'distinct1', 'distinct2']) {
      const value = huatuoResult.metrics[name]?.value;
      assert(typeof value === 'number' && Number.isFinite(value), `${name}: ${value}`);
      const max = name.startsWith('distinct') ? 1 : 100;
      assert(value >= 0 && value <= max, `${name} out of range: ${value}`);
    }
  });

  // ---------------------------------------------------------------------------------------------------
  // Permissions: this phase runs with none. A live model needs --allow-net (and a key --allow-env); the
  // refusal must stop the run with the flag to add, never end as accuracy 0.
  // ---------------------------------------------------------------------------------------------------

  await check('permissions: evaluate() of a live model without permissions stops at once and names the flag', async () => {
    const model = core.openaiCompatible({ baseURL: 'http://127.0.0.1:18999/v1', model: 'm' });
    let error: unknown;
    try {
      await core.evaluate({ task: cmexam.answer(), model, concurrency: 1, bootstrapSamples: 10 });
    } catch (e) {
      error = e;
    }
    assert(error instanceof core.RunStoppedError, `expected RunStoppedError, got ${String(error)}`);
    // The openai client reads its environment variables first: every one of them is named.
    assert(/--allow-env=OPENAI_BASE_URL,.*OPENAI_CUSTOM_HEADERS/.test(error.message), `message does not name the flag: ${error.message}`);
    assert(error.cause.kind === 'permission', `cause kind ${error.cause.kind}`);
  });

  await check('permissions: a model spec that needs a key without --allow-env names --allow-env=NAME', () => {
    let message = '';
    try {
      core.modelFromSpec('openai:gpt-4o-mini');
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    assert(/--allow-env=OPENAI_(BASE_URL|API_KEY)/.test(message), `message does not name --allow-env: ${message}`);
  });
}

// ---------------------------------------------------------------------------------------------------
// Files (@medeval/core/node in Deno): a run folder, and a response cache that a second run resumes from
// ---------------------------------------------------------------------------------------------------

async function filesPhase(dir: string): Promise<void> {
  const task = () => cmexam.answer({ limit: 12 });
  let calls = 0;
  const counting: Model = core.fromFunction(
    (_request, { sample }) => {
      calls += 1;
      return `答案：${longestOption(sample as CmexamSample)}`;
    },
    { id: 'smoke:longest-option' },
  );
  const first = await core.evaluate({ task: task(), model: counting, out: `${dir}/run-1`, cache: `${dir}/cache` });
  const callsAfterFirst = calls;
  const second = await core.evaluate({ task: task(), model: counting, out: `${dir}/run-2`, cache: `${dir}/cache` });

  await check('files: evaluate({ out }) writes results.json, records.jsonl, report.md and report.html', async () => {
    for (const file of ['results.json', 'records.jsonl', 'report.md', 'report.html']) {
      const info = await Deno.stat(`${dir}/run-1/${file}`);
      assert(info.isFile && info.size > 0, `${file} is missing or empty`);
    }
    const stored = JSON.parse(await Deno.readTextFile(`${dir}/run-1/results.json`)) as ResultJson;
    close(stored.metrics.accuracy?.value, first.metrics.accuracy!.value!, 'results.json accuracy');
    const lines = (await Deno.readTextFile(`${dir}/run-1/records.jsonl`)).split('\n').filter((l) => l !== '');
    assert(lines.length === 12, `records.jsonl has ${lines.length} lines, not 12`);
    const html = await Deno.readTextFile(`${dir}/run-1/report.html`);
    assert(!/<script[^>]+src=|<link[^>]+href=["']?https?:/i.test(html), 'report.html loads something from outside');
  });

  await check('files: a second run with the same cache asks the model nothing and gives the same numbers', () => {
    assert(callsAfterFirst === 12, `first run asked ${callsAfterFirst} times, not 12`);
    assert(calls === callsAfterFirst, `second run asked the model ${calls - callsAfterFirst} times`);
    close(second.metrics.accuracy?.value, first.metrics.accuracy!.value!, 'accuracy of the cached run');
    assert(second.counts.samples === 12, `second run counts.samples ${second.counts.samples}`);
  });

  await check('files: readRunFolder() from @medeval/core/node reads the run back', async () => {
    const folder = await node.readRunFolder(`${dir}/run-2`);
    let cached = 0;
    let count = 0;
    for await (const record of folder.records()) {
      count += 1;
      if (record.cached) cached += 1;
    }
    assert(count === 12 && cached === 12, `read back ${count} records, ${cached} cached`);
  });
}

const filesDir = Deno.args[0] === '--files' ? Deno.args[1] : undefined;
if (filesDir) await filesPhase(filesDir);
else await memoryPhase();

console.log(`\ndeno-smoke${filesDir ? ' (files)' : ''}: ${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) Deno.exit(1);
