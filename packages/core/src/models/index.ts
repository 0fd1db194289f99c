export { openaiCompatible, toModelError } from './openai-compatible.js';
export type { OpenAICompatibleOptions } from './openai-compatible.js';
export { fromFunction } from './from-function.js';
export type { ModelFunction } from './from-function.js';
export { modelFromSpec, ollamaBaseUrl, MODEL_SPEC_FORMS } from './spec.js';
export type { ModelSpecOptions } from './spec.js';
export { redact, publicUrl } from './redact.js';
export { splitReasoning } from './reasoning.js';
export type { ReasoningSplit } from './reasoning.js';
