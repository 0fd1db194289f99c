// Bytes to text: UTF-8 decoding with a clear error for other encodings, and lines with their numbers.
import type { ByteSource } from './byte-source.js';

/**
 * Decodes a byte stream as UTF-8 and yields lines (without the line break) with their 1-based numbers.
 * Strips a leading BOM. Invalid UTF-8 raises an error naming the source and the likely encoding.
 *
 * @example
 * for await (const { line, lineNumber } of readLines(await openSource('predictions.jsonl'))) {
 *   if (line.trim() !== '') JSON.parse(line); // a bad line can be named: `predictions.jsonl:${lineNumber}`
 * }
 */
export async function* readLines(source: ByteSource): AsyncGenerator<{ line: string; lineNumber: number }> {
  let buffered = '';
  let lineNumber = 0;
  for await (const text of decodeUtf8(source)) {
    buffered += text;
    let start = 0;
    let newline = buffered.indexOf('\n', start);
    while (newline !== -1) {
      const end = newline > start && buffered.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      lineNumber += 1;
      yield { line: buffered.slice(start, end), lineNumber };
      start = newline + 1;
      newline = buffered.indexOf('\n', start);
    }
    buffered = buffered.slice(start);
  }
  if (buffered.length > 0) {
    lineNumber += 1;
    yield { line: buffered.endsWith('\r') ? buffered.slice(0, -1) : buffered, lineNumber };
  }
}

/**
 * UTF-8 text chunks of a source; BOM removed; a clear error for GB18030/GBK/UTF-16 files.
 *
 * @example
 * let text = '';
 * for await (const chunk of decodeUtf8(await openSource({ name: 'x.txt', bytes: new TextEncoder().encode('头痛') }))) text += chunk;
 * // text === '头痛'; invalid UTF-8 throws an EncodingError naming the source
 */
export async function* decodeUtf8(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let first = true;
  for await (const chunk of source.chunks()) {
    if (first && chunk.length > 0) {
      first = false;
      const utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      if (utf16) throw new EncodingError(source.name, 'UTF-16');
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new EncodingError(source.name, 'GB18030/GBK');
    }
  }
  try {
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch {
    throw new EncodingError(source.name, 'GB18030/GBK');
  }
}

export class EncodingError extends Error {
  constructor(
    readonly file: string,
    readonly likelyEncoding: string,
  ) {
    super(
      `${file}: not valid UTF-8 (it looks like ${likelyEncoding}); convert it first, e.g. ` +
        `iconv -f ${likelyEncoding.split('/')[0]} -t UTF-8 "${file}" > converted.csv`,
    );
    this.name = 'EncodingError';
  }
}
