// Huatuo's BM25 tokens are medeval's one retrieval tokenizer, shared with CMExam's baseline.
export { cjkBigramTokens } from '@medeval/metrics/internal';
