// CMMLU's prompt (gen_prompt + format_example in src/mp_utils.py, direct-answer variant): an instruction
// naming the subject in Chinese, k solved examples from the subject's dev split, then the question with
// "答案是：" left open. Sent as one user message.
import type { ChatMessage } from '@medeval/core';
import type { CmmluSample } from './schema.js';
import { SUBJECT_NAMES_ZH } from './subjects.js';

/**
 * format_example: "题目：" + question, "\nA. …" per option, then "\n答案是：" (+ the answer and a blank line).
 *
 * @example
 * formatExample(sample, false); // '题目：…\nA. …\nB. …\nC. …\nD. …\n答案是：'
 */
export function formatExample(sample: CmmluSample, includeAnswer: boolean): string {
  let prompt = `题目：${sample.input.question}`;
  for (const option of sample.input.options) prompt += `\n${option.letter}. ${option.text}`;
  prompt += '\n答案是：';
  if (includeAnswer) prompt += `${sample.target.answer}\n\n`;
  return prompt;
}

/**
 * gen_prompt with no tokenizer (no truncation): the instruction, `shots` examples, then the question.
 *
 * @example
 * cmmluPrompt(sample, []) // "以下是关于解剖学的单项选择题，请直接给出正确答案的选项。\n\n题目：…\nA. …\n答案是："
 */
export function cmmluPrompt(sample: CmmluSample, shots: readonly CmmluSample[]): string {
  let prompt = `以下是关于${SUBJECT_NAMES_ZH[sample.input.subject]}的单项选择题，请直接给出正确答案的选项。\n\n`;
  for (const shot of shots) prompt += formatExample(shot, true);
  return prompt + formatExample(sample, false);
}

export function cmmluMessages(sample: CmmluSample, shots: readonly CmmluSample[]): ChatMessage[] {
  return [{ role: 'user', content: cmmluPrompt(sample, shots) }];
}
