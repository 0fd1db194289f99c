// A worker thread of `medeval bleu` on large inputs: sacrebleu sufficient statistics (clipped n-gram
// matches, totals, lengths) of one slice of the lines, computed by @medeval/metrics' own accumulator.
// Integer sums are exact, so the main thread can add the slices and compute the score once.
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusBleu, loadJieba, needsJieba, type TokenizerName } from '@medeval/metrics';

export interface BleuWorkerInput {
  hyps: string[];
  /** Reference streams, each the same slice of lines as `hyps`. */
  refs: string[][];
  tokenize: TokenizerName;
}

export interface BleuWorkerOutput {
  matches: number[];
  totals: number[];
  hypLen: number;
  refLen: number;
}

async function work({ hyps, refs, tokenize }: BleuWorkerInput): Promise<BleuWorkerOutput> {
  if (needsJieba(tokenize)) await loadJieba();
  const accumulator = createCorpusBleu({ tokenize });
  const out: BleuWorkerOutput = { matches: [0, 0, 0, 0], totals: [0, 0, 0, 0], hypLen: 0, refLen: 0 };
  for (let i = 0; i < hyps.length; i += 1) {
    const stats = accumulator.add(hyps[i]!, refs.map((stream) => stream[i]!));
    for (let n = 0; n < 4; n += 1) {
      out.matches[n]! += stats.matches[n]!;
      out.totals[n]! += stats.totals[n]!;
    }
    out.hypLen += stats.hypLen;
    out.refLen += stats.refLen;
  }
  return out;
}

if (parentPort) {
  work(workerData as BleuWorkerInput).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
