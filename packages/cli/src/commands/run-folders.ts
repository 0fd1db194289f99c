// Reading run folders for `medeval report` and `medeval compare`, with messages that name the folder.
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
