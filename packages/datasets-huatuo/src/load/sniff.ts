// A synchronous guess of the line format, for decisions a task must make before any line is read
// (its slice dimensions are fixed when the run starts). In-memory sources are sniffed exactly from
// their first record; a file path cannot be read synchronously without Node built-ins, so its name
// decides (Lite is published as `format_data.jsonl`), and the loader's real detection wins later.
import type { DataSource } from '@medeval/core';
import type { HuatuoFormat } from '../schema.js';
import { detectFormat } from './formats.js';

const LITE_FILE_NAME = /format_data|lite/i;
const SNIFF_BYTES = 1 << 16;

export function sniffFormat(data: DataSource): HuatuoFormat | null {
  if (typeof data === 'string') {
    const base = data.split(/[\\/]/).pop() ?? data;
    return LITE_FILE_NAME.test(base) ? 'lite' : null;
  }
  const head = 'text' in data ? data.text.slice(0, SNIFF_BYTES) : new TextDecoder().decode(data.bytes.subarray(0, SNIFF_BYTES));
  const lines = head.replace(/^\ufeff/, '').split('\n');
  const truncated = ('text' in data ? data.text.length : data.bytes.length) > SNIFF_BYTES;
  const complete = truncated ? lines.slice(0, -1) : lines;
  for (const [i, raw] of complete.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    try {
      const format = detectFormat(data.name, i + 1, line);
      if (format !== null) return format;
    } catch {
      return null; // not a Huatuo file: the loader raises the clear error when it reads it
    }
  }
  return null;
}
