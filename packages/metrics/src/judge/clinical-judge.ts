// A medical LLM judge for free-text answers, modelled on CMB-Clin's evaluation (Wang et al., CMB, 2023):
// a judge model reads the question, the reference answer and the model's answer, and scores four aspects
// from 1 to 5 — fluency, relevance, completeness and medical proficiency. The reply must be a JSON object;
// it is validated with zod and asked again once, with the problem named, when it is not. Requests go
// through MetricInput.ask (the run's scheduler and cache) when the pipeline provides it.
//
// One judge request per sample feeds five metrics (the four aspects and their mean): the verdict is shared
// through a WeakMap keyed by the sample object, which every metric of one record receives.
import { z } from 'zod';
import type { Metric, MetricInput, Model, ModelRequest, ModelResponse } from '@medeval/core';
import { jsonObjectInReply } from '@medeval/core/internal';

/** The rubric's version: part of every judge metric's signature. Bump it when the prompt changes. */
export const CLINICAL_RUBRIC_ID = 'cmb-clin-4d@1';

export const CLINICAL_ASPECTS = ['fluency', 'relevance', 'completeness', 'proficiency'] as const;
export type ClinicalAspect = (typeof CLINICAL_ASPECTS)[number];
export type ClinicalVerdict = Record<ClinicalAspect, number>;

const aspectScore = z.coerce.number().int('must be a whole number 1–5').min(1, 'must be 1–5').max(5, 'must be 1–5');
const verdictSchema = z.object({
  fluency: aspectScore,
  relevance: aspectScore,
  completeness: aspectScore,
  proficiency: aspectScore,
});

const SYSTEM = [
  '你是一名资深临床医生，负责评阅医学问答。请对照参考答案，从四个方面为“待评回答”打分，每项 1–5 分（整数）：',
  '1. fluency（流畅性）：语言是否通顺、条理清楚、易于理解；',
  '2. relevance（相关性）：是否针对所提问题作答，没有答非所问或无关内容；',
  '3. completeness（完整性）：是否涵盖参考答案中的关键要点；',
  '4. proficiency（医学专业性）：医学知识是否准确、术语是否恰当，有无错误或可能有害的建议。',
  '5 分为优秀，3 分为一般，1 分为很差。参考答案只作为要点依据，措辞不同但医学上等价的内容应同样得分。',
  '只输出一个 JSON 对象，不要输出其他文字：{"fluency": n, "relevance": n, "completeness": n, "proficiency": n}',
].join('\n');

/**
 * The judge's request for one answer.
 *
 * @example
 * clinicalJudgeRequest('发热三天怎么办？', '多饮水，必要时就医。', '建议多喝水。').messages.length // 2
 */
export function clinicalJudgeRequest(question: string, reference: string, answer: string): ModelRequest {
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `【问题】\n${question}\n\n【参考答案】\n${reference}\n\n【待评回答】\n${answer}` },
    ],
    temperature: 0,
    maxTokens: 256,
  };
}

/**
 * The verdict in a judge's reply: the first JSON object after any reasoning block, validated; or the
 * problem with it (said to the judge when it is asked again).
 *
 * @example
 * readClinicalVerdict('```json\n{"fluency": 5, "relevance": 4, "completeness": 3, "proficiency": 4}\n```')
 * // → { verdict: { fluency: 5, relevance: 4, completeness: 3, proficiency: 4 } }
 */
export function readClinicalVerdict(reply: string): { verdict: ClinicalVerdict } | { problem: string } {
  const read = jsonObjectInReply(reply);
  if ('problem' in read) return read;
  const parsed = verdictSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `${issue.path.join('.') || 'the object'}: ${issue.message}` };
  }
  return { verdict: parsed.data };
}

