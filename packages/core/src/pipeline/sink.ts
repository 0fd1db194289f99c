// `out` of evaluate()/score(): a run folder path (written by the runtime's platform) or a RecordSink.
import { platform } from '#platform';
import type { RecordSink } from './record-sink.js';

export type { RecordSink } from './record-sink.js';

/** `out` as a directory path (a run folder, through the platform: Node and Deno) or a sink. */
export async function openSink(out: string | RecordSink | undefined): Promise<RecordSink | undefined> {
  if (out === undefined) return undefined;
  if (typeof out !== 'string') return out;
  return platform.runFolderWriter(out);
}
