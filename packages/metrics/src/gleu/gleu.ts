// nltk 3.8 translate/gleu_score.py: sentence_gleu / corpus_gleu (Wu et al. 2016, "Google-BLEU").
// Per sentence and reference: tp = clipped everygram matches of orders min_len..max_len,
// n_all = max(#hyp everygrams, #ref everygrams); the reference with the highest tp/n_all wins (first on
// ties, as Python's max with a key). Corpus GLEU = Σ tp / Σ n_all, 0.0 when Σ n_all == 0.
import { NgramMatcher, TokenVocab } from '../bleu/ngrams.js';

/** Integer sufficient statistics of one pair: `{ match: 0, all: 0 }` when no reference has n-grams. */
export interface GleuStats {
  match: number;
  all: number;
}

export interface GleuOptions {
  minLen?: number;
  maxLen?: number;
}

function countEverygrams(len: number, minLen: number, maxLen: number): number {
  let total = 0;
  for (let n = minLen; n <= maxLen; n++) total += Math.max(0, len - n + 1);
  return total;
}

/** Reusable scratch memory for many pairs. */
export class GleuStatsEngine {
  private readonly vocab = new TokenVocab(false);
  private readonly matcher = new NgramMatcher();

  stats(hyp: readonly string[], refs: readonly (readonly string[])[], options: GleuOptions = {}): GleuStats {
    const minLen = options.minLen ?? 1;
    const maxLen = options.maxLen ?? 4;
    if (!Number.isInteger(minLen) || !Number.isInteger(maxLen) || minLen < 1 || maxLen < minLen) {
      throw new Error(`GLEU needs integers 1 <= minLen <= maxLen, got ${minLen}, ${maxLen}`);
    }
    const h = this.vocab.ids(hyp);
    const tpfp = countEverygrams(h.length, minLen, maxLen);
    let best: GleuStats | null = null;
    let bestScore = -Infinity;
    for (const ref of refs) {
      const r = this.vocab.ids(ref);
      const tpfn = countEverygrams(r.length, minLen, maxLen);
      const nAll = Math.max(tpfp, tpfn);
      if (nAll <= 0) continue;
      const c = this.matcher.count(h, [r], maxLen);
      let tp = 0;
      for (let n = minLen; n <= maxLen; n++) tp += c.matches[n - 1]!;
      const score = tp / nAll;
      if (best === null || score > bestScore) {
        best = { match: tp, all: nAll };
        bestScore = score;
      }
    }
    return best ?? { match: 0, all: 0 };
  }
}

export function gleuStats(hyp: readonly string[], refs: readonly (readonly string[])[], options: GleuOptions = {}): GleuStats {
  return new GleuStatsEngine().stats(hyp, refs, options);
}

/** Σ match / Σ all, or 0.0 for an empty corpus / no n-grams (nltk's corner case). */
export function gleuFromStats(items: Iterable<GleuStats>): number {
  let match = 0;
  let all = 0;
  for (const s of items) {
    match += s.match;
    all += s.all;
  }
  return all === 0 ? 0.0 : match / all;
}

/**
 * nltk `corpus_gleu(list_of_references, hypotheses, min_len, max_len)` (0–1).
 *
 * @example
 * corpusGleu([[['我', '爱', '北', '京']]], [['我', '爱', '上', '海']]); // nltk corpus_gleu
 */
export function corpusGleu(
  listOfReferences: readonly (readonly (readonly string[])[])[],
  hypotheses: readonly (readonly string[])[],
  options: GleuOptions = {},
): number {
  if (listOfReferences.length !== hypotheses.length) {
    throw new Error('The number of hypotheses and their reference(s) should be the same');
  }
  const engine = new GleuStatsEngine();
  const items: GleuStats[] = [];
  for (let i = 0; i < hypotheses.length; i++) items.push(engine.stats(hypotheses[i]!, listOfReferences[i]!, options));
  return gleuFromStats(items);
}

/**
 * nltk `sentence_gleu(references, hypothesis, min_len, max_len)` (0–1).
 *
 * @example
 * sentenceGleu([['我', '爱', '北', '京']], ['我', '爱', '上', '海']); // nltk sentence_gleu
 */
export function sentenceGleu(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  options: GleuOptions = {},
): number {
  return corpusGleu([references], [hypothesis], options);
}
