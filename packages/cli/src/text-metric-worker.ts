// A worker thread of `medeval bleu` / `medeval rouge` on large inputs. It decodes its own slice of lines
// from the shared bytes, then returns what adds up exactly: sacrebleu's sufficient statistics (integer
// sums, so the main thread adds the slices and computes the score once) or rouge-score's per-line columns
// (the main thread joins them in order and takes one np.mean per column, as a single thread would).
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusBleu, loadJieba, needsJieba, type TokenizerName } from '@medeval/metrics';
import { rougeScoreColumns } from '@medeval/metrics/internal';
import { decodeLines } from './commands/line-files.js';

/** Lines [from, to) of a file whose bytes are in shared memory. */
export interface SharedSlice {
  bytes: Uint8Array;
  starts: Float64Array;
  from: number;
  to: number;
}

export type TextWorkerInput =
  | { metric: 'bleu'; tokenize: TokenizerName; hyp: SharedSlice; refs: SharedSlice[] }
  | { metric: 'rouge'; hyp: SharedSlice; ref: SharedSlice };

export interface BleuWorkerOutput {
  matches: number[];
  totals: number[];
  hypLen: number;
  refLen: number;
}

const linesOf = (s: SharedSlice) => decodeLines(s.bytes, s.starts, s.from, s.to);

async function bleu(input: Extract<TextWorkerInput, { metric: 'bleu' }>): Promise<BleuWorkerOutput> {
  if (needsJieba(input.tokenize)) await loadJieba();
  const hyps = linesOf(input.hyp);
  const refs = input.refs.map(linesOf);
  const accumulator = createCorpusBleu({ tokenize: input.tokenize });
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
  const input = workerData as TextWorkerInput;
  (async () => {
    if (input.metric === 'bleu') {
      parentPort!.postMessage({ ok: true, result: await bleu(input) });
    } else {
      const cols = rougeScoreColumns(linesOf(input.hyp), linesOf(input.ref), { tokenize: 'char' });
      // The columns move to the main thread without a copy.
      parentPort!.postMessage({ ok: true, result: cols }, cols.map((c) => c.buffer as ArrayBuffer));
    }
  })().catch((error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }));
}
