// Worker threads that each score one input and post one answer. They can be started before their inputs exist
// (`startWorkers`: each loads its modules while the main thread reads the files) and are given their inputs by
// message. Whatever happens — every answer in, one worker failing or exiting without an answer, the signal
// aborting (Ctrl-C), or the workers never being used — every worker is terminated and has exited before
// `runWorkerPool` / `stopWorkers` settles, so the process never lingers on a busy thread.
import { Worker } from 'node:worker_threads';

/** What a pool worker posts once: its result, or the message of what went wrong. */
export type WorkerAnswer<O> = { ok: true; result: O } | { ok: false; message: string };

/** A started worker and the promise of its one answer (listening from the start, so no early error is lost). */
export interface PoolWorker<O> {
  worker: Worker;
  answer: Promise<O>;
}

/** Starts `count` workers of `script`; each waits for its input (the first message it receives). */
export function startWorkers<O>(script: URL, count: number): PoolWorker<O>[] {
  return Array.from({ length: count }, (_, k) => {
    const worker = new Worker(script);
    const answer = answerOf<O>(worker, k);
    answer.catch(() => undefined); // a worker stopped unused rejects with nobody waiting
    return { worker, answer };
  });
}

/** Terminates workers (used or not) and waits until they have exited. */
export async function stopWorkers(workers: readonly PoolWorker<unknown>[]): Promise<void> {
  await Promise.all(workers.map(({ worker }) => worker.terminate()));
}

/**
 * Gives input k to worker k (workers started now from a script URL, or already started) and collects the answers
 * in input order.
 */
export async function runWorkerPool<I, O>(workers: URL | readonly PoolWorker<O>[], inputs: readonly I[], signal?: AbortSignal): Promise<O[]> {
  if (signal?.aborted) {
    if (!(workers instanceof URL)) await stopWorkers(workers);
    signal.throwIfAborted();
  }
  const pool = workers instanceof URL ? startWorkers<O>(workers, inputs.length) : workers;
  if (pool.length !== inputs.length) throw new Error(`runWorkerPool: ${pool.length} workers for ${inputs.length} inputs`);
  let stopAbortListener = () => {};
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('interrupted'));
    signal.addEventListener('abort', onAbort, { once: true });
    stopAbortListener = () => signal.removeEventListener('abort', onAbort);
  });
  try {
    pool.forEach(({ worker }, k) => worker.postMessage(inputs[k]));
    return await Promise.race([Promise.all(pool.map(({ answer }) => answer)), aborted]);
  } finally {
    stopAbortListener();
    await stopWorkers(pool);
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
