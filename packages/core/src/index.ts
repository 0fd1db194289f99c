// The public surface of @medeval/core: re-exports only. No Node built-in is imported from here.
export type * from './types.js';
export { openSource, readLines, decodeUtf8, sourceName, EncodingError } from './source/source.js';
export type { DataSource, ByteSource } from './source/source.js';
