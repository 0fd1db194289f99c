// `medeval bleu` (sacrebleu) and `medeval rouge` (rouge-score) on several cores. The files' bytes go to
// shared memory once; each worker thread decodes and scores one slice of lines. BLEU's sufficient
// statistics are integers (exact sums); ROUGE's per-line scores are joined in line order before one
// np.mean per column. Either way the numbers are the single-thread numbers, bit for bit.
import { availableParallelism } from 'node:os';
import { computeSacreBleu, sacrebleuSignature, type CorpusBleuJson, type CorpusRougeJson, type TokenizerName } from '@medeval/metrics';
import { corpusRougeSignature, protocolRougeOptions, rougeScoreFromColumns } from '@medeval/metrics/internal';
import type { BleuWorkerOutput, SharedSlice, TextWorkerInput } from '../text-metric-worker.js';
import { shareLineFile, type LineFile } from './line-files.js';
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

/** The line ranges [from, to) of `workers` consecutive slices of `count` lines. */
function slices(count: number, workers: number): [number, number][] {
  const size = Math.ceil(count / workers);
  return Array.from({ length: workers }, (_, k): [number, number] => [Math.min(count, k * size), Math.min(count, (k + 1) * size)]);
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
  const inputs = slices(hyp.count, workers).map((range): TextWorkerInput => ({
    metric: 'bleu',
    tokenize,
    hyp: slice(sharedHyp, range),
    refs: sharedRefs.map((ref) => slice(ref, range)),
  }));
  const parts = await runWorkerPool<TextWorkerInput, BleuWorkerOutput>(TEXT_WORKER, inputs, options.signal);
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
  const inputs = slices(hyp.count, workers).map((range): TextWorkerInput => ({ metric: 'rouge', hyp: slice(sharedHyp, range), ref: slice(sharedRef, range) }));
  const parts = await runWorkerPool<TextWorkerInput, Float64Array[]>(TEXT_WORKER, inputs, options.signal);
  const columns = Array.from({ length: 9 }, (_, c) => {
    const column = new Float64Array(hyp.count);
    let at = 0;
    for (const part of parts) {
      column.set(part[c]!, at);
      at += part[c]!.length;
    }
    return column;
  });
  const r = rougeScoreFromColumns(columns, corpusRougeSignature({ ...protocolRougeOptions('standard'), tokenize: 'char' }));
  return { rouge1: r.rouge1, rouge2: r.rouge2, rougeL: r.rougeL, signature: r.signature };
}
