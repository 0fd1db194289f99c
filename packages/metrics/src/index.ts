// The public surface of @medeval/metrics: pure functions, Metric factories and the named protocols.
// No Node built-in is imported from here.
export * from './tokenize/index.js';
export * from './bleu/index.js';
export * from './gleu/index.js';
export * from './rouge/index.js';
export * from './distinct/index.js';
export * from './classification/index.js';
export * from './protocols/index.js';
export * from './judge/index.js';
