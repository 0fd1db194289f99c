// Versioned prompts. A prompt id is stored in results.json; changing any text below means a new
// version (`@2`), never an edit in place, so numbers stay comparable across runs.
import type { ModelRequest } from '@medeval/core';
import type { HuatuoSample } from './schema.js';

export interface HuatuoPrompt {
  /** e.g. `huatuo-qa@1` */
  id: string;
  render(sample: HuatuoSample): ModelRequest;
}

const QA_SYSTEM =
  '你是一名经验丰富的医生，正在网上回答患者的咨询。请用中文直接给出回答，语言通俗、简明、准确，' +
  '必要时说明应就诊的科室或需要做的检查。不要重复问题，不要加“答：”之类的前缀。';

/** Chat prompt for instruction-tuned models: a doctor persona in the system message, the question as is. */
export const huatuoQaPrompt: HuatuoPrompt = {
  id: 'huatuo-qa@1',
  render: (sample) => ({
    messages: [
      { role: 'system', content: QA_SYSTEM },
      { role: 'user', content: sample.input.question },
    ],
    maxTokens: 512,
    temperature: 0,
  }),
};

/** The question alone, as the Huatuo-26M paper fed its fine-tuned generation models (T5, GPT-2). */
export const huatuoPlainPrompt: HuatuoPrompt = {
  id: 'huatuo-plain@1',
  render: (sample) => ({
    messages: [{ role: 'user', content: sample.input.question }],
    maxTokens: 512,
    temperature: 0,
  }),
};

export const huatuoPrompts: Readonly<Record<string, HuatuoPrompt>> = {
  [huatuoQaPrompt.id]: huatuoQaPrompt,
  [huatuoPlainPrompt.id]: huatuoPlainPrompt,
};

/**
 * A prompt by id (unknown ids list the known ones), or a caller's own prompt object.
 *
 * @example
 * resolvePrompt('huatuo-plain@1').id; // 'huatuo-plain@1'
 */
export function resolvePrompt(prompt: string | HuatuoPrompt | undefined): HuatuoPrompt {
  if (prompt === undefined) return huatuoQaPrompt;
  if (typeof prompt !== 'string') return prompt;
  const found = huatuoPrompts[prompt];
  if (!found) {
    throw new Error(`unknown Huatuo prompt "${prompt}"; known: ${Object.keys(huatuoPrompts).join(', ')}`);
  }
  return found;
}
