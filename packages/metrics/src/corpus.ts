// @medeval/metrics/corpus: corpus-level BLEU (sacrebleu) and ROUGE (rouge-score) over plain arrays of lines,
// and the streaming pieces `medeval bleu` / `medeval rouge` use on worker threads. Nothing here validates
// options with zod or reaches @medeval/core (checked by corpus.test.ts), so loading this entry takes a few
// milliseconds where the main entry takes ~100 ms (zod and core): a whole-file command and each of its worker
// threads start that much sooner. The same functions, with the same results, are in the main entry.
// Imports name the defining files, not the folders' index files, so the entry reaches only what it exports.
export { createCorpusBleu } from './bleu/corpus.js';
export type { CorpusBleuAccumulator } from './bleu/corpus.js';
export { computeSacreBleu, sacrebleuSignature } from './bleu/sacrebleu.js';
export type { SacreBleuComputeOptions } from './bleu/sacrebleu.js';
export { rougeScoreColumns, rougeScoreFromColumns, corpusRougeSignature } from './rouge/corpus.js';
export { protocolRougeOptions } from './protocols/registry.js';
export type { ProtocolName } from './protocols/registry.js';
export { protocolCorpusBleu, protocolCorpusRouge, bleuTokenizerFor } from './protocols/corpus-text.js';
export type { CorpusBleuJson, CorpusRougeJson, TextTokenizer } from './protocols/corpus-text.js';
export { loadJieba } from './tokenize/jieba.js';
export { needsJieba } from './tokenize/registry.js';
export type { TokenizerName } from './tokenize/registry.js';
