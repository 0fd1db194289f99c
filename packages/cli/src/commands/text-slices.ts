// The lines of `medeval bleu` / `medeval rouge` scored by several threads at once: the main thread and each
// worker thread take the next chunk of lines from a shared counter until none is left, so a thread that
// starts late (a worker loads its modules first) or runs slower simply scores fewer chunks. BLEU gives
// sacrebleu's sufficient statistics (integers: the threads' sums add up exactly, whatever chunks each took);
// ROUGE writes rouge-score's per-line scores into shared columns at their line numbers, and one np.mean per
// column follows, as a single thread would compute it.
import { createCorpusBleu, loadJieba, needsJieba, rougeScoreColumns, type TokenizerName } from '@medeval/metrics/corpus';
import { decodeLines } from './line-files.js';

/** A file of lines whose bytes may be in shared memory: line i is bytes [starts[i], starts[i + 1] - 1). */
export interface SharedLines {
  bytes: Uint8Array;
  starts: Float64Array;
}

interface SharedWork {
  count: number;
  /** Lines a thread takes at a time. */
  chunk: number;
  /** `next[0]` is the next chunk to take, shared by every thread (Atomics). */
  next: Int32Array;
}

export type TextJob =
  | (SharedWork & { metric: 'bleu'; tokenize: TokenizerName; hyp: SharedLines; refs: SharedLines[] })
  | (SharedWork & { metric: 'rouge'; hyp: SharedLines; ref: SharedLines; /** nine columns of `count` lines, shared */ columns: Float64Array[] });

export interface BleuSliceStats {
  matches: number[];
  totals: number[];
  hypLen: number;
  refLen: number;
}

/** The counter and chunk size of a job split among `threads` threads. */
export function sharedWork(count: number, threads: number): SharedWork {
  // Small inputs still get several chunks a thread (so the join is exercised); large ones about 20 ms each.
  const chunk = Math.max(1, Math.min(CHUNK_LINES, Math.ceil(count / (threads * 16))));
  return { count, chunk, next: new Int32Array(new SharedArrayBuffer(4)) };
}

const CHUNK_LINES = 1000;

/** Nine Float64Array columns of `count` lines on one SharedArrayBuffer. */
export function sharedColumns(count: number): Float64Array[] {
  const buffer = new SharedArrayBuffer(9 * count * 8);
  return Array.from({ length: 9 }, (_, c) => new Float64Array(buffer, c * count * 8, count));
}

/** The bytes of line i, without its newline or a trailing CR (as decodeLines reads it). */
function lineBytes(file: SharedLines, i: number): Uint8Array {
  const begin = file.starts[i]!;
  let end = file.starts[i + 1]! - 1;
  if (end > begin && file.bytes[end - 1] === 13) end -= 1;
  return file.bytes.subarray(begin, end);
}

/**
 * Takes chunks of the job until none is left and scores them: BLEU returns this thread's statistics, ROUGE
 * writes its lines' scores into the job's columns (and returns null). `pause`, when given, is awaited after
 * every chunk: the main thread uses it to stay responsive to Ctrl-C while it scores.
 */
export async function scoreChunks(job: TextJob, pause?: () => Promise<void>): Promise<BleuSliceStats | null> {
  if (job.metric === 'bleu' && needsJieba(job.tokenize)) await loadJieba();
  const accumulator = job.metric === 'bleu' ? createCorpusBleu({ tokenize: job.tokenize }) : null;
  const out: BleuSliceStats = { matches: [0, 0, 0, 0], totals: [0, 0, 0, 0], hypLen: 0, refLen: 0 };
  for (;;) {
    const from = Atomics.add(job.next, 0, 1) * job.chunk;
    if (from >= job.count) break;
    const to = Math.min(job.count, from + job.chunk);
    if (job.metric === 'rouge') {
      const part = rougeScoreColumns(decodeLines(job.hyp.bytes, job.hyp.starts, from, to), decodeLines(job.ref.bytes, job.ref.starts, from, to), {
        tokenize: 'char',
      });
      for (let c = 0; c < 9; c += 1) job.columns[c]!.set(part[c]!, from);
    } else {
      // sacrebleu `zh` (the default) reads each line's UTF-8 bytes as they are; other tokenizers get strings.
      const bytes = job.tokenize === 'zh';
      const hyps = bytes ? null : decodeLines(job.hyp.bytes, job.hyp.starts, from, to);
      const refs = bytes ? null : job.refs.map((ref) => decodeLines(ref.bytes, ref.starts, from, to));
      for (let i = from; i < to; i += 1) {
        const stats = bytes
          ? accumulator!.addUtf8(lineBytes(job.hyp, i), job.refs.map((ref) => lineBytes(ref, i)))
          : accumulator!.add(hyps![i - from]!, refs!.map((stream) => stream[i - from]!));
        for (let n = 0; n < 4; n += 1) {
          out.matches[n]! += stats.matches[n]!;
          out.totals[n]! += stats.totals[n]!;
        }
        out.hypLen += stats.hypLen;
        out.refLen += stats.refLen;
      }
    }
    if (pause) await pause();
  }
  return job.metric === 'bleu' ? out : null;
}
