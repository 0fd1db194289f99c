// The example third-party metrics: exact values on hand-computed cases, then used as a user would,
// through evaluate() on the bundled CMExam sample and through the medeval command line.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, fromFunction, openaiCompatible, score } from '@medeval/core';
import { startOpenAIServer } from '../../tests/helpers/openai-server.js';
import type { EvalRecord, MetricInput, ResultJson, Sample, Status } from '@medeval/core';
import { cmexam, type CmexamSample } from '@medeval/datasets-cmexam';
import plugins, * as plugin from './index.js';

const hallucinated = plugin.hallucinatedOptionRate;
const charF1Metric = plugin.explanationCharF1;
const charF1 = plugin.charF1;

const fourOptions = [
  { letter: 'A', text: '阿司匹林' },
  { letter: 'B', text: '布洛芬' },
  { letter: 'C', text: '对乙酰氨基酚' },
  { letter: 'D', text: '吗啡' },
];

function input(
  over: Partial<MetricInput> & { options?: unknown; target?: unknown },
): MetricInput {
  const sample: Sample = {
    id: '0',
    input: { question: '下列哪种药物…', options: over.options ?? fourOptions },
    target: over.target ?? { answer: 'C', explanation: '对乙酰氨基酚解热镇痛。' },
  };
  return {
    sample,
    output: over.output ?? null,
    prediction: over.prediction ?? null,
    status: (over.status ?? 'ok') as Status,
  };
}

describe('hallucinated_option_rate: item', () => {
  it('is 0 for an answer among the options and 1 for a letter that is not', () => {
    expect(hallucinated.item(input({ prediction: 'C', output: '答案：C' }))).toBe(0);
    expect(hallucinated.item(input({ prediction: 'ABD', output: 'ABD' }))).toBe(0);
    expect(hallucinated.item(input({ prediction: 'E', output: '答案：E' }))).toBe(1);
    expect(hallucinated.item(input({ prediction: 'AE', output: '答案：AE' }))).toBe(1);
  });

  it('reads predictions as strings, arrays, sets and { letters }, full-width letters included', () => {
    expect(hallucinated.item(input({ prediction: ['A', 'E'] }))).toBe(1);
    expect(hallucinated.item(input({ prediction: new Set(['B']) }))).toBe(0);
    expect(hallucinated.item(input({ prediction: { letters: 'D' } }))).toBe(0);
    expect(hallucinated.item(input({ prediction: 'Ｅ' }))).toBe(1);
    expect(hallucinated.item(input({ prediction: 'ｃ' }))).toBe(0);
  });

  it('falls back to the letters an unparsed output states after 答案/Answer', () => {
    expect(hallucinated.item(input({ prediction: null, status: 'unparsed', output: '我认为答案是F。' }))).toBe(1);
    expect(hallucinated.item(input({ prediction: null, status: 'unparsed', output: '正确答案为Ｅ' }))).toBe(1);
    expect(hallucinated.item(input({ prediction: null, status: 'unparsed', output: 'Answer: B' }))).toBe(0);
    expect(hallucinated.item(input({ prediction: null, status: 'unparsed', output: '故答案为A、B和E' }))).toBe(1);
    // An English word after "answer is" is not a letter.
    expect(hallucinated.item(input({ prediction: null, status: 'unparsed', output: 'The answer is Because' }))).toBeNull();
  });

  it('is not scorable without options or without any stated letter', () => {
    expect(hallucinated.item(input({ options: [], prediction: 'A' }))).toBeNull();
    expect(hallucinated.item(input({ prediction: '无答案', output: '无答案' }))).toBeNull();
    expect(hallucinated.item(input({ prediction: null, output: null, status: 'error' }))).toBeNull();
    expect(hallucinated.item(input({ prediction: null, output: '', status: 'empty' }))).toBeNull();
  });

  it('accepts the option shapes loaders use: {key}, "A text" lines, one text block, a record', () => {
    const keyed = [{ key: 'A', value: 'x' }, { key: 'B', value: 'y' }];
    expect(hallucinated.item(input({ options: keyed, prediction: 'C' }))).toBe(1);
    expect(hallucinated.item(input({ options: ['A 甲', 'B 乙', 'C 丙'], prediction: 'C' }))).toBe(0);
    expect(hallucinated.item(input({ options: 'A 甲\nB 乙 丙\nD 丁', prediction: 'C' }))).toBe(1);
    expect(hallucinated.item(input({ options: { A: '甲', B: '乙' }, prediction: 'B' }))).toBe(0);
  });
});

