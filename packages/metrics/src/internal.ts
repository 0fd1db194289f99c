// @medeval/metrics/internal: every function of the package (tokenizer internals, statistics engines,
// Python-compatible helpers), for medeval's own packages, plugins and tests. No stability promise: names
// here may change in any minor version. What a user needs is in the main entry (index.ts).
export * from './tokenize/index.js';
export * from './bleu/index.js';
export * from './gleu/index.js';
export * from './rouge/index.js';
export * from './distinct/index.js';
export * from './classification/index.js';
export * from './protocols/index.js';
export * from './judge/index.js';
