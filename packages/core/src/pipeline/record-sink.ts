// Where records go while a run streams. The run folder writer (node) is one sink; tests use others.
import type { EvalRecord, ResultJson } from '../types.js';

export interface RecordSink {
  /** Called once per sample, in dataset order. May return a promise to apply backpressure. */
  write(record: EvalRecord): void | Promise<void>;
  /** Called once at the end with the finished result (the run folder writes results.json and reports). */
  finish(result: ResultJson): Promise<void>;
  /** Called instead of finish when the run fails or is aborted: flush what was written, release files. */
  abort?(error: unknown): Promise<void>;
}
