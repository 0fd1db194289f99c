// Instructions for chat models. They ask for a final `答案：X` line, which the strict extractor reads.
import type { CmexamInput } from '../schema.js';

export type TaskKind = 'answer' | 'explanation' | 'joint';

export const SYSTEM_PROMPT = '你是一名医学专家，正在解答中国国家医师资格考试的选择题。';

/** The question block every chat prompt shares. */
export function questionBlock(input: CmexamInput): string {
  return `问题：${input.question}\n选项：\n${input.optionsText}`;
}

const ZERO_SHOT: Record<TaskKind, string> = {
  answer:
    '请回答下面的选择题。题目可能有一个或多个正确选项。只需在最后一行按“答案：X”的格式给出正确选项的字母（多个字母直接连写，如“答案：AC”）。',
  explanation:
    '请回答下面的选择题，并解释理由：说明正确选项为什么正确、其他选项为什么错误。按“解释：……”的格式作答。',
  joint:
    '请回答下面的选择题（可能有一个或多个正确选项），并给出解释。严格按以下两行格式作答：\n答案：正确选项的字母（多个字母直接连写）\n解释：简要说明理由',
};

const CHAIN_OF_THOUGHT: Record<TaskKind, string> = {
  answer:
    '请回答下面的选择题（可能有一个或多个正确选项）。先逐个分析选项，一步一步推理；最后单独一行按“答案：X”的格式给出最终答案的字母（多个字母直接连写）。',
  explanation:
    '请回答下面的选择题。先逐个分析选项，一步一步推理，然后按“解释：……”的格式写出完整的解释。',
  joint:
    '请回答下面的选择题（可能有一个或多个正确选项）。先逐个分析选项，一步一步推理；然后按以下两行格式作答：\n答案：正确选项的字母\n解释：简要说明理由',
};

export function zeroShotInstruction(kind: TaskKind): string {
  return ZERO_SHOT[kind];
}

export function chainOfThoughtInstruction(kind: TaskKind): string {
  return CHAIN_OF_THOUGHT[kind];
}

/** How a worked example's answer is written in few-shot prompts. */
export function exampleAnswer(kind: TaskKind, answer: string, explanation: string): string {
  if (kind === 'answer') return `答案：${answer}`;
  if (kind === 'explanation') return `解释：${explanation}`;
  return `答案：${answer}\n解释：${explanation}`;
}
