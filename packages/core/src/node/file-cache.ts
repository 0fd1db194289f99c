// The crash-safe response cache: <dir>/responses.jsonl, one {"k": key, "v": response} per line,
// append-only, each write fsync'ed before the sample counts as done. After a crash (even SIGKILL)
// every answered sample is in the file; a torn last line (killed mid-write) is cut off on open.
// Writes that arrive while an fsync runs are committed together (group commit), so a busy run pays
// one fsync per batch, not per sample. Memory holds only an index (key → byte range), never the
// responses: a hit is read back from the file.
// Two processes may share one cache: every batch is one write() on a file opened O_APPEND, which the
// kernel never interleaves with another process's write, and a torn tail seen at open is cut off only
// once the file has stopped changing (it may be another process's write still in progress).
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cache } from '../cache/cache.js';
import { fingerprint, LONG_LINE, SlotIndex, type Slot } from '../cache/slot-index.js';
import type { ModelResponse } from '../types.js';

export const CACHE_FILE = 'responses.jsonl';

export interface FileCache extends Cache {
  /** Path of the JSONL file. */
  readonly file: string;
  /** Entries loaded + written so far. */
  size(): Promise<number>;
  close(): Promise<void>;
}

const CHUNK = 1 << 20;

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/**
 * How many lines a file of `size` bytes is expected to hold, from samples of it (lines counted in so many bytes):
 * the sparsest sample decides, since an index sized too small only grows, and one sized too large wastes memory.
 *
 * @example
 * expectedLines(100 * 2 ** 20, [{ lines: 7000, bytes: 2 ** 20 }, { lines: 200, bytes: 2 ** 20 }]) // → 20,000
 */
export function expectedLines(size: number, samples: ReadonlyArray<{ lines: number; bytes: number }>): number {
  const density = Math.min(...samples.map((s) => (s.bytes > 0 ? s.lines / s.bytes : 0)));
  return Number.isFinite(density) ? Math.floor(size * density) : 0;
}

/**
 * A file cache with its index already read. evaluate() opens its cache this way, before the first sample starts:
 * samples that waited for a lazy index read were alive through all the collections of a million-line read, so V8
 * marked where they are made as long-lived and made every later one in the old generation (pretenuring), where
 * the garbage of a million cache hits then piled up to the next full collection (a second run of a million
 * samples peaked at 316–422 MB instead of ~240).
 *
 * @example
 * const cache = await openFileCache('.medeval-cache'); // throws here, naming the line, if the file is damaged
 */
export async function openFileCache(dir: string): Promise<FileCache> {
  const cache = fileCache(dir);
  await cache.size();
  return cache;
}

