// sacrebleu corpus BLEU of large inputs on several cores: each worker thread sums the sufficient
// statistics of a slice of the lines; the sums are exact integers, so adding them and computing the score
// once gives the same number as one thread. Only for the default (sacrebleu) variant.
import { availableParallelism } from 'node:os';
import { computeSacreBleu, sacrebleuSignature, type CorpusBleuJson, type TokenizerName } from '@medeval/metrics';
import type { BleuWorkerInput, BleuWorkerOutput } from '../bleu-worker.js';
import { runWorkerPool } from './worker-pool.js';

/** Lines per worker below which threads cost more than they save. */
const LINES_PER_WORKER = 25_000;
const MAX_WORKERS = 4;
/** The worker script, built next to the chunks (tsup entry `bleu-worker`). */
const BLEU_WORKER = new URL('./bleu-worker.js', import.meta.url);

/** How many workers to use: MEDEVAL_WORKERS overrides (1 = none); 0 or 1 means compute in this thread. */
export function bleuWorkers(lines: number, env: Record<string, string | undefined>): number {
  const forced = Number(env.MEDEVAL_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(1, lines));
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, MAX_WORKERS, Math.floor(lines / LINES_PER_WORKER)));
}

export async function parallelBleu(
  hyps: readonly string[],
  refs: readonly (readonly string[])[],
  tokenize: TokenizerName,
  workers: number,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<CorpusBleuJson> {
  const size = Math.ceil(hyps.length / workers);
  const inputs = Array.from({ length: workers }, (_, k): BleuWorkerInput => ({
    hyps: hyps.slice(k * size, (k + 1) * size),
    refs: refs.map((stream) => stream.slice(k * size, (k + 1) * size)),
    tokenize,
  }));
  const parts = await runWorkerPool<BleuWorkerInput, BleuWorkerOutput>(BLEU_WORKER, inputs, options.signal);
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
