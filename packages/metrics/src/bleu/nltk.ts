// nltk 3.8 translate/bleu_score.py: corpus_bleu / sentence_bleu with SmoothingFunction method0..method4.
// Quirks kept: integer 0 when there is no unigram match; method0 turns a zero precision into
// sys.float_info.min (2.2250738585072014e-308, not Number.MIN_VALUE); terms with p_n == 0 are skipped;
// the weighted log sum uses math.fsum; smoothing sees the corpus hypothesis length.
import { fsum } from './fsum.js';
import { BleuStatsEngine, sumBleuStats, type BleuStats } from './stats.js';

export const PY_FLOAT_MIN = 2.2250738585072014e-308;

export type NltkSmoothing = 'method0' | 'method1' | 'method2' | 'method3' | 'method4';
export const NLTK_SMOOTHINGS: readonly NltkSmoothing[] = ['method0', 'method1', 'method2', 'method3', 'method4'];

export interface NltkBleuOptions {
  /** Default (0.25, 0.25, 0.25, 0.25). The number of weights is the number of n-gram orders computed. */
  weights?: readonly number[];
  /** null/undefined = no smoothing function (nltk then applies method0). */
  smoothing?: NltkSmoothing | null;
  /** SmoothingFunction(epsilon=0.1, k=5). */
  epsilon?: number;
  k?: number;
}

export interface NltkBleuDetail {
  value: number;
  /** nltk returned the integer 0 (no unigram match, incl. empty hypothesis). */
  intZero: boolean;
  /** nltk warned "0 counts of n-gram overlaps" (method0 substituted sys.float_info.min). */
  warnedZeroCounts: boolean;
}

type Precision = { num: number; den: number } | number;
const toFloat = (p: Precision): number => (typeof p === 'number' ? p : p.num / p.den);

function smooth(pn: Precision[], method: NltkSmoothing, hypLen: number, o: NltkBleuOptions): { pn: Precision[]; warned: boolean } {
  let warned = false;
  const isZero = (p: Precision) => typeof p !== 'number' && p.num === 0;
  switch (method) {
    case 'method0': {
      const out = pn.map((p) => {
        if (typeof p !== 'number' && p.num !== 0) return p;
        warned = true;
        return PY_FLOAT_MIN;
      });
      return { pn: out, warned };
    }
    case 'method1': {
      const eps = o.epsilon ?? 0.1;
      return { pn: pn.map((p) => (isZero(p) ? (0 + eps) / (p as { den: number }).den : p)), warned };
    }
    case 'method2':
      return { pn: pn.map((p, i) => (i !== 0 && typeof p !== 'number' ? { num: p.num + 1, den: p.den + 1 } : p)), warned };
    case 'method3': {
      let incvnt = 1;
      return {
        pn: pn.map((p) => {
          if (!isZero(p)) return p;
          const v = 1 / (2 ** incvnt * (p as { den: number }).den);
          incvnt++;
          return v;
        }),
        warned,
      };
    }
    case 'method4': {
      const k = o.k ?? 5;
      let incvnt = 1;
      return {
        pn: pn.map((p) => {
          if (!(isZero(p) && hypLen > 1)) return p;
          const numerator = 1 / ((2 ** incvnt * k) / Math.log(hypLen));
          incvnt++;
          return numerator / (p as { den: number }).den;
        }),
        warned,
      };
    }
    default:
      throw new Error(`unknown nltk smoothing "${String(method)}"; implemented: ${NLTK_SMOOTHINGS.join(', ')}`);
  }
}

/**
 * corpus_bleu's final step from summed stats (numerators, nltk denominators = Σ max(1, n-gram count),
 * hypothesis length, closest reference length). Orders = weights.length.
 */
export function nltkBleuFromStats(stats: BleuStats, options: NltkBleuOptions = {}): NltkBleuDetail {
  const weights = options.weights ?? [0.25, 0.25, 0.25, 0.25];
  const orders = weights.length;
  if (stats.matches.length < orders) throw new Error(`stats have ${stats.matches.length} orders but ${orders} weights`);
  const hypLen = stats.hypLen;
  const refLen = stats.refLen;
  // brevity_penalty(closest_ref_len, hyp_len)
  const bp = hypLen > refLen ? 1 : hypLen === 0 ? 0 : Math.exp(1 - refLen / hypLen);
  if (stats.matches[0] === 0) return { value: 0, intZero: true, warnedZeroCounts: false };
  let pn: Precision[] = [];
  for (let i = 0; i < orders; i++) pn.push({ num: stats.matches[i]!, den: stats.totals[i]! });
  const sm = smooth(pn, options.smoothing ?? 'method0', hypLen, options);
  pn = sm.pn;
  const terms: number[] = [];
  for (let i = 0; i < orders; i++) {
    const p = toFloat(pn[i]!);
    if (p > 0) terms.push(weights[i]! * Math.log(p));
  }
  return { value: bp * Math.exp(fsum(terms)), intZero: false, warnedZeroCounts: sm.warned };
}

/** nltk `corpus_bleu(list_of_references, hypotheses, weights, smoothing_function)` with details. */
export function nltkCorpusBleuDetail(
  listOfReferences: readonly (readonly (readonly string[])[])[],
  hypotheses: readonly (readonly string[])[],
  options: NltkBleuOptions = {},
): NltkBleuDetail {
  if (listOfReferences.length !== hypotheses.length) {
    throw new Error('The number of hypotheses and their reference(s) should be the same');
  }
  const orders = (options.weights ?? [0.25, 0.25, 0.25, 0.25]).length;
  const engine = new BleuStatsEngine(hypotheses.length > 64);
  const items: BleuStats[] = [];
  for (let i = 0; i < hypotheses.length; i++) items.push(engine.stats(hypotheses[i]!, listOfReferences[i]!, orders, 'nltk'));
  return nltkBleuFromStats(sumBleuStats(items, orders), options);
}

/**
 * nltk `corpus_bleu` (0–1).
 *
 * @example
 * nltkCorpusBleu([[['我', '爱', '北', '京']]], [['我', '爱', '上', '海']]); // nltk corpus_bleu on token lists
 */
export function nltkCorpusBleu(
  listOfReferences: readonly (readonly (readonly string[])[])[],
  hypotheses: readonly (readonly string[])[],
  options: NltkBleuOptions = {},
): number {
  return nltkCorpusBleuDetail(listOfReferences, hypotheses, options).value;
}

/**
 * nltk `sentence_bleu(references, hypothesis, weights, smoothing_function)` (0–1).
 *
 * @example
 * nltkSentenceBleu([['我', '爱', '北', '京']], ['我', '爱', '上', '海']); // nltk sentence_bleu
 */
export function nltkSentenceBleu(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  options: NltkBleuOptions = {},
): number {
  return nltkCorpusBleuDetail([references], [hypothesis], options).value;
}

export function nltkSentenceBleuDetail(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  options: NltkBleuOptions = {},
): NltkBleuDetail {
  return nltkCorpusBleuDetail([references], [hypothesis], options);
}
