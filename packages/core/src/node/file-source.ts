// Streams a file's bytes and hashes them on the way through (node:fs, node:crypto; Deno supports both).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, open } from 'node:fs/promises';
import type { ByteSource } from '../source/byte-source.js';

export interface FileSourceOptions {
  /**
   * Bytes per read (default 64 KiB). A chunk's text lives until its last line is used; 1 MiB chunks lived long
   * enough to be promoted to V8's old generation and died there (`score()` of 1M samples: 270 → 246–252 MB).
   */
  chunkBytes?: number;
  /**
   * Read every chunk into one buffer, reused: a chunk is valid only until the next one is asked for, so the
   * consumer must copy what it keeps (`decodeUtf8` / `readLines` do). Without it every read allocates a new
   * buffer, freed only when the garbage collector gets to it: a merge of 100 run folders read at once left
   * ~70 MB of dead read buffers waiting (bench/merge).
   */
  reuseBuffer?: boolean;
}

/**
 * A file as a `ByteSource`: its bytes streamed in chunks and hashed on the way.
 *
 * @example
 * for await (const { line } of readLines(await openFileSource('records.jsonl', { reuseBuffer: true }))) console.log(line);
 */
export async function openFileSource(path: string, options: FileSourceOptions = {}): Promise<ByteSource> {
  try {
    await access(path);
  } catch {
    throw new Error(`${path}: file not found`);
  }
  const chunkBytes = options.chunkBytes ?? 1 << 16;
  let digest: string | null = null;
  return {
    name: path,
    async *chunks() {
      const hash = createHash('sha256');
      if (options.reuseBuffer) {
        const handle = await open(path, 'r');
        try {
          const buffer = new Uint8Array(chunkBytes);
          for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
            if (bytesRead === 0) break;
            const bytes = buffer.subarray(0, bytesRead);
            hash.update(bytes);
            yield bytes;
          }
        } finally {
          await handle.close();
        }
      } else {
        for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
          const bytes = chunk as Buffer;
          hash.update(bytes);
          yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        }
      }
      digest = hash.digest('hex');
    },
    sha256: () => digest,
  };
}