export interface ClinicalJudgeOptions<Input extends MetricInput<any, any> = MetricInput> { // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The judge model (its id goes into every signature). */
  model: Model;
  /** The question the judge sees (with options or case notes if the task has them); null: not scorable. */
  question(input: Input): string | null;
  /** The reference answer; null or blank: not scorable (left out of n). */
  reference(input: Input): string | null;
  /** The answer to judge; default the model's output. */
  answer?(input: Input): string | null;
  /** Metric names are `<prefix>_fluency` … `<prefix>_mean`; default `judge`. */
  prefix?: string;
}

const LOWEST: ClinicalVerdict = { fluency: 1, relevance: 1, completeness: 1, proficiency: 1 };

/**
 * Five metrics from one judge request per sample: `judge_fluency`, `judge_relevance`,
 * `judge_completeness`, `judge_proficiency` (each the mean 1–5 score) and `judge_mean` (the mean of the
 * four). A failed request or an empty answer scores 1 on every aspect without asking; a reply that is
 * still malformed after the one re-ask leaves the sample unscored (n shows it).
 *
 * @example
 * const metrics = clinicalJudgeMetrics({
 *   model: openaiCompatible({ baseURL: 'http://gpu:8000/v1', model: 'Qwen2.5-72B-Instruct' }),
 *   question: ({ sample }) => sample.input.question,
 *   reference: ({ sample }) => sample.target.answers[0] ?? null,
 * });
 * await evaluate({ task: huatuo.qa(), model, metrics });
 */
export function clinicalJudgeMetrics<Input extends MetricInput<any, any> = MetricInput>(options: ClinicalJudgeOptions<Input>): Metric<number, Input>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const prefix = options.prefix ?? 'judge';
  const verdicts = new WeakMap<object, Promise<ClinicalVerdict | null>>();
  const verdictFor = (input: Input): Promise<ClinicalVerdict | null> | null => {
    const reference = options.reference(input);
    const question = options.question(input);
    if (reference === null || reference.trim() === '' || question === null) return null;
    const key = input.sample as object;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = judge(options.model, input, question, reference, options.answer ? options.answer(input) : input.output);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
  const signature = (what: string) => `${prefix}_${what}|judge:${options.model.id}|rubric:${CLINICAL_RUBRIC_ID}|scale:1-5|mean|v1`;
  const metric = (what: string, pick: (v: ClinicalVerdict) => number): Metric<number, Input> => ({
    name: `${prefix}_${what}`,
    signature: signature(what),
    higherIsBetter: true,
    scale: 'fraction',
    interval: 'bootstrap',
    pairedTest: 'bootstrap',
    async item(input) {
      const verdict = await verdictFor(input);
      return verdict ? pick(verdict) : null;
    },
    aggregate: mean,
    sampleScore: (item) => item,
  });
  return [
    ...CLINICAL_ASPECTS.map((aspect) => metric(aspect, (v) => v[aspect])),
    metric('mean', (v) => (v.fluency + v.relevance + v.completeness + v.proficiency) / 4),
  ];
}

async function judge(model: Model, input: MetricInput<any, any>, question: string, reference: string, answer: string | null): Promise<ClinicalVerdict | null> { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (input.status === 'error' || answer === null || answer.trim() === '') return LOWEST;
  const ask = input.ask ?? ((m: Model, request: ModelRequest): Promise<ModelResponse> => m.generate(request, {}));
  const first = clinicalJudgeRequest(question, reference, answer);
  const reply = (await ask(model, first)).text;
  const read = readClinicalVerdict(reply);
  if ('verdict' in read) return read.verdict;
  const again: ModelRequest = {
    ...first,
    messages: [
      ...first.messages,
      { role: 'assistant', content: reply },
      { role: 'user', content: `这条回复无法使用：${read.problem}。请只输出一个 JSON 对象：{"fluency": n, "relevance": n, "completeness": n, "proficiency": n}，n 为 1–5 的整数。` },
    ],
  };
  const second = readClinicalVerdict((await ask(model, again)).text);
  return 'verdict' in second ? second.verdict : null;
}

function mean(items: readonly number[]): number {
  if (items.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of items) sum += x;
  return sum / items.length;
}
