// Reads the two files of lines for `medeval bleu` / `medeval rouge`, the way sacrebleu reads its inputs:
// one text per line, an empty line is an empty text, a final newline does not start another line.
// Whole-file reads and one split are the fastest path in Node for 100,000-line inputs.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';

/** `path` is read; `shown` is the path as the user typed it, for messages. */
export async function readLineFile(path: string, flag: string, command: string, shown = path): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${flag} ${shown}: no such file`, command);
    if (code === 'EISDIR') throw new UsageError(`${flag} ${shown}: is a directory, expected a file of lines`, command);
    throw new InputError(`${path}: cannot read: ${(error as Error).message}`);
  }
  const text = decodeStrict(bytes, shown);
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** UTF-8 with an optional BOM; anything else is bad input, named by its first bad line. */
function decodeStrict(bytes: Buffer, path: string): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${path}: the file is UTF-16; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)`);
  }
  // isUtf8 (simdutf) validates far faster than a fatal TextDecoder; toString then decodes without checks.
  if (isUtf8(bytes)) return bytes.toString('utf8', start);
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
export function checkSameLength(hyp: { path: string; lines: string[] }, ref: { path: string; lines: string[] }): void {
  if (hyp.lines.length !== ref.lines.length) {
    throw new InputError(
      `line counts differ: ${hyp.path} has ${hyp.lines.length} lines, ${ref.path} has ${ref.lines.length}; ` +
        'line i of the hypotheses is scored against line i of the references',
    );
  }
}
