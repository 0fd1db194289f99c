// The crash-safe response cache: <dir>/responses.jsonl, one {"k": key, "v": response} per line,
// append-only, each write fsync'ed before the sample counts as done. After a crash (even SIGKILL)
// every answered sample is in the file; a torn last line (killed mid-write) is cut off on open.
// Writes that arrive while an fsync runs are committed together (group commit), so a busy run pays
// one fsync per batch, not per sample.
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cache } from '../cache/cache.js';
import type { ModelResponse } from '../types.js';

export const CACHE_FILE = 'responses.jsonl';

export interface FileCache extends Cache {
  /** Path of the JSONL file. */
  readonly file: string;
  /** Entries loaded + written so far. */
  size(): Promise<number>;
  close(): Promise<void>;
}

export function fileCache(dir: string): FileCache {
  const file = join(dir, CACHE_FILE);
  const entries = new Map<string, ModelResponse>();
  let handle: FileHandle | undefined;
  let ready: Promise<void> | undefined;
  let pending: string[] = [];
  let waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  let flushing: Promise<void> | undefined;

  const load = () =>
    (ready ??= (async () => {
      await mkdir(dir, { recursive: true });
      handle = await open(file, 'a+');
      const bytes = await handle.readFile();
      const end = bytes.lastIndexOf(0x0a) + 1;
      // Anything after the last newline is a write cut short by a crash: drop it.
      if (end < bytes.length) await handle.truncate(end);
      let lineNumber = 0;
      for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
        lineNumber++;
        if (line.trim() === '') continue;
        let entry: { k?: unknown; v?: { text?: unknown } };
        try {
          entry = JSON.parse(line);
        } catch {
          throw new Error(`${file}:${lineNumber}: not valid JSON; the cache file is damaged (delete the line or the file to re-ask those samples)`);
        }
        if (typeof entry.k !== 'string' || typeof entry.v?.text !== 'string') {
          throw new Error(`${file}:${lineNumber}: expected {"k": string, "v": {"text": string}}`);
        }
        entries.set(entry.k, entry.v as ModelResponse);
      }
    })());

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const lines = pending.join('');
      const batch = waiters;
      pending = [];
      waiters = [];
      try {
        await handle!.appendFile(lines, 'utf8');
        await handle!.sync();
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  }

  function kick(): void {
    flushing ??= flush().finally(() => {
      flushing = undefined;
      if (pending.length > 0) kick();
    });
  }

  return {
    file,
    async get(key) {
      await load();
      return entries.get(key);
    },
    async set(key, value) {
      await load();
      entries.set(key, value);
      pending.push(`${JSON.stringify({ k: key, v: value })}\n`);
      await new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        kick();
      });
    },
    async size() {
      await load();
      return entries.size;
    },
    async close() {
      if (!ready) return;
      await ready.catch(() => {});
      while (flushing) await flushing;
      await handle?.close();
      handle = undefined;
      ready = undefined;
      entries.clear();
    },
  };
}
