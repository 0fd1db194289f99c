// `#platform` anywhere else (browsers, edge runtimes): no file system. Data comes as `{ name, text }` or
// `{ name, bytes }`, records go to a RecordSink object and the cache is a Cache object; the runtime's
// fetch talks to model servers.
import type { Platform } from './platform.js';

const noFiles = (what: string, instead: string) => async (): Promise<never> => {
  throw new Error(`${what} needs Node or Deno; in this runtime pass ${instead}`);
};

export const platform: Platform = {
  name: 'browser',
  openFileSource: noFiles('reading a file path', 'the data as { name, text } or { name, bytes }'),
  runFolderWriter: noFiles('writing a run folder', 'a RecordSink object as `out`'),
  fileCache: noFiles('a cache folder', 'a Cache object as `cache`'),
  defaultFetch: async () => undefined,
};
