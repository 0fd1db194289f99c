// A worker thread of `medeval bleu` / `medeval rouge` on large inputs: it scores one slice of lines from the
// shared bytes (text-slices.ts) and posts the result; ROUGE's columns move to the main thread without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { scoreSlice, type TextSliceInput } from './commands/text-slices.js';

if (parentPort) {
  scoreSlice(workerData as TextSliceInput).then(
    (result) => parentPort!.postMessage({ ok: true, result }, Array.isArray(result) && result[0] instanceof Float64Array ? (result as Float64Array[]).map((c) => c.buffer as ArrayBuffer) : []),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