describe('hallucinated_option_rate: aggregate', () => {
  it('is the percentage of 1 items, NaN for no items', () => {
    expect(hallucinated.aggregate([0, 1, 0, 0])).toBe(25);
    expect(hallucinated.aggregate([1])).toBe(100);
    expect(Number.isNaN(hallucinated.aggregate([]))).toBe(true);
    expect(hallucinated.higherIsBetter).toBe(false);
  });
});

describe('charF1', () => {
  it('matches hand-computed bag-of-characters F1', () => {
    // hyp 患者发热 (4 chars) vs ref 患者发热咳嗽 (6): common 4, P = 1, R = 2/3, F1 = 0.8.
    expect(charF1('患者发热', '患者发热咳嗽').f1).toBeCloseTo(0.8, 15);
    // Repeated characters are clipped: hyp 热热热 vs ref 发热: common 1, P = 1/3, R = 1/2, F1 = 0.4.
    expect(charF1('热热热', '发热').f1).toBeCloseTo(0.4, 15);
    expect(charF1('完全相同', '完全相同').f1).toBe(1);
    expect(charF1('甲乙', '丙丁').f1).toBe(0);
  });

  it('ignores whitespace (ASCII, U+3000, newlines) and counts astral characters once', () => {
    expect(charF1('患 者\u3000发\n热', '患者发热').f1).toBe(1);
    // 𠮷 is one code point (two UTF-16 units): hyp 𠮷a (2) vs ref 𠮷 (1): P = 1/2, R = 1, F1 = 2/3.
    expect(charF1('𠮷a', '𠮷').f1).toBeCloseTo(2 / 3, 15);
  });

  it('does not fold full-width forms: Ｃ and C are different characters', () => {
    expect(charF1('ＣＴ', 'CT').f1).toBe(0);
  });

  it('gives 0 for an empty side', () => {
    expect(charF1('', '患者').f1).toBe(0);
    expect(charF1('患者', '  ').f1).toBe(0);
  });
});

describe('explanation_char_f1: item', () => {
  const target = { answer: 'C', explanation: '对乙酰氨基酚解热镇痛' };

  it('scores the text after 解释: of an answer-plus-explanation output', () => {
    const item = charF1Metric.item(input({ target, prediction: 'C', output: '答案：C\n解释：对乙酰氨基酚解热镇痛' }));
    expect(item).toBe(1);
  });

  it('uses prediction.explanation when the task parsed one, and a text prediction for a text target', () => {
    expect(charF1Metric.item(input({ target, prediction: { explanation: '解热' }, output: 'x' }))).toBeCloseTo(
      (2 * 1 * 0.2) / 1.2,
      15,
    );
    expect(charF1Metric.item(input({ target: '发热', prediction: '发热', output: '无关' }))).toBe(1);
  });

  it('drops samples without a gold explanation and scores failed outputs 0', () => {
    expect(charF1Metric.item(input({ target: { answer: 'C', explanation: '' }, output: '解释：x' }))).toBeNull();
    expect(charF1Metric.item(input({ target: { answer: 'C', explanation: ' \n' }, output: '解释：x' }))).toBeNull();
    expect(charF1Metric.item(input({ target, output: null, status: 'error' }))).toBe(0);
    expect(charF1Metric.item(input({ target, output: '', status: 'empty' }))).toBe(0);
  });

  it('aggregates to the mean on the 0-100 scale', () => {
    expect(charF1Metric.aggregate([1, 0.5, 0])).toBe(50);
    expect(charF1Metric.sampleScore?.(0.25)).toBe(25);
    expect(Number.isNaN(charF1Metric.aggregate([]))).toBe(true);
  });
});

