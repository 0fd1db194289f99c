// Streams a file's bytes and hashes them on the way through (node:fs, node:crypto; Deno supports both).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { ByteSource } from '../source/byte-source.js';

export async function openFileSource(path: string, options: { chunkBytes?: number } = {}): Promise<ByteSource> {
  try {
    await access(path);
  } catch {
    throw new Error(`${path}: file not found`);
  }
  let digest: string | null = null;
  return {
    name: path,
    async *chunks() {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 })) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
      digest = hash.digest('hex');
    },
    sha256: () => digest,
  };
}
