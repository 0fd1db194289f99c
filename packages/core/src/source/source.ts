// Where dataset bytes come from. A file path is opened by the runtime's platform (see platform/), so the
// main entry stays free of Node built-ins and browsers get a clear message instead of a crash.

import { platform } from '#platform';
import { sha256Hex } from '../cache/hash.js';
import type { ByteSource, DataSource } from './byte-source.js';

export type { ByteSource, DataSource } from './byte-source.js';

/**
 * The name a data source is shown by in messages: the path, or the name given with the text or bytes.
 *
 * @example
 * sourceName('data/val.csv');                 // 'data/val.csv'
 * sourceName({ name: 'upload.csv', text: '' }); // 'upload.csv'
 */
export function sourceName(source: DataSource): string {
  return typeof source === 'string' ? source : source.name;
}

/**
 * Opens a data source for reading: a path (Node/Deno), or a name with text or bytes (any runtime).
 *
 * @example
 * const source = await openSource({ name: 'val.csv', text: 'id,question\n1,…' });
 * for await (const { line, lineNumber } of readLines(source)) console.log(lineNumber, line);
 */
export async function openSource(source: DataSource): Promise<ByteSource> {
  if (typeof source === 'string') {
    return platform.openFileSource(source);
  }
  const bytes = 'text' in source ? new TextEncoder().encode(source.text) : source.bytes;
  return memorySource(source.name, bytes);
}

function memorySource(name: string, bytes: Uint8Array): ByteSource {
  let digest: string | null = null;
  return {
    name,
    async *chunks() {
      digest ??= sha256Hex(bytes);
      yield bytes;
    },
    sha256: () => digest,
  };
}

export { decodeUtf8, EncodingError, readLines } from './lines.js';
