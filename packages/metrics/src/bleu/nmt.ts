// tensorflow/nmt `compute_bleu` (nmt/scripts/bleu.py) as CMExam's evaluate/bleu.py ships it, plus
// utils.bleu_score (×100). Corpus level, clipped counts, no smoothing by default, uniform weights 1/N,
// BP from the corpus length ratio. Where Python raises ZeroDivisionError (empty hypothesis corpus:
// ratio 0 then 1/ratio; empty reference corpus: t/0) medeval returns score 0 with `zeroDivision: true`.
import { BleuStatsEngine, sumBleuStats, type BleuStats } from './stats.js';

export interface NmtBleuResult {
  /** utils.bleu_score: bleu × 100. */
  score: number;
  /** compute_bleu's bleu (0–1). */
  bleuRaw: number;
  precisions: number[];
  bp: number;
  ratio: number;
  translationLength: number;
  referenceLength: number;
  /** True where the Python code raises ZeroDivisionError; score/bleuRaw/bp are then defined as 0. */
  zeroDivision: boolean;
}

/** compute_bleu from summed counts (matches, possible matches per order, lengths). */
export function nmtBleuFromStats(stats: BleuStats, maxOrder = stats.matches.length, smooth = false): NmtBleuResult {
  const precisions = new Array<number>(maxOrder).fill(0);
  for (let i = 0; i < maxOrder; i++) {
    const m = stats.matches[i]!;
    const p = stats.totals[i]!;
    if (smooth) precisions[i] = (m + 1) / (p + 1);
    else precisions[i] = p > 0 ? m / p : 0.0;
  }
  let geoMean = 0;
  if (Math.min(...precisions) > 0) {
    let pLogSum = 0;
    for (const p of precisions) pLogSum += (1 / maxOrder) * Math.log(p);
    geoMean = Math.exp(pLogSum);
  }
  const t = stats.hypLen;
  const r = stats.refLen;
  if (r === 0 || t === 0) {
    return { score: 0, bleuRaw: 0, precisions, bp: 0, ratio: r === 0 ? 0 : t / r, translationLength: t, referenceLength: r, zeroDivision: true };
  }
  const ratio = t / r;
  const bp = ratio > 1.0 ? 1.0 : Math.exp(1 - 1 / ratio);
  const bleu = geoMean * bp;
  return { score: bleu * 100, bleuRaw: bleu, precisions, bp, ratio, translationLength: t, referenceLength: r, zeroDivision: false };
}

/**
 * `compute_bleu(reference_corpus, translation_corpus, max_order, smooth)`: referenceCorpus[i] is the
 * list of reference token lists of translation i.
 */
export function nmtComputeBleu(
  referenceCorpus: readonly (readonly (readonly string[])[])[],
  translationCorpus: readonly (readonly string[])[],
  maxOrder = 4,
  smooth = false,
): NmtBleuResult {
  if (referenceCorpus.length !== translationCorpus.length) {
    throw new Error(`${referenceCorpus.length} reference entries but ${translationCorpus.length} translations`);
  }
  const engine = new BleuStatsEngine(translationCorpus.length > 64);
  const items: BleuStats[] = [];
  for (let i = 0; i < translationCorpus.length; i++) {
    items.push(engine.stats(translationCorpus[i]!, referenceCorpus[i]!, maxOrder, 'nmt'));
  }
  return nmtBleuFromStats(sumBleuStats(items, maxOrder), maxOrder, smooth);
}

/**
 * CMExam `utils.bleu_score(references, generated, n_gram, smooth)`: one reference per hypothesis.
 *
 * @example
 * nmtBleu([[['我', '爱', '北', '京']]], [['我', '爱', '上', '海']]).score; // tensorflow/nmt compute_bleu (CMExam's scripts)
 */
export function nmtBleu(
  refTokenLists: readonly (readonly string[])[],
  hypTokenLists: readonly (readonly string[])[],
  maxOrder = 4,
  smooth = false,
): NmtBleuResult {
  return nmtComputeBleu(refTokenLists.map((r) => [r]), hypTokenLists, maxOrder, smooth);
}
