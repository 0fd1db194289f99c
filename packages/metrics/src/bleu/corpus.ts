// sacrebleu-compatible corpus_bleu / sentence_bleu on strings: tokenize (after optional lowercase),
// count, compute. `createCorpusBleu` streams pairs so large files never sit in memory.
import { getTokenizer, type Tokenizer, type TokenizerName } from '../tokenize/index.js';
import { BleuStatsEngine, type BleuStats } from './stats.js';
import { computeSacreBleu, sacrebleuSignature, type BleuScore, type SacreBleuComputeOptions } from './sacrebleu.js';

export interface SacreBleuOptions extends SacreBleuComputeOptions {
  /** Tokenizer name (sacrebleu: zh, 13a, intl, char, none; medeval: jieba, ...) or a function. Default '13a', as sacrebleu. */
  tokenize?: TokenizerName | Tokenizer;
  /** Name put in the signature for a tokenizer function. */
  tokenizerSignature?: string;
  lowercase?: boolean;
}

export interface BleuResult extends BleuScore {
  signature: string;
}

function resolveTokenizer(options: SacreBleuOptions): { fn: Tokenizer; tok: string } {
  const t = options.tokenize ?? '13a';
  if (typeof t === 'function') return { fn: t, tok: options.tokenizerSignature ?? 'custom' };
  return { fn: getTokenizer(t), tok: t };
}

export interface CorpusBleuAccumulator {
  /** Adds one hypothesis with its references (`null` references are skipped, as sacrebleu drops None). */
  add(hyp: string, refs: readonly (string | null)[]): BleuStats;
  /**
   * `add` for a pair given as UTF-8 bytes (lines of a file, not decoded): the same statistics. Tokenizer
   * `zh` without lowercasing reads the bytes directly; any other setting decodes them first.
   */
  addUtf8(hyp: Uint8Array, refs: readonly Uint8Array[]): BleuStats;
  /** Number of pairs added. */
  readonly count: number;
  result(): BleuResult;
}

/**
 * Streaming sacrebleu corpus BLEU.
 *
 * @example
 * const bleu = createCorpusBleu({ tokenize: 'zh' });
 * for await (const { hyp, ref } of pairs) bleu.add(hyp, [ref]); // streams: nothing is kept per pair
 * console.log(bleu.result().score);
 */
export function createCorpusBleu(options: SacreBleuOptions = {}): CorpusBleuAccumulator {
  const { fn, tok } = resolveTokenizer(options);
  const maxOrder = options.maxNgramOrder ?? 4;
  const lowercase = options.lowercase ?? false;
  const engine = new BleuStatsEngine(true);
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  let sysLen = 0;
  let refLen = 0;
  let count = 0;
  let nrefs = 0;
  const prep = (s: string) => fn(lowercase ? s.toLowerCase() : s);
  // The one-pass id path of the named zh/char tokenizers (same tokens, no token strings).
  const fastName = options.tokenize === 'zh' || options.tokenize === 'char' ? options.tokenize : null;
  /** Adds one pair's statistics to the corpus sums. */
  const tally = (s: BleuStats, refCount: number): BleuStats => {
    nrefs = Math.max(nrefs, refCount);
    for (let i = 0; i < maxOrder; i++) {
      correct[i]! += s.matches[i]!;
      total[i]! += s.totals[i]!;
    }
    sysLen += s.hypLen;
    refLen += s.refLen;
    count++;
    return s;
  };
  return {
    add(hyp, refs) {
      if (typeof hyp !== 'string') throw new TypeError(`hypothesis ${count} is not a string`);
      const present = refs.filter((r): r is string => r !== null && r !== undefined);
      if (present.length === 0) throw new Error(`hypothesis ${count} has no reference (all are null)`);
      const s = fastName
        ? engine.statsOfTexts(fastName, lowercase ? hyp.toLowerCase() : hyp, lowercase ? present.map((r) => r.toLowerCase()) : present, maxOrder, 'sacrebleu')!
        : engine.stats(prep(hyp), present.map(prep), maxOrder, 'sacrebleu');
      return tally(s, refs.length);
    },
    addUtf8(hyp, refs) {
      if (options.tokenize !== 'zh' || lowercase || refs.length === 0) {
        return this.add(decodeUtf8(hyp), refs.map(decodeUtf8));
      }
      return tally(engine.statsOfUtf8(hyp, refs, maxOrder, 'sacrebleu'), refs.length);
    },
    get count() {
      return count;
    },
    result() {
      const score = computeSacreBleu(correct, total, sysLen, refLen, { ...options, smoothMethod: options.smoothMethod ?? 'exp' });
      return {
        ...score,
        signature: sacrebleuSignature({
          nrefs,
          lowercase,
          effectiveOrder: options.effectiveOrder ?? false,
          tok,
          smoothMethod: options.smoothMethod ?? 'exp',
          smoothValue: options.smoothValue,
          maxNgramOrder: maxOrder,
        }),
      };
    },
  };
}

/**
 * `sacrebleu.corpus_bleu(hyps, refs, ...)`: `refs` are reference STREAMS (refs[k][i] is the k-th reference
 * of hypothesis i), like sacrebleu. Defaults: smooth 'exp', effective order off, 4-grams, tokenize '13a'.
 *
 * @example
 * const bleu = corpusBleu(['猫坐在垫子上'], [['猫在垫子上坐着']], { tokenize: 'zh' });
 * bleu.score; // sacrebleu's corpus_bleu(hyps, [refs], tokenize='zh').score, bit for bit
 */
export function corpusBleu(
  hyps: readonly string[],
  refs: readonly (readonly (string | null)[])[],
  options: SacreBleuOptions = {},
): BleuResult {
  if (refs.length === 0) throw new Error('corpusBleu needs at least one reference stream');
  refs.forEach((stream, k) => {
    if (stream.length !== hyps.length) {
      throw new Error(`reference stream ${k} has ${stream.length} lines but there are ${hyps.length} hypotheses`);
    }
  });
  const acc = createCorpusBleu(options);
  for (let i = 0; i < hyps.length; i++) acc.add(hyps[i]!, refs.map((stream) => stream[i]!));
  return acc.result();
}

/**
 * `sacrebleu.sentence_bleu(hyp, refs, ...)`: effective order on by default, like sacrebleu.
 *
 * @example
 * sentenceBleu('猫坐在垫子上', ['猫在垫子上坐着'], { tokenize: 'zh' }).score; // effective order on, as sacrebleu
 */
export function sentenceBleu(hyp: string, refs: readonly string[], options: SacreBleuOptions = {}): BleuResult {
  const { fn, tok } = resolveTokenizer(options);
  const maxOrder = options.maxNgramOrder ?? 4;
  const lowercase = options.lowercase ?? false;
  const effectiveOrder = options.effectiveOrder ?? true;
  const smoothMethod = options.smoothMethod ?? 'exp';
  const prep = (s: string) => fn(lowercase ? s.toLowerCase() : s);
  const s = new BleuStatsEngine().stats(prep(hyp), refs.map(prep), maxOrder, 'sacrebleu');
  const score = computeSacreBleu(s.matches, s.totals, s.hypLen, s.refLen, { ...options, smoothMethod, effectiveOrder });
  return {
    ...score,
    signature: sacrebleuSignature({ nrefs: refs.length, lowercase, effectiveOrder, tok, smoothMethod, smoothValue: options.smoothValue, maxNgramOrder: maxOrder }),
  };
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** Bytes as text through a copy (TextDecoder refuses views of shared memory). */
const decodeUtf8 = (bytes: Uint8Array): string => UTF8.decode(bytes.slice());
