// Whole-file writes that are either complete or absent: write a temp file, fsync, rename over.
import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes `content` to `path` through a temp file, fsync and rename, so `path` is either the old file or the
 * whole new one. `content` may be pieces of text (a large report page), written in batches of ~1 MB.
 *
 * @example
 * await writeFileAtomic('results.json', JSON.stringify(result));
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const handle = await open(temp, 'w');
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
    else {
      let batch = '';
      for (const piece of content) {
        batch += piece;
        if (batch.length >= WRITE_BATCH_CHARS) {
          await handle.write(batch);
          batch = '';
        }
      }
      if (batch) await handle.write(batch);
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
}

const WRITE_BATCH_CHARS = 1 << 20;