export function fileCache(dir: string): FileCache {
  const file = join(dir, CACHE_FILE);
  const slots = new SlotIndex();
  // Responses queued for the file but not yet written: served from here until their batch is on disk.
  const unwritten = new Map<string, ModelResponse>();
  let handle: FileHandle | undefined;
  let ready: Promise<void> | undefined;
  let nextOffset = 0;
  let pending: Array<{ key: string; line: string }> = [];
  let waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  let flushing: Promise<void> | undefined;

  const parseLine = (line: string, lineNumber: number): { k: string; v: ModelResponse } => {
    let entry: { k?: unknown; v?: { text?: unknown } };
    try {
      entry = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${lineNumber}: not valid JSON; the cache file is damaged (delete the line or the file to re-ask those samples)`);
    }
    if (typeof entry.k !== 'string' || typeof entry.v?.text !== 'string') {
      throw new Error(`${file}:${lineNumber}: expected {"k": string, "v": {"text": string}}`);
    }
    return entry as { k: string; v: ModelResponse };
  };

  /**
   * Streams the file, validating every line and indexing where each key's response is; returns the end of the last
   * whole line. One buffer serves every read (an unfinished line is moved to its front): a new buffer per 1 MiB read
   * left the whole file's size in dead buffers for the garbage collector (~150 MB for a million answers).
   */
  async function indexFile(): Promise<{ end: number; torn: boolean; size: number }> {
    const size = (await handle!.stat()).size;
    let buffer = Buffer.alloc(2 * CHUNK);
    let filled = 0; // bytes of an unfinished line at the buffer's front
    let bufferOffset = 0; // file offset of buffer[0]
    let lineNumber = 0;
    // Lines a MiB at the file's end (read first, into the same buffer): a cache that served a short-answer task and
    // then a long-answer one has short lines at its start, which alone would size the index for far too many keys.
    const tail = size > 2 * CHUNK ? { lines: countNewlines(buffer.subarray(0, (await handle!.read(buffer, 0, CHUNK, size - CHUNK)).bytesRead)), bytes: CHUNK } : undefined;
    for (let position = 0; position < size; ) {
      const want = Math.min(CHUNK, size - position);
      if (filled + want > buffer.length) {
        const grown = Buffer.alloc(2 * (filled + want)); // a line longer than the buffer
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const { bytesRead } = await handle!.read(buffer, filled, want, position);
      if (bytesRead === 0) break; // the file shrank meanwhile: index what was read
      position += bytesRead;
      const end = filled + bytesRead;
      const bytes = buffer.subarray(0, end);
      let start = 0;
      for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
        lineNumber++;
        const line = bytes.toString('utf8', start, nl);
        if (line.trim() !== '') slots.add(parseLine(line, lineNumber).k, { offset: bufferOffset + start, length: nl - start });
        start = nl + 1;
      }
      // After the first read, the table is made at the size the whole file needs, so indexing a million lines copies
      // no table (each doubling held the old and the new one at once); too few is safe, it grows as before.
      if (position === bytesRead && position < size) slots.reserve(expectedLines(size, [{ lines: lineNumber, bytes: position }, ...(tail ? [tail] : [])]));
      buffer.copy(buffer, 0, start, end);
      filled = end - start;
      bufferOffset += start;
    }
    return { end: bufferOffset, torn: filled > 0, size };
  }

  const load = () =>
    (ready ??= (async () => {
      await mkdir(dir, { recursive: true });
      handle = await open(file, 'a+');
      for (let attempt = 0; ; attempt++) {
        const { end, torn, size } = await indexFile();
        nextOffset = end;
        if (!torn) break;
        // Anything after the last newline is either a write cut short by a crash (drop it) or another
        // process's write still in progress (leave it): wait and look again.
        await new Promise((resolve) => setTimeout(resolve, 50));
        if ((await handle.stat()).size !== size) {
          if (attempt < 100) continue;
          break;
        }
        await handle.truncate(end);
        break;
      }
    })());

  /**
   * What a slot holds for `key`: its response; 'other' for a whole line of another key with the same fingerprint;
   * 'stale' for bytes that are no line of such a key (another process appended where this one expected its own line).
   */
  async function readSlot(key: string, slot: Slot): Promise<ModelResponse | 'other' | 'stale'> {
    const bytes = slot.length === LONG_LINE ? await readLongLine(slot.offset) : await readBytes(slot.offset, slot.length);
    if (!bytes) return 'stale';
    try {
      const entry = parseLine(bytes.toString('utf8'), 0);
      if (entry.k === key) return entry.v;
      return fingerprint(entry.k) === fingerprint(key) ? 'other' : 'stale';
    } catch {
      return 'stale';
    }
  }

  async function readBytes(offset: number, length: number): Promise<Buffer | undefined> {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle!.read(bytes, 0, length, offset);
    return bytesRead === length ? bytes : undefined;
  }

  /** A line of 16 MiB or more (its length is not indexed): read until its newline. */
  async function readLongLine(offset: number): Promise<Buffer | undefined> {
    let bytes = Buffer.alloc(2 * LONG_LINE);
    for (let filled = 0; ; ) {
      if (filled === bytes.length) {
        const grown = Buffer.alloc(2 * bytes.length);
        bytes.copy(grown);
        bytes = grown;
      }
      const { bytesRead } = await handle!.read(bytes, filled, bytes.length - filled, offset + filled);
      if (bytesRead === 0) return undefined;
      const newline = bytes.indexOf(0x0a, filled);
      filled += bytesRead;
      if (newline !== -1 && newline < filled) return bytes.subarray(0, newline);
    }
  }

  /** The response of the first candidate slot that holds `key`'s line; stale slots are forgotten on the way. */
  async function lookUp(key: string): Promise<{ found?: ModelResponse; stale: boolean }> {
    let stale = false;
    for (const slot of slots.candidates(key)) {
      const read = await readSlot(key, slot);
      if (read === 'stale') {
        slots.remove(key, slot);
        stale = true;
      } else if (read !== 'other') return { found: read, stale };
    }
    return { stale };
  }

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending;
      const batchWaiters = waiters;
      pending = [];
      waiters = [];
      try {
        // One write() per batch: appends of other processes never land inside it (appendFile would
        // split a large batch into 512 KiB writes).
        const bytes = Buffer.from(batch.map((p) => p.line).join(''), 'utf8');
        for (let written = 0; written < bytes.length; ) {
          written += (await handle!.write(bytes, written, bytes.length - written, null)).bytesWritten;
        }
        await handle!.sync();
        for (const { key } of batch) unwritten.delete(key);
        for (const w of batchWaiters) w.resolve();
      } catch (error) {
        for (const w of batchWaiters) w.reject(error);
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
      const queued = unwritten.get(key);
      if (queued) return queued;
      const first = await lookUp(key);
      if (first.found || !first.stale) return first.found;
      // Another process appended to the same file, so offsets computed here went stale: index it afresh.
      await indexFile();
      return (await lookUp(key)).found;
    },
    async set(key, value) {
      await load();
      const line = `${JSON.stringify({ k: key, v: value })}\n`;
      const length = Buffer.byteLength(line) - 1;
      // Lines are appended in queue order, so each one's offset is known now.
      slots.add(key, { offset: nextOffset, length });
      nextOffset += length + 1;
      unwritten.set(key, value);
      pending.push({ key, line });
      await new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        kick();
      });
    },
    async size() {
      await load();
      return slots.size;
    },
    async close() {
      if (!ready) return;
      await ready.catch(() => {});
      while (flushing) await flushing;
      await handle?.close();
      handle = undefined;
      ready = undefined;
      slots.clear();
      unwritten.clear();
    },
  };
}
