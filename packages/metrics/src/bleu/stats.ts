// Integer sufficient statistics per (hypothesis, references) pair, so corpus BLEU can be aggregated
// from per-sample items (and bootstrap-resampled) without re-tokenizing.
import { NgramMatcher, TokenVocab } from './ngrams.js';
import { closestRefLen } from './sacrebleu.js';
import { TextIds } from './textIds.js';

export type BleuVariant = 'sacrebleu' | 'nmt' | 'nltk';

/**
 * What one pair contributes to corpus BLEU. `totals` is variant-specific: sacrebleu and nmt count the
 * hypothesis n-grams (0 when none); nltk's modified_precision uses `max(1, count)`. `refLen` is the
 * closest reference length (ties → shorter) for sacrebleu and nltk, the shortest for nmt.
 */
export interface BleuStats {
  matches: number[];
  totals: number[];
  hypLen: number;
  refLen: number;
}

/** Reusable scratch memory for computing stats over many pairs (one per corpus or per Metric). */
export class BleuStatsEngine {
  private readonly vocab: TokenVocab;
  private readonly matcher = new NgramMatcher();

  /** `flat` allocates a 4 MB code-point table: worth it for corpora, not for one sentence. */
  constructor(flat = false) {
    this.vocab = new TokenVocab(flat);
  }

  private textIds: TextIds | null = null;

  stats(hyp: readonly string[], refs: readonly (readonly string[])[], maxOrder: number, variant: BleuVariant): BleuStats {
    return this.statsOfIds(this.vocab.ids(hyp), refs.map((r) => this.vocab.ids(r)), maxOrder, variant);
  }

  /**
   * Stats straight from texts for the tokenizers with a one-pass id path (`zh`, `char`); any other
   * tokenizer name returns null (tokenize, then call stats()).
   */
  statsOfTexts(tokenizer: string, hyp: string, refs: readonly string[], maxOrder: number, variant: BleuVariant): BleuStats | null {
    if (tokenizer !== 'zh' && tokenizer !== 'char') return null;
    const t = (this.textIds ??= new TextIds(this.vocab));
    // Slots: references 0..r-1, hypothesis r (the views must not overwrite each other).
    const ids = (s: string, slot: number) => (tokenizer === 'zh' ? t.zh(s, slot) : t.char(s, slot));
    return this.statsOfIds(ids(hyp, refs.length), refs.map(ids), maxOrder, variant);
  }

  /** `statsOfTexts('zh', …)` for texts given as UTF-8 bytes (see TextIds.zhUtf8): the same statistics. */
  statsOfUtf8(hyp: Uint8Array, refs: readonly Uint8Array[], maxOrder: number, variant: BleuVariant): BleuStats {
    const t = (this.textIds ??= new TextIds(this.vocab));
    // The tokens get the pair's dense ids as they are read (no renumbering pass in the matcher).
    this.matcher.beginPair();
    // Slots: references 0..r-1, hypothesis r (the views must not overwrite each other).
    const refIds: Int32Array[] = new Array(refs.length);
    for (let r = 0; r < refs.length; r++) refIds[r] = t.zhUtf8(refs[r]!, r, this.matcher);
    return this.statsOfIds(t.zhUtf8(hyp, refs.length, this.matcher), refIds, maxOrder, variant, true);
  }

  private statsOfIds(hyp: Int32Array, refs: readonly Int32Array[], maxOrder: number, variant: BleuVariant, pairIds = false): BleuStats {
    if (refs.length === 0) throw new Error('BLEU needs at least one reference per hypothesis');
    if (!Number.isInteger(maxOrder) || maxOrder < 1) throw new Error(`maxOrder must be a positive integer, got ${maxOrder}`);
    const c = pairIds ? this.matcher.countLocal(hyp, refs, maxOrder) : this.matcher.count(hyp, refs, maxOrder);
    let totals = c.hypNgrams;
    let refLen: number;
    if (variant === 'nmt') refLen = Math.min(...c.refLens);
    else refLen = closestRefLen(c.hypLen, c.refLens);
    if (variant === 'nltk') totals = totals.map((t) => Math.max(1, t));
    return { matches: c.matches, totals, hypLen: c.hypLen, refLen };
  }
}

/** Sufficient statistics of one pair (token lists in, integers out). */
export function bleuStats(
  hyp: readonly string[],
  refs: readonly (readonly string[])[],
  options: { maxOrder?: number; variant?: BleuVariant } = {},
): BleuStats {
  return new BleuStatsEngine().stats(hyp, refs, options.maxOrder ?? 4, options.variant ?? 'sacrebleu');
}

/** Element-wise sum of stats (all must have the same order). */
export function sumBleuStats(items: Iterable<BleuStats>, maxOrder: number): BleuStats {
  const matches = new Array<number>(maxOrder).fill(0);
  const totals = new Array<number>(maxOrder).fill(0);
  let hypLen = 0;
  let refLen = 0;
  for (const s of items) {
    if (s.matches.length !== maxOrder || s.totals.length !== maxOrder) {
      throw new Error(`BLEU stats of order ${s.matches.length} cannot be summed with order ${maxOrder}`);
    }
    for (let i = 0; i < maxOrder; i++) {
      matches[i]! += s.matches[i]!;
      totals[i]! += s.totals[i]!;
    }
    hypLen += s.hypLen;
    refLen += s.refLen;
  }
  return { matches, totals, hypLen, refLen };
}
