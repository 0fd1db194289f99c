// Reading run folders for `medeval report` and `medeval compare`, with messages that name the folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRunFolder } from '@medeval/core/node';
import { InputError } from '../errors.js';

export type RunFolder = Awaited<ReturnType<typeof readRunFolder>>;

export async function readRun(dir: string, given: string): Promise<RunFolder> {
  try {
    return await readRunFolder(dir);
  } catch (error) {
    const message = (error as Error).message;
    throw new InputError(message.includes(given) || message.includes(dir) ? message : `${given}: ${message}`, { cause: error });
  }
}

/**
 * A run folder that already holds a run is never overwritten by accident: `run --out` and `score --out` stop
 * with exit 1 unless `--overwrite` is given. (Resuming is done by the cache, into a fresh or overwritten folder.)
 */
export function refuseOverwrite(dir: string, given: string, overwrite: boolean): void {
  if (overwrite) return;
  const existing = ['results.json', 'records.jsonl'].filter((file) => existsSync(join(dir, file)));
  if (existing.length > 0) {
    throw new InputError(
      `${given} already holds a run (${existing.join(', ')}); choose another --out, or pass --overwrite to replace it` +
        ' (with --cache, the answers already paid for are reused either way)',
    );
  }
}
