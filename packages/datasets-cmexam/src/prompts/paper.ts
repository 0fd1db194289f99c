// The CMExam paper's prompt templates (src/preprocess/prompt_templates.py), verbatim, and the inference
// wrapper of its LoRA template (src/LoRA/templates/med_template.json). Templates 1, 3 and 4 share the same
// prompt text; they differ in the completion the model was trained to produce.
import type { CmexamInput } from '../schema.js';

/** `问题: {Question}, \n 选项: {Options}` (the literal spaces around `\n` are the paper's). */
export function paperInstruction(input: CmexamInput): string {
  return `问题: ${input.question}, \n 选项: ${input.optionsText}`;
}

/** `{instruction}\n### 回答:\n`: the LoRA inference wrapper. */
export function paperWrap(instruction: string): string {
  return `${instruction}\n### 回答:\n`;
}

/** Completions of templates 1, 3 and 4, as written into the fine-tuning data (for few-shot examples). */
export const paperCompletion = {
  1: (answer: string) => `答案: ${answer}`,
  3: (explanation: string) => `解释: ${explanation}`,
  4: (answerWithText: string, explanation: string) => `答案: ${answerWithText}. \n 解释:${explanation}`,
} as const;

/**
 * The GPT/ChatGLM script's prompt (evaluate_gpt_result.py), verbatim, for one question instead of a batch
 * of five: the question's options are joined by `,` as the script does.
 */
export function gptScriptPrompt(input: CmexamInput): string {
  const group = `1.题目信息为 ${input.question}:${input.optionsText.replace(/\n/g, ',')}\n`;
  return (
    '返回格式为一个python列表，包含每道题的答案英文选项和解释 \n' +
    '假设你是一位医疗行业专家，请回答下列几个问题。\n' +
    `题目信息为：${group} \n` +
    '注意，每个题目的回答以一个字符串保存，返回答案的英文选项，并进行简要的解释。字符串输出格式限制为“答案：**,解释：**”'
  );
}
