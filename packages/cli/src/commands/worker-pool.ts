// Runs one worker thread per input and collects their answers. Whatever happens — every answer in, one
// worker failing or exiting without an answer, or the signal aborting (Ctrl-C) — every worker is terminated
// and has exited before the returned promise settles, so the process never lingers on a busy thread.
import { Worker } from 'node:worker_threads';

/** What a pool worker posts once: its result, or the message of what went wrong. */
export type WorkerAnswer<O> = { ok: true; result: O } | { ok: false; message: string };

export async function runWorkerPool<I, O>(script: URL, inputs: readonly I[], signal?: AbortSignal): Promise<O[]> {
  signal?.throwIfAborted();
  const workers = inputs.map((input) => new Worker(script, { workerData: input }));
  let stopAbortListener = () => {};
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('interrupted'));
    signal.addEventListener('abort', onAbort, { once: true });
    stopAbortListener = () => signal.removeEventListener('abort', onAbort);
  });
  try {
    return await Promise.race([Promise.all(workers.map((worker, k) => answerOf<O>(worker, k))), aborted]);
  } finally {
    stopAbortListener();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function answerOf<O>(worker: Worker, index: number): Promise<O> {
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer<O>) => {
      if (answer.ok) resolve(answer.result);
      else reject(new Error(`worker ${index + 1}: ${answer.message}`));
    });
    worker.once('error', (error) => reject(new Error(`worker ${index + 1}: ${error.message}`)));
    worker.once('messageerror', (error) => reject(new Error(`worker ${index + 1}: unreadable answer: ${error.message}`)));
    // A worker killed from inside (process.exit, out of memory) exits without a message.
    worker.once('exit', (code) => reject(new Error(`worker ${index + 1} exited with code ${code} before answering`)));
  });
}