describe('the package', () => {
  it('exports both metrics as the default export, with distinct names and versioned signatures', () => {
    const all = plugins;
    expect(all.map((m) => m.name)).toEqual(['hallucinated_option_rate', 'explanation_char_f1']);
    for (const metric of all) expect(metric.signature).toMatch(/\|v1$/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Used as a user would: in evaluate() / score() on the bundled CMExam sample, and from the command line.
// ---------------------------------------------------------------------------------------------------

describe('with evaluate() and score() on the bundled CMExam sample', () => {
  async function bundled(): Promise<CmexamSample[]> {
    const out: CmexamSample[] = [];
    for await (const sample of cmexam.answer().dataset.samples()) out.push(sample);
    return out;
  }

  it('score(): the hallucinated-option rate of outputs that name a missing letter F on every third question', async () => {
    const samples = await bundled();
    expect(samples.length).toBeGreaterThanOrEqual(50);
    const outputs = samples.map((s, i) => ({ id: s.id, output: i % 3 === 0 ? '答案：F' : `答案：${s.input.options[0]!.letter}` }));
    async function* predictions() {
      yield* outputs;
    }
    const result = await score({ task: cmexam.answer(), predictions: predictions(), metrics: [plugin.hallucinatedOptionRate] });
    // No bundled question has an option F, so the strict parser refuses "答案：F" and the metric falls back
    // to the stated letter: every third question counts as hallucinated, every other one as not.
    expect(samples.every((s) => s.input.options.every((o) => o.letter !== 'F'))).toBe(true);
    const hallucinatedCount = outputs.filter((o) => o.output === '答案：F').length;
    const rate = result.metrics.hallucinated_option_rate!;
    expect(rate.n).toBe(samples.length);
    expect(rate.value).toBeCloseTo((100 * hallucinatedCount) / samples.length, 12);
    expect(rate.interval).toBe('wilson');
    expect(rate.ci95![0]).toBeLessThan(rate.value!);
    expect(rate.ci95![1]).toBeGreaterThan(rate.value!);
    expect(result.counts.unparsed).toBe(hallucinatedCount);
  });

  it('evaluate(): explanation_char_f1 on the joint task equals ROUGE-1 F on characters (an independent implementation)', async () => {
    const samples = await bundled();
    // A heuristic model: the longest option, explained by repeating that option's text.
    const model = fromFunction(
      (_request, { sample }) => {
        const { options } = (sample as CmexamSample).input;
        const best = options.reduce((a, b) => ([...b.text].length > [...a.text].length ? b : a));
        return `答案：${best.letter}\n解释：${best.text}`;
      },
      { id: 'test:longest-option' },
    );
    const result = await evaluate({ task: cmexam.joint(), model, metrics: [plugin.explanationCharF1, plugin.hallucinatedOptionRate] });
    const withExplanation = samples.filter((s) => s.target.explanation.trim() !== '').length;
    const f1 = result.metrics.explanation_char_f1!;
    expect(f1.n).toBe(withExplanation);
    expect(f1.n).toBeLessThan(samples.length); // the bundled sample has rows without an explanation
    // rouge-score's ROUGE-1 F on character tokens is the same bag-of-characters F1, computed by
    // @medeval/metrics under the standard protocol; the sample's explanations contain no whitespace
    // that the two tokenizations would treat differently.
    expect(result.metrics.rouge1!.n).toBe(withExplanation);
    expect(f1.value).toBeCloseTo(result.metrics.rouge1!.value!, 9);
    expect(result.metrics.hallucinated_option_rate!.value).toBe(0);
  });
});

describe('judged_explanation: an async metric (item() asks a judge model)', () => {
  it('reads the score from JSON or a bare digit, nothing else', () => {
    expect(plugin.judgeScore('{"score": 4}')).toBe(4);
    expect(plugin.judgeScore(' 5 ')).toBe(5);
    expect(plugin.judgeScore('{"score": 7}')).toBeNull();
    expect(plugin.judgeScore('I would say 3 or 4')).toBeNull();
  });

  it('evaluate() awaits it for every sample, through a loopback OpenAI-compatible judge', async () => {
    const samples = (await (async () => {
      const out: CmexamSample[] = [];
      for await (const sample of cmexam.joint().dataset.samples()) out.push(sample);
      return out;
    })());
    // The judge gives 5 when the candidate explanation is the gold one, else 2 (as JSON, or a bare digit).
    const server = await startOpenAIServer({
      latencyMs: 3,
      respond: (messages) => {
        const text = messages.at(-1)!.content;
        const gold = /参考解释：\n([\s\S]*?)\n\n考生解释：/.exec(text)![1];
        const answer = /考生解释：\n([\s\S]*?)\n\n考生解释与/.exec(text)![1];
        return gold === answer ? '{"score": 5}' : '2';
      },
    });
    try {
      const judge = openaiCompatible({ baseURL: server.url, model: 'judge', apiKey: 'k' });
      // Every other sample repeats the gold explanation; the rest explain nothing useful.
      const model = fromFunction(
        (_request, { sample }) => {
          const s = sample as CmexamSample;
          return Number(s.id) % 2 === 0 ? `答案：${s.target.answer}\n解释：${s.target.explanation}` : `答案：A\n解释：不知道`;
        },
        { id: 'test:half-right' },
      );
      const result = await evaluate({ task: cmexam.joint(), model, metrics: [plugin.judgedExplanation(judge)], concurrency: 4 });
      const scorable = samples.filter((s) => s.target.explanation.trim() !== '');
      const expected = scorable.reduce((sum, s) => sum + (Number(s.id) % 2 === 0 ? 5 : 2), 0) / scorable.length;
      const judged = result.metrics.judged_explanation!;
      expect(judged.n).toBe(scorable.length);
      expect(judged.value).toBeCloseTo(expected, 12);
      expect(judged.signature).toBe('judged_explanation|judge:openai-compatible:' + server.url + '#judge|scale:1-5|prompt:v1|mean|v1');
      expect(server.requests.length).toBe(scorable.length);
    } finally {
      await server.close();
    }
  });

  it('a judge reply without a score stops the run with the metric and sample named', async () => {
    const judge = fromFunction(() => '很好', { id: 'test:chatty-judge' });
    const model = fromFunction(() => '答案：A\n解释：不知道', { id: 'test:a' });
    await expect(evaluate({ task: cmexam.joint(), model, metrics: [plugin.judgedExplanation(judge)] })).rejects.toThrow(
      /metric judged_explanation: item\(\) failed on sample "\d+": the judge gave no score 1-5: "很好"/,
    );
  });
});

describe('from the medeval command line', () => {
  it('medeval run --metric ./examples/custom-metric adds both metrics to results.json and records.jsonl', async () => {
    const bin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run 'npm run build' at the repository root first`);
    const out = await mkdtemp(join(tmpdir(), 'medeval-custom-metric-'));
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(
        process.execPath,
        [bin, 'run', '--task', 'cmexam', '--model', 'baseline:bm25', '--metric', './examples/custom-metric', '--out', out, '--quiet'],
        { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } },
      );
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', fail);
      child.on('close', (exit) => {
        clearTimeout(timer);
        done({ code: exit, stderr: err });
      });
    });
    expect(code, stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ResultJson;
    const records = (await readFile(join(out, 'records.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as EvalRecord);
    expect(records.length).toBe(results.counts.samples);
    for (const name of ['hallucinated_option_rate', 'explanation_char_f1']) {
      const value = results.metrics[name]!;
      expect(value.signature).toBe(plugins.find((m) => m.name === name)!.signature);
      // The stored items re-aggregate to the stored value: the plugin ran inside the CLI's pipeline.
      const items = records.map((r) => r.items[name]).filter((item): item is number => typeof item === 'number');
      expect(items.length).toBe(value.n);
      expect(value.value).toBeCloseTo(plugins.find((m) => m.name === name)!.aggregate(items), 12);
    }
    // BM25 only ever answers with an existing option.
    expect(results.metrics.hallucinated_option_rate!.value).toBe(0);
    await rm(out, { recursive: true, force: true });
  });
});
