// `#platform` on Deno: files through Deno's node:fs (each needs its --allow-read/--allow-write), and
// Deno's own fetch for model servers.
import type { Platform } from './platform.js';

export const platform: Platform = {
  name: 'deno',
  openFileSource: async (path) => (await import('../node/file-source.js')).openFileSource(path),
  runFolderWriter: async (dir) => (await import('../node/run-folder.js')).runFolderWriter(dir),
  fileCache: async (dir) => (await import('../node/file-cache.js')).openFileCache(dir),
  defaultFetch: async () => undefined,
};
