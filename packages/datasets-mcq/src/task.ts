// `--task mcq`: a user's own multiple-choice exam, no code. The same answer extraction (standard), metrics
// (accuracy, weighted and macro F1), intervals, slices and reports as CMExam; CircularEval works too.
import { createRng, deriveSeed, fromFunction, type Dataset, type Model, type Parsed, type Task } from '@medeval/core';
import { NO_ANSWER, strictParsed } from '@medeval/datasets-cmexam';
import { answerMetrics } from '@medeval/metrics';
import { loadMcq, type LoadMcqOptions, type McqSample } from './load.js';

export const TASK_VERSION = '1';

export interface McqTaskOptions extends LoadMcqOptions {
  /** The exam file (JSON Lines, JSON or CSV). */
  data?: string;
}

/**
 * The prompt: the question, its options one a line, and the answer format the extractor reads best.
 *
 * @example
 * mcqPrompt(sample); // '以下是一道选择题，请选出正确答案。\n\n…\n\n请在最后一行写“答案：”加选项字母。'
 */
export function mcqPrompt(sample: McqSample): string {
  const multi = sample.target.answer.length > 1 ? '多项选择题（可能有多个正确答案）' : '选择题';
  return `以下是一道${multi}，请选出正确答案。\n\n${sample.input.question}\n${sample.input.optionsText}\n\n请在最后一行写“答案：”加选项字母。`;
}

/** What a multiple-choice task built on this package sets: its name, data, prompt and protocol signature. */
export interface McqTaskParts<S extends McqSample> {
  name: string;
  version: string;
  dataset: Dataset<S>;
  promptId: string;
  prompt: (sample: S) => string;
  /** Protocol signature (the protocol is `standard`: medeval's extraction). */
  signature: string;
  sliceDimensions: string[];
  /** Whether a question has exactly one right answer, when the data says so (several letters read → unparsed). */
  singleAnswer?: (sample: S) => boolean;
}

/**
 * A multiple-choice task from its parts: medeval's standard extraction, CMExam's answer metrics (accuracy,
 * weighted and macro F1; no answer read counts as wrong), option rotations for CircularEval.
 *
 * @example
 * const task = mcqTaskFrom({ name: 'my-exam', version: '1', dataset, promptId: 'my@1', prompt: mcqPrompt, signature: 'my-exam|standard|v1', sliceDimensions: ['subject'] });
 */
export function mcqTaskFrom<S extends McqSample>(parts: McqTaskParts<S>): Task<S, string> {
  const metrics = answerMetrics({
    protocol: 'standard',
    gold: (input) => (input.sample as McqSample).target.answer,
    // No answer read is a wrong answer (a label of its own for F1), as under CMExam's standard protocol.
    predicted: (input) => (input.status === 'ok' && typeof input.prediction === 'string' ? input.prediction : NO_ANSWER),
  });
  return {
    name: parts.name,
    version: parts.version,
    dataset: parts.dataset,
    protocol: { name: 'standard', signature: parts.signature },
    promptId: parts.promptId,
    render: (sample) => ({ messages: [{ role: 'user', content: parts.prompt(sample) }], temperature: 0, maxTokens: 1024 }),
    parse(output, sample): Parsed<string> {
      const single = parts.singleAnswer?.(sample);
      return strictParsed(output, sample.input.options, sample.input.question, single === undefined ? {} : { single });
    },
    metrics,
    sliceDimensions: parts.sliceDimensions,
    describeInput: (sample) => `${sample.input.question}\n${sample.input.optionsText}`,
    serializeTarget: (sample) => sample.target.answer,
    rotations: (sample) => rotate(sample) as S[],
  };
}

/**
 * @example
 * await evaluate({ task: mcq({ data: 'exam.jsonl', sliceBy: ['subject'] }), model });
 */
export function mcq(options: McqTaskOptions = {}): Task<McqSample, string> {
  const data = options.data;
  const dataset = loadMcq(data ?? '(no file)', options);
  return mcqTaskFrom({
    name: 'mcq',
    version: TASK_VERSION,
    dataset: {
      ...dataset,
      async *samples(o) {
        if (data === undefined) throw new Error('--task mcq needs --data FILE (JSON Lines, JSON or CSV with question, options and answer)');
        yield* dataset.samples(o);
      },
    },
    promptId: 'mcq-zero-shot@1',
    prompt: mcqPrompt,
    signature: `mcq|standard|extract:medeval-standard@2|v${TASK_VERSION}`,
    sliceDimensions: [...(options.sliceBy ?? [])],
  });
}

/** CircularEval rotations: letters stay, texts move one place per rotation, the answer moves with its text. */
function rotate(sample: McqSample): McqSample[] {
  const options = sample.input.options;
  const m = options.length;
  return Array.from({ length: m }, (_, r) => {
    if (r === 0) return sample;
    const rotated = options.map((o, i) => ({ letter: o.letter, text: options[(i + r) % m]!.text }));
    const place = new Map(options.map((o, j) => [o.letter, j]));
    const answer = [...sample.target.answer].map((l) => options[(place.get(l)! - r + m) % m]!.letter).sort().join('');
    return { ...sample, input: { ...sample.input, options: rotated, optionsText: rotated.map((o) => `${o.letter} ${o.text}`).join('\n') }, target: { answer } };
  });
}

/**
 * baseline:random: one option letter drawn uniformly per question (seeded), answered as "答案：X".
 *
 * @example
 * await evaluate({ task: mcq({ data: 'exam.jsonl' }), model: randomMcqBaseline({ seed: 0 }) });
 */
export function randomMcqBaseline(options: { seed?: number } = {}): Model {
  const seed = options.seed ?? 0;
  return fromFunction((_request, { sample }) => {
    const s = sample as McqSample;
    const rng = createRng(deriveSeed(seed, 'mcq-random', s.id));
    return `答案：${s.input.options[rng.int(s.input.options.length)]!.letter}`;
  }, { id: `baseline:random(seed=${seed})` });
}
