// The worker pool settles only after every worker has exited, on every path. Workers here are tiny scripts
// given as data: URLs; the spinning ones send a heartbeat on a BroadcastChannel while they burn CPU like a
// BLEU worker does, so "no heartbeat after the pool settled" shows that they were really stopped.
import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../../tests/helpers/rejection.js';
import { runWorkerPool, startWorkers, stopWorkers } from './worker-pool.js';

const script = (body: string) =>
  new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort, workerData, BroadcastChannel } from 'node:worker_threads';\n${body}`)}`);

/** Answers its input * 2, except the input named `fail` (posts a failure), `exit` (dies silently) and `spin`. */
const WORKER = script(`
  parentPort.once('message', (input) => {
    if (input === 'fail') parentPort.postMessage({ ok: false, message: 'boom' });
    else if (input === 'exit') process.exit(3);
    else if (input === 'spin') {
      const beat = new BroadcastChannel('pool-test-heartbeat');
      let last = Date.now();
      for (;;) if (Date.now() - last > 5) { beat.postMessage(1); last = Date.now(); }
    } else parentPort.postMessage({ ok: true, result: input * 2 });
  });
`);

let listening: BroadcastChannel | undefined;
afterEach(() => listening?.close());

/** Counts heartbeats; resolves once the first one arrives (a spinning worker is running). */
function heartbeats(): { count: () => number; first: Promise<void> } {
  listening = new BroadcastChannel('pool-test-heartbeat');
  let count = 0;
  let started!: () => void;
  const first = new Promise<void>((resolve) => (started = resolve));
  listening.onmessage = () => {
    count += 1;
    started();
  };
  return { count: () => count, first };
}

async function beatsDuring(beats: { count: () => number }, ms: number): Promise<number> {
  const before = beats.count();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return beats.count() - before;
}

describe('runWorkerPool', () => {
  it('returns every answer in input order', async () => {
    await expect(runWorkerPool<number, number>(WORKER, [1, 2, 3])).resolves.toEqual([2, 4, 6]);
  });

  it('rejects with the failing worker and stops the others', async () => {
    const beats = heartbeats();
    const pool = runWorkerPool(WORKER, ['spin', 'spin', 'fail']);
    const error = await rejectionOf(pool, Error);
    expect(error.message).toBe('worker 3: boom');
    expect(await beatsDuring(beats, 200)).toBe(0);
  });

  it('rejects when a worker exits without answering', async () => {
    const error = await rejectionOf(runWorkerPool(WORKER, [1, 'exit']), Error);
    expect(error.message).toBe('worker 2 exited with code 3 before answering');
  });

  it('stops every worker when the signal aborts (Ctrl-C)', async () => {
    const beats = heartbeats();
    const interrupt = new AbortController();
    const pool = runWorkerPool(WORKER, ['spin', 'spin'], interrupt.signal);
    await beats.first;
    interrupt.abort(new Error('interrupted'));
    expect((await rejectionOf(pool, Error)).message).toBe('interrupted');
    expect(await beatsDuring(beats, 200)).toBe(0);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const beats = heartbeats();
    const interrupt = new AbortController();
    interrupt.abort(new Error('interrupted'));
    expect((await rejectionOf(runWorkerPool(WORKER, ['spin'], interrupt.signal), Error)).message).toBe('interrupted');
    expect(await beatsDuring(beats, 100)).toBe(0);
  });

  it('runs workers started before their inputs existed, in input order', async () => {
    const started = startWorkers<number>(WORKER, 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(runWorkerPool(started, [5, 6, 7])).resolves.toEqual([10, 12, 14]);
  });

  it('stops workers that were started and never given an input', async () => {
    const started = startWorkers<number>(WORKER, 2);
    const exits = started.map(({ worker }) => new Promise<number>((resolve) => worker.once('exit', resolve)));
    await stopWorkers(started);
    await expect(Promise.all(exits)).resolves.toHaveLength(2);
    for (const { answer } of started) await expect(answer).rejects.toThrow(/exited with code \d+ before answering/);
  });

  it('stops started workers when the signal was aborted before the run', async () => {
    const started = startWorkers<number>(WORKER, 1);
    const exited = new Promise((resolve) => started[0]!.worker.once('exit', resolve));
    const interrupt = new AbortController();
    interrupt.abort(new Error('interrupted'));
    expect((await rejectionOf(runWorkerPool(started, [1], interrupt.signal), Error)).message).toBe('interrupted');
    await exited;
  });
});
