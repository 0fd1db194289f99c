// The public surface of @medeval/core: re-exports only, in the order of the data flow.
// No Node built-in is imported from here (Deno and browsers load this entry).
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
