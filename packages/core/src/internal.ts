// @medeval/core/internal: every building block of the core, for medeval's own packages, plugins that need
// a piece the main entry does not offer, and tests. No stability promise: names here may change in any
// minor version. What a user needs is in the main entry (index.ts). No Node built-in is imported from here.
export type * from './types.js';
export { openSource, readLines, decodeUtf8, sourceName, EncodingError } from './source/source.js';
export type { DataSource, ByteSource } from './source/source.js';
export * from './models/index.js';
export * from './scheduler/index.js';
export * from './cache/index.js';
export * from './records/index.js';
export * from './aggregate/index.js';
export * from './stats/index.js';
export * from './report/index.js';
export * from './compare/index.js';
export * from './pipeline/index.js';
