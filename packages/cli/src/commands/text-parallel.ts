// `medeval bleu` (sacrebleu) and `medeval rouge` (rouge-score) on several cores. The files' bytes are in
// shared memory; the main thread and each worker thread take chunks of lines from a shared counter and score
// them. BLEU's sufficient statistics are integers (exact sums); ROUGE's per-line scores land in shared columns
// at their line numbers before one np.mean per column. Either way the numbers are the single-thread numbers, bit for bit.
import { availableParallelism } from 'node:os';
import {
  computeSacreBleu,
  corpusRougeSignature,
  protocolRougeOptions,
  rougeScoreFromColumns,
  sacrebleuSignature,
  type CorpusBleuJson,
  type CorpusRougeJson,
  type TokenizerName,
} from '@medeval/metrics/corpus';
import { shareLineFile, type LineFile } from './line-files.js';
import { scoreChunks, sharedColumns, sharedWork, type BleuSliceStats, type SharedLines, type TextJob } from './text-slices.js';
import { runWorkerPool, startWorkers, stopWorkers, type PoolWorker } from './worker-pool.js';

/**
 * Hypothesis bytes per thread. Work grows with characters, not lines; below ~2.5 MB (about 10,000 lines of
 * 90 characters) a second thread costs about what it saves (measured on the bench corpus, docs/cli.md).
 */
const BYTES_PER_THREAD = 2_500_000;
const MAX_THREADS = 4;
/** The worker script, built next to the chunks (tsup entry `text-metric-worker`). */
const TEXT_WORKER = new URL('./text-metric-worker.js', import.meta.url);

/**
 * How many threads score, this one included: `requested` (--workers), else MEDEVAL_WORKERS, else one per
 * 2.5 MB of hypotheses, at most the cores and 4. 1 = this thread only.
 */
export function textThreads(hypBytes: number, requested: number | undefined, env: Record<string, string | undefined>): number {
  const forced = requested ?? Number(env.MEDEVAL_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return forced;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(hypBytes / BYTES_PER_THREAD)));
}

/** The threads of one command: this one and `count - 1` workers, started before the files are read. */
export interface TextThreads {
  count: number;
  workers: PoolWorker<BleuSliceStats | null>[];
}

/**
 * Starts the worker threads now, so that each loads its modules (~70 ms) while this thread reads the files.
 * Stop them with `stopTextThreads` whatever happens next (a run terminates them itself).
 */
export function startTextThreads(count: number): TextThreads {
  return { count, workers: count > 1 ? startWorkers<BleuSliceStats | null>(TEXT_WORKER, count - 1) : [] };
}

export const stopTextThreads = (threads: TextThreads): Promise<void> => stopWorkers(threads.workers);

/** This thread alone. */
export const ONE_THREAD: TextThreads = { count: 1, workers: [] };

/**
 * Scores the job on this thread and on the started workers at the same time; each takes chunks of lines until
 * none is left. Ctrl-C (the signal) stops both at once: this thread pauses after every chunk to notice it, and
 * the pool terminates its workers.
 */
async function scoreAll(job: TextJob, threads: TextThreads, signal: AbortSignal | undefined): Promise<(BleuSliceStats | null)[]> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const others = runWorkerPool<TextJob, BleuSliceStats | null>(threads.workers, threads.workers.map(() => job), stop.signal);
  try {
    const mine = await scoreChunks(job, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      stop.signal.throwIfAborted();
    });
    return [mine, ...(await others)];
  } catch (error) {
    stop.abort(error);
    await others.catch(() => undefined); // every worker has exited
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The file's bytes as a plain Uint8Array (a Buffer's subarray costs ~0.3 µs more a line: it builds a Buffer). */
const lines = (file: LineFile): SharedLines => ({ bytes: new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length), starts: file.starts });

export async function parallelBleu(
  hyp: LineFile,
  refs: readonly LineFile[],
  tokenize: TokenizerName,
  threads: TextThreads,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<CorpusBleuJson> {
  const job: TextJob = { ...sharedWork(hyp.count, threads.count), metric: 'bleu', tokenize, hyp: lines(shareLineFile(hyp)), refs: refs.map((ref) => lines(shareLineFile(ref))) };
  const parts = (await scoreAll(job, threads, options.signal)) as BleuSliceStats[];
  const correct = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let sysLen = 0;
  let refLen = 0;
  for (const part of parts) {
    for (let n = 0; n < 4; n += 1) {
      correct[n]! += part.matches[n]!;
      total[n]! += part.totals[n]!;
    }
    sysLen += part.hypLen;
    refLen += part.refLen;
  }
  // The same computation and signature as corpusBleu(hyps, refs, { tokenize }) with its defaults.
  const score = computeSacreBleu(correct, total, sysLen, refLen, { smoothMethod: 'exp' });
  const signature = sacrebleuSignature({ nrefs: refs.length, lowercase: false, effectiveOrder: false, tok: tokenize, smoothMethod: 'exp', maxNgramOrder: 4 });
  return { score: score.score, counts: score.counts, totals: score.totals, bp: score.bp, sys_len: score.sysLen, ref_len: score.refLen, signature };
}

/** rouge-score ROUGE-1/2/L on characters under the standard protocol, as `protocolCorpusRouge` gives it. */
export async function parallelRouge(
  hyp: LineFile,
  ref: LineFile,
  threads: TextThreads,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<CorpusRougeJson> {
  const columns = sharedColumns(hyp.count);
  const job: TextJob = { ...sharedWork(hyp.count, threads.count), metric: 'rouge', hyp: lines(shareLineFile(hyp)), ref: lines(shareLineFile(ref)), columns };
  await scoreAll(job, threads, options.signal);
  const r = rougeScoreFromColumns(columns, corpusRougeSignature({ ...protocolRougeOptions('standard'), tokenize: 'char' }));
  return { rouge1: r.rouge1, rouge2: r.rouge2, rougeL: r.rougeL, signature: r.signature };
}
