// The pip packages `rouge` (pltrdy, 1.0.1) and `rouge_chinese` (1.0.3) `Rouge().get_scores`.
// Both: sentences → `" ".join(s.split())` → words by `split(" ")`; ROUGE-N over SETS of n-grams with
// F = 2*((P*R)/(P+R+1e-8)). pltrdy splits sentences on "." and its rouge-l is the summary-level union
// LCS where the union and m, n are sets of DISTINCT tokens; rouge_chinese splits with `cut_sent`
// (。！？? …… ......) and its rouge-l is a plain LCS over all tokens.
//
// Where the Python raises, we return a defined value instead (documented in docs/metrics-rouge-classification.md):
//   * empty hypothesis / reference (ValueError "Hypothesis is empty." / "Reference is empty."):
//     `get_scores` returns all-zero scores for that pair (`{r:0, p:0, f:0}`); set `onEmpty: 'throw'` to
//     get the Python error instead;
//   * pltrdy RecursionError on long sentences (≳1000 tokens): we compute what unlimited recursion would
//     give (the reconstruction is iterative here).
import { pyRstrip, pySplit } from '../tokenize/whitespace.js';
import { internTokens, lcsLengthIds, lcsTokensPltrdy } from './lcs.js';
import { prfEps, setNgramCounts, type NmtPRF } from './nmt.js';

export type RougeFlavour = 'pltrdy' | 'rouge-chinese';
export interface GetScoresResult {
  'rouge-1': NmtPRF;
  'rouge-2': NmtPRF;
  'rouge-l': NmtPRF;
}
export interface GetScoresOptions {
  /** What to do where the Python library raises ValueError on an empty text. Default 'zero'. */
  onEmpty?: 'zero' | 'throw';
}

/** rouge_chinese `Rouge.cut_sent`. */
export function cutSentChinese(para: string): string[] {
  para = para.replace(/([。！？?])([^”’])/gu, '$1\n$2');
  para = para.replace(/(\.{6})([^”’])/gu, '$1\n$2');
  para = para.replace(/(…{2})([^”’])/gu, '$1\n$2');
  para = para.replace(/([。！？?][”’])([^，。！？?])/gu, '$1\n$2');
  return pyRstrip(para).split('\n');
}

/** The sentence lists `_get_scores` builds from one text. */
export function sentencesOf(text: string, flavour: RougeFlavour): string[] {
  const parts = flavour === 'pltrdy' ? text.split('.') : cutSentChinese(text);
  return parts.filter((s) => s.length > 0).map((s) => pySplit(s).join(' '));
}

function words(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of sentences) for (const w of s.split(' ')) out.push(w);
  return out;
}

function zeroScores(): GetScoresResult {
  return { 'rouge-1': { f: 0, p: 0, r: 0 }, 'rouge-2': { f: 0, p: 0, r: 0 }, 'rouge-l': { f: 0, p: 0, r: 0 } };
}

/** pltrdy `rouge_l_summary_level` with exclusive=True (sets of distinct tokens). */
function pltrdyRougeL(hypSents: readonly string[], refSents: readonly string[]): NmtPRF {
  const ids = new Map<string, number>();
  const conv = (ws: readonly string[]) => {
    const out = new Int32Array(ws.length);
    ws.forEach((w, i) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      out[i] = id;
    });
    return out;
  };
  const hyp = hypSents.map((s) => conv(s.split(' ')));
  const ref = refSents.map((s) => conv(s.split(' ')));
  const m = new Set(ref.flatMap((r) => [...r])).size;
  const n = new Set(hyp.flatMap((h) => [...h])).size;
  const union = new Set<number>();
  for (const r of ref) for (const h of hyp) for (const t of lcsTokensPltrdy(r, h)) union.add(t);
  const llcs = union.size;
  const r = llcs / m;
  const p = llcs / n;
  return { f: 2 * ((p * r) / (p + r + 1e-8)), p, r };
}

/** rouge_chinese `rouge_l_summary_level`: plain LCS over all words. */
function chineseRougeL(hypSents: readonly string[], refSents: readonly string[]): NmtPRF {
  const t = internTokens(words(refSents), words(hypSents));
  const llcs = lcsLengthIds(t.a, t.b, t.size);
  const r = llcs / t.a.length;
  const p = llcs / t.b.length;
  return { f: 2 * ((p * r) / (p + r + 1e-8)), p, r };
}

/**
 * `Rouge().get_scores(hyp, ref)[0]` for one pair.
 *
 * @example
 * rougeGetScores('我 爱 上 海', '我 爱 北 京', 'rouge-chinese')['rouge-l'].f; // Rouge().get_scores(hyp, ref)
 */
export function rougeGetScores(hyp: string, ref: string, flavour: RougeFlavour, options: GetScoresOptions = {}): GetScoresResult {
  const hs = sentencesOf(hyp, flavour);
  const rs = sentencesOf(ref, flavour);
  if (hs.length === 0 || rs.length === 0) {
    if (options.onEmpty === 'throw') throw new Error(hs.length === 0 ? 'Hypothesis is empty.' : 'Reference is empty.');
    return zeroScores();
  }
  const t = internTokens(words(hs), words(rs));
  const c1 = setNgramCounts(t.a, t.b, 1);
  const c2 = setNgramCounts(t.a, t.b, 2);
  return {
    'rouge-1': prfEps(c1.hyp, c1.ref, c1.overlap),
    'rouge-2': prfEps(c2.hyp, c2.ref, c2.overlap),
    'rouge-l': flavour === 'pltrdy' ? pltrdyRougeL(hs, rs) : chineseRougeL(hs, rs),
  };
}

/**
 * `Rouge().get_scores(hyps, refs, avg=True, ignore_empty)`: sums per stat in order, then / count.
 * ignore_empty drops pairs whose hyp or ref string has length 0 (as 1.0.1 / 1.0.3 do; whitespace-only
 * texts are NOT dropped). An empty list after filtering gives NaN (Python raises).
 */
export function rougeGetScoresAvg(
  hyps: readonly string[],
  refs: readonly string[],
  flavour: RougeFlavour,
  options: GetScoresOptions & { ignoreEmpty?: boolean } = {},
): GetScoresResult {
  if (hyps.length !== refs.length) throw new Error(`rougeGetScoresAvg: ${hyps.length} hypotheses but ${refs.length} references`);
  const sum = { 'rouge-1': { f: 0, p: 0, r: 0 }, 'rouge-2': { f: 0, p: 0, r: 0 }, 'rouge-l': { f: 0, p: 0, r: 0 } };
  let count = 0;
  for (let i = 0; i < hyps.length; i++) {
    if (options.ignoreEmpty && (hyps[i]!.length === 0 || refs[i]!.length === 0)) continue;
    const s = rougeGetScores(hyps[i]!, refs[i]!, flavour, options);
    for (const m of ['rouge-1', 'rouge-2', 'rouge-l'] as const) {
      sum[m].f += s[m].f;
      sum[m].p += s[m].p;
      sum[m].r += s[m].r;
    }
    count++;
  }
  for (const m of ['rouge-1', 'rouge-2', 'rouge-l'] as const) {
    sum[m].f /= count;
    sum[m].p /= count;
    sum[m].r /= count;
  }
  return sum;
}
