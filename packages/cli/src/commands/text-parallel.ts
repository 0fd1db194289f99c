// `medeval bleu` (sacrebleu) and `medeval rouge` (rouge-score) on several cores. The files' bytes go to
// shared memory once; the main thread and each worker thread decode and score one slice of lines. BLEU's sufficient
// statistics are integers (exact sums); ROUGE's per-line scores are joined in line order before one
// np.mean per column. Either way the numbers are the single-thread numbers, bit for bit.
import { availableParallelism } from 'node:os';
import { computeSacreBleu, sacrebleuSignature, type CorpusBleuJson, type CorpusRougeJson, type TokenizerName } from '@medeval/metrics';
import { corpusRougeSignature, protocolRougeOptions, rougeScoreFromColumns } from '@medeval/metrics/internal';
import { shareLineFile, type LineFile } from './line-files.js';
import { joinColumns, scoreSlice, type BleuSliceStats, type SharedSlice, type TextSliceInput } from './text-slices.js';
import { runWorkerPool } from './worker-pool.js';

/** Lines per worker below which threads cost more than they save. */
const LINES_PER_WORKER = 25_000;
const MAX_WORKERS = 4;
/** The worker script, built next to the chunks (tsup entry `text-metric-worker`). */
const TEXT_WORKER = new URL('./text-metric-worker.js', import.meta.url);

/** How many workers to use: MEDEVAL_WORKERS overrides (1 = none); 0 or 1 means compute in this thread. */
export function textWorkers(lines: number, env: Record<string, string | undefined>): number {
  const forced = Number(env.MEDEVAL_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(1, lines));
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, MAX_WORKERS, Math.floor(lines / LINES_PER_WORKER)));
}

/**
 * The line ranges [from, to) of `threads` consecutive slices of `count` lines. The first is the main
 * thread's, a little larger: it starts at once, while each worker first loads its modules (~0.1 s).
 */
function slices(count: number, threads: number): [number, number][] {
  const mainShare = Math.min(1, (1 + MAIN_HEAD_START) / threads);
  const first = Math.round(count * mainShare);
  const size = threads > 1 ? Math.ceil((count - first) / (threads - 1)) : 0;
  return Array.from({ length: threads }, (_, k): [number, number] =>
    k === 0 ? [0, first] : [Math.min(count, first + (k - 1) * size), Math.min(count, first + k * size)],
  );
}

/** How much more than an equal share the main thread takes (a fraction of one share). */
const MAIN_HEAD_START = 0.1;

/**
 * Scores slice 0 on this thread and the others on worker threads at the same time. Ctrl-C (the signal) stops
 * both at once: this thread pauses every few thousand lines to notice it, and the pool terminates its workers.
 */
async function scoreAll(inputs: readonly TextSliceInput[], signal: AbortSignal | undefined): Promise<unknown[]> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const others = runWorkerPool<TextSliceInput, unknown>(TEXT_WORKER, inputs.slice(1), stop.signal);
  try {
    const mine = await scoreSlice(inputs[0]!, async () => {
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

const slice = (file: LineFile, [from, to]: [number, number]): SharedSlice => ({ bytes: file.bytes, starts: file.starts, from, to });

export async function parallelBleu(
  hyp: LineFile,
  refs: readonly LineFile[],
  tokenize: TokenizerName,
  workers: number,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<CorpusBleuJson> {
  const sharedHyp = shareLineFile(hyp);
  const sharedRefs = refs.map(shareLineFile);
  const inputs = slices(hyp.count, workers).map((range): TextSliceInput => ({
    metric: 'bleu',
    tokenize,
    hyp: slice(sharedHyp, range),
    refs: sharedRefs.map((ref) => slice(ref, range)),
  }));
  const parts = (await scoreAll(inputs, options.signal)) as BleuSliceStats[];
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
export async function parallelRouge(hyp: LineFile, ref: LineFile, workers: number, options: { signal?: AbortSignal | undefined } = {}): Promise<CorpusRougeJson> {
  const sharedHyp = shareLineFile(hyp);
  const sharedRef = shareLineFile(ref);
  const inputs = slices(hyp.count, workers).map((range): TextSliceInput => ({ metric: 'rouge', hyp: slice(sharedHyp, range), ref: slice(sharedRef, range) }));
  const parts = (await scoreAll(inputs, options.signal)) as Float64Array[][];
  const r = rougeScoreFromColumns(joinColumns(parts, hyp.count), corpusRougeSignature({ ...protocolRougeOptions('standard'), tokenize: 'char' }));
  return { rouge1: r.rouge1, rouge2: r.rouge2, rougeL: r.rougeL, signature: r.signature };
}
