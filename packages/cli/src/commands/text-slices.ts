// One slice of lines of `medeval bleu` / `medeval rouge`, decoded from (shared) bytes and scored: what a
// worker thread computes, and what the main thread computes for its own slice. BLEU gives sacrebleu's
// sufficient statistics (integers: slices add up exactly); ROUGE gives rouge-score's per-line columns
// (joined in line order, then one np.mean per column, as a single thread would).
import { createCorpusBleu, loadJieba, needsJieba, type TokenizerName } from '@medeval/metrics';
import { rougeScoreColumns } from '@medeval/metrics/internal';
import { decodeLines } from './line-files.js';

/** Lines [from, to) of a file whose bytes may be in shared memory. */
export interface SharedSlice {
  bytes: Uint8Array;
  starts: Float64Array;
  from: number;
  to: number;
}

export type TextSliceInput =
  | { metric: 'bleu'; tokenize: TokenizerName; hyp: SharedSlice; refs: SharedSlice[] }
  | { metric: 'rouge'; hyp: SharedSlice; ref: SharedSlice };

export interface BleuSliceStats {
  matches: number[];
  totals: number[];
  hypLen: number;
  refLen: number;
}

const linesOf = (s: SharedSlice) => decodeLines(s.bytes, s.starts, s.from, s.to);

/** The bytes of line `from + i` of a slice, without its newline or a trailing CR (as decodeLines reads it). */
function lineBytes(s: SharedSlice, i: number): Uint8Array {
  const begin = s.starts[s.from + i]!;
  let end = s.starts[s.from + i + 1]! - 1;
  if (end > begin && s.bytes[end - 1] === 13) end -= 1;
  return s.bytes.subarray(begin, end);
}

/**
 * Scores one slice. `pause`, when given, is awaited every few thousand lines: the main thread uses it to
 * stay responsive to Ctrl-C while it scores its own slice.
 */
export async function scoreSlice(input: TextSliceInput, pause?: () => Promise<void>): Promise<BleuSliceStats | Float64Array[]> {
  if (input.metric === 'rouge') {
    const hyps = linesOf(input.hyp);
    const refs = linesOf(input.ref);
    if (!pause) return rougeScoreColumns(hyps, refs, { tokenize: 'char' });
    // In blocks, each a slice of its own; the columns are joined in order (the same values).
    const parts: Float64Array[][] = [];
    for (let at = 0; at < hyps.length; at += PAUSE_EVERY) {
      parts.push(rougeScoreColumns(hyps.slice(at, at + PAUSE_EVERY), refs.slice(at, at + PAUSE_EVERY), { tokenize: 'char' }));
      await pause();
    }
    return joinColumns(parts, hyps.length);
  }
  if (needsJieba(input.tokenize)) await loadJieba();
  const accumulator = createCorpusBleu({ tokenize: input.tokenize });
  const out: BleuSliceStats = { matches: [0, 0, 0, 0], totals: [0, 0, 0, 0], hypLen: 0, refLen: 0 };
  // sacrebleu `zh` (the default) reads each line's UTF-8 bytes as they are; other tokenizers get strings.
  const bytes = input.tokenize === 'zh';
  const hyps = bytes ? null : linesOf(input.hyp);
  const refs = bytes ? null : input.refs.map(linesOf);
  for (let i = 0; i < input.hyp.to - input.hyp.from; i += 1) {
    if (pause && i % PAUSE_EVERY === PAUSE_EVERY - 1) await pause();
    const stats = bytes
      ? accumulator.addUtf8(lineBytes(input.hyp, i), input.refs.map((ref) => lineBytes(ref, i)))
      : accumulator.add(hyps![i]!, refs!.map((stream) => stream[i]!));
    for (let n = 0; n < 4; n += 1) {
      out.matches[n]! += stats.matches[n]!;
      out.totals[n]! += stats.totals[n]!;
    }
    out.hypLen += stats.hypLen;
    out.refLen += stats.refLen;
  }
  return out;
}

const PAUSE_EVERY = 4096;

/** Nine columns of consecutive slices joined into columns of `count` lines. */
export function joinColumns(parts: readonly (readonly Float64Array[])[], count: number): Float64Array[] {
  return Array.from({ length: 9 }, (_, c) => {
    const column = new Float64Array(count);
    let at = 0;
    for (const part of parts) {
      column.set(part[c]!, at);
      at += part[c]!.length;
    }
    return column;
  });
}
