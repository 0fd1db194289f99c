// The one seam between @medeval/core and its runtime. What differs between Node, Deno and a browser —
// reading a file path, writing a run folder, a cache on disk, the HTTP client — sits behind this
// interface, and package.json `imports` picks the implementation for `#platform` by condition:
// `deno` → deno.ts, `node` → node.ts, anything else (browsers, bundlers) → browser.ts.
// Every Node built-in is reached through a dynamic import inside those files, so no main entry imports one.
import type { Cache } from '../cache/cache.js';
import type { RecordSink } from '../pipeline/record-sink.js';
import type { ByteSource } from '../source/byte-source.js';

export interface Platform {
  name: 'node' | 'deno' | 'browser';
  /** Opens a dataset file by path (streamed, hashed as it is read). */
  openFileSource(path: string): Promise<ByteSource>;
  /** A run folder at `dir` as a record sink (records.jsonl, results.json, reports). */
  runFolderWriter(dir: string): Promise<RecordSink>;
  /** The response cache in the folder `dir`. */
  fileCache(dir: string): Promise<Cache>;
  /** The fetch the OpenAI-compatible client uses; undefined means the runtime's own fetch. */
  defaultFetch(): Promise<typeof fetch | undefined>;
}
