// Reads the two files of lines for `medeval bleu` / `medeval rouge`, the way sacrebleu reads its inputs:
// one text per line, an empty line is an empty text, a final newline does not start another line.
// Whole-file reads and one split are the fastest path in Node for 100,000-line inputs; the bytes are read into
// shared memory, where worker threads decode (or tokenize) the lines they score.
import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';

/**
 * A file of lines, read and checked but not yet decoded: UTF-8 bytes and where each line starts. Line i is
 * bytes [starts[i], starts[i + 1] - 1) (the -1 drops its newline; a last line without one ends at the file's
 * end). Decoding can happen here (`decodeLines`) or, for large inputs, slice by slice in worker threads.
 */
export interface LineFile {
  /** The path as the user typed it, for messages. */
  path: string;
  bytes: Uint8Array;
  /** count + 1 offsets. */
  starts: Float64Array;
  count: number;
}

/** `path` is read; `shown` is the path as the user typed it, for messages. */
export async function readLineFile(path: string, flag: string, command: string, shown = path): Promise<string[]> {
  const file = await readLineBytes(path, flag, command, shown);
  return decodeLines(file.bytes, file.starts, 0, file.count);
}

/**
 * Reads and checks a file of lines (UTF-8, optional BOM) without decoding it. The bytes are read straight into
 * shared memory, so worker threads can score them without a copy (27 MB copies in ~10 ms).
 */
export async function readLineBytes(path: string, flag: string, command: string, shown = path): Promise<LineFile> {
  let bytes: Buffer;
  try {
    bytes = await readShared(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${flag} ${shown}: no such file`, command);
    if (code === 'EISDIR') throw new UsageError(`${flag} ${shown}: is a directory, expected a file of lines`, command);
    throw new InputError(`${path}: cannot read: ${(error as Error).message}`);
  }
  const start = checkUtf8(bytes, shown);
  const starts: number[] = [];
  if (start < bytes.length) {
    let at = start;
    while (at < bytes.length) {
      starts.push(at);
      const nl = bytes.indexOf(10, at);
      at = nl === -1 ? bytes.length + 1 : nl + 1;
    }
    starts.push(at);
  }
  return { path: shown, bytes, starts: Float64Array.from(starts.length ? starts : [start]), count: Math.max(0, starts.length - 1) };
}

/** The size of a file in bytes, 0 when it cannot be read (reading it then says why). */
export async function fileBytes(path: string): Promise<number> {
  return stat(path).then((s) => s.size, () => 0);
}

/**
 * Reads several files of lines at once (the reads overlap; the checks run as each arrives). When some fail, the
 * first one in the order given is reported, so the message does not depend on which disk read ended first.
 */
export async function readLineFiles(files: readonly { path: string; flag: string; shown: string }[], command: string): Promise<LineFile[]> {
  const settled = await Promise.allSettled(files.map((file) => readLineBytes(file.path, file.flag, command, file.shown)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<LineFile>).value);
}

/**
 * Lines [from, to) of a `LineFile`'s bytes as strings (a trailing CR is dropped, as sacrebleu's reading
 * of CRLF files). Works on a SharedArrayBuffer view, so a worker thread decodes only its own slice.
 */
export function decodeLines(bytes: Uint8Array, starts: Float64Array, from: number, to: number): string[] {
  if (to <= from) return [];
  const begin = starts[from]!;
  const end = starts[to]! - 1;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + begin, end - begin).toString('utf8');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/**
 * A whole file in a Buffer over a SharedArrayBuffer. A regular file is read straight into it; a pipe, or a file
 * whose size changed while it was read, is read whole through the same handle and then copied.
 */
async function readShared(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isFile()) {
      const bytes = Buffer.from(new SharedArrayBuffer(stat.size));
      let filled = 0;
      while (filled < stat.size) {
        const { bytesRead } = await handle.read(bytes, filled, stat.size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled === stat.size && (await handle.read(Buffer.alloc(1), 0, 1, filled)).bytesRead === 0) return bytes;
    }
    return toShared(await handle.readFile()); // a directory fails here with EISDIR
  } finally {
    await handle.close();
  }
}

function toShared(bytes: Uint8Array): Buffer {
  const shared = Buffer.from(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}

/** The file with its bytes in shared memory (as `readLineBytes` leaves them), so worker threads read them without a copy. */
export function shareLineFile(file: LineFile): LineFile {
  return file.bytes.buffer instanceof SharedArrayBuffer ? file : { ...file, bytes: toShared(file.bytes) };
}

/** UTF-8 with an optional BOM (its length is returned); anything else is bad input, named by its first bad line. */
function checkUtf8(bytes: Buffer, path: string): number {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${path}: the file is UTF-16; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)`);
  }
  // isUtf8 (simdutf) validates far faster than a fatal TextDecoder.
  if (isUtf8(bytes)) return start;
  throw new InputError(
    `${path}:${firstBadLine(bytes.subarray(start))}: not valid UTF-8 (it looks like GB18030/GBK); convert it first, e.g. iconv -f GB18030 -t UTF-8`,
  );
}

function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let from = 0;
  while (from <= bytes.length) {
    let to = bytes.indexOf(10, from);
    if (to === -1) to = bytes.length;
    try {
      decoder.decode(bytes.subarray(from, to));
    } catch {
      return line;
    }
    line += 1;
    from = to + 1;
  }
  return line;
}

/** Hypothesis and reference line counts must match, as in sacrebleu. */
export function checkSameLength(hyp: { path: string; count: number }, ref: { path: string; count: number }): void {
  if (hyp.count !== ref.count) {
    throw new InputError(
      `line counts differ: ${hyp.path} has ${hyp.count} lines, ${ref.path} has ${ref.count}; ` +
        'line i of the hypotheses is scored against line i of the references',
    );
  }
}
