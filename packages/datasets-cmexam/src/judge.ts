// The judge fallback for the CMExam answer and joint tasks (standard protocol only): a judge model reads
// the committed answer out of an output the extraction rules left unparsed. The prompt is fixed and
// versioned (JUDGE_PROMPT_ID, part of the protocol signature); the reply must be JSON {"answer": "C" | null}
// with letters among the question's options, checked with zod.
import { splitReasoning, type JudgeVerdict, type ModelRequest, type Parsed, type TaskJudge } from '@medeval/core';
import { z } from 'zod';
import type { CmexamSample } from './schema.js';

/** Bump when the prompt, the clipping or the reading below changes: it is part of the protocol signature. */
export const JUDGE_PROMPT_ID = 'cmexam-judge@1';

const SYSTEM =
  '你是医学考试的阅卷助手。你的任务是判断一份作答最终选定了哪个或哪些选项，而不是自己解题。只输出一个 JSON 对象，不要输出任何其他文字。';

function instruction(sample: CmexamSample, output: string): string {
  return [
    '下面是一道医学选择题（可能有一个或多个正确选项）和一份作答。请只根据作答的文字，判断作答最终明确选定的选项。',
    '规则：',
    '1. 只看作答最终给出的答案；作答先讨论、后改选时，以最后的决定为准。',
    '2. 作答只写了选项内容而没写字母时，找出与之唯一对应的选项字母。',
    '3. 作答没有明确选定任何选项（拒答、在几个选项之间犹豫、只分析不作答、认为题目有误、内容被截断），answer 为 null。',
    '4. 不要用你自己的医学知识判断对错。',
    '输出格式：{"answer": "C"}；多选时把字母按字母表顺序连写，如 {"answer": "ACD"}；没有选定时 {"answer": null}。',
    '',
    `题目：${sample.input.question}`,
    `选项：\n${sample.input.optionsText}`,
    '',
    '作答：',
    '<<<',
    clipForJudge(output),
    '>>>',
  ].join('\n');
}

// Outputs that repeat themselves for thousands of characters: the judge sees the start and the end,
// where a final answer is.
const HEAD = 1000;
const TAIL = 3000;

/** An output as the judge sees it: reasoning blocks removed, long text cut to its start and end. */
export function clipForJudge(output: string): string {
  const chars = [...splitReasoning(output).text.trim()];
  if (chars.length <= HEAD + TAIL) return chars.join('');
  return `${chars.slice(0, HEAD).join('')}\n……（中间省略 ${chars.length - HEAD - TAIL} 字）……\n${chars.slice(-TAIL).join('')}`;
}

/**
 * The judge request for one output.
 *
 * @example
 * judgeRequest('我倾向于二尖瓣狭窄', sample).messages[1].content // contains the question, options and output
 */
export function judgeRequest(output: string, sample: CmexamSample): ModelRequest {
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: instruction(sample, output) },
    ],
    temperature: 0,
  };
}

const replySchema = z.object({ answer: z.string().nullable() });

/**
 * The JSON object in a reply: the whole reply (or its fenced block) when it is one object, else the first
 * flat {...} in it that names "answer" (a judge may add a sentence around it); undefined when there is none.
 */
function jsonText(reply: string): string | undefined {
  const text = splitReasoning(reply).text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidate = (fenced ? fenced[1]! : text).trim();
  if (candidate.startsWith('{') && candidate.endsWith('}')) return candidate;
  const objects = candidate.match(/\{[^{}]*\}/g) ?? [];
  return objects.find((o) => /"answer"/.test(o)) ?? objects[0];
}

/**
 * Reads a judge reply: sorted letters among the sample's options, or null; `malformed` says why a reply
 * cannot be used (no JSON, wrong shape, a letter that is not an option).
 *
 * @example
 * readJudgeAnswer('{"answer": "C"}', sample) // → { prediction: 'C', span: '{"answer": "C"}' }
 * readJudgeAnswer('{"answer": "Z"}', sample) // → { malformed: 'answer "Z": Z is not an option (A, B, C, D, E)' }
 */
export function readJudgeAnswer(reply: string, sample: CmexamSample): JudgeVerdict<string> {
  const text = jsonText(reply);
  if (text === undefined) return { malformed: 'no JSON object in the reply' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { malformed: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = replySchema.safeParse(value);
  if (!parsed.success) return { malformed: 'expected {"answer": "<letters>" | null}' };
  const { answer } = parsed.data;
  if (answer === null) return { prediction: null, span: text };
  const letters = answer.toUpperCase().replace(/[\s,，、和及/]+/g, '');
  const options = sample.input.options.map((o) => o.letter);
  if (!/^[A-Z]+$/.test(letters)) return { malformed: `answer ${JSON.stringify(answer)}: expected option letters` };
  const unknown = [...letters].filter((l) => !options.includes(l));
  if (unknown.length) return { malformed: `answer ${JSON.stringify(answer)}: ${unknown.join(', ')} is not an option (${options.join(', ')})` };
  if (new Set(letters).size !== letters.length) return { malformed: `answer ${JSON.stringify(answer)}: a letter repeats` };
  return { prediction: [...letters].sort().join(''), span: text };
}

const retry = (problem: string): string =>
  `你的回复无法使用（${problem}）。请只输出一个 JSON 对象：{"answer": "选项字母"}，或在作答没有选定任何选项时输出 {"answer": null}，不要输出其他内容。`;

/** The answer task's judge: the prediction is the letters. */
export const answerJudge: TaskJudge<CmexamSample, string> = {
  promptId: JUDGE_PROMPT_ID,
  request: judgeRequest,
  read: (reply, sample) => readJudgeAnswer(reply, sample),
  retry,
};

/**
 * The joint task's judge: the judge's letters with the explanation the rules read.
 *
 * @example
 * // what `cmexam.joint()` sets as its `judge` hook: the judge's letters, the rules' explanation
 * const hook = jointJudge<{ answer: string | null; explanation: string | null }>();
 */
export function jointJudge<P extends { answer: string | null; explanation: string | null }>(): TaskJudge<CmexamSample, P> {
  return {
    promptId: JUDGE_PROMPT_ID,
    request: judgeRequest,
    read: (reply, sample, parsed: Parsed<P>) => {
      const verdict = readJudgeAnswer(reply, sample);
      if ('malformed' in verdict) return verdict;
      const explanation = parsed.prediction?.explanation ?? null;
      return { prediction: verdict.prediction === null ? null : ({ answer: verdict.prediction, explanation } as P), span: verdict.span };
    },
    retry,
  };
}
