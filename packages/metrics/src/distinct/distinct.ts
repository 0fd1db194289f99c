// Distinct-n (Li et al., 2016): the share of n-grams that are distinct. Huatuo-26M reports it per
// answer, averaged over answers (a fraction, not ×100). Texts with no n-gram (fewer than n tokens)
// have no ratio and are left out of the average rather than counted as 0 or 1.

/** The n-grams of a token list as string keys (tokens joined by U+0000, which tokens never contain). */
export function ngramKeys(tokens: readonly string[], n: number): string[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`distinct: n must be a positive integer (got ${n})`);
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join('\u0000'));
  return out;
}

export interface DistinctCounts {
  distinct: number;
  total: number;
}

/** Distinct and total n-gram counts of one text. */
export function distinctCounts(tokens: readonly string[], n: number): DistinctCounts {
  const keys = ngramKeys(tokens, n);
  return { distinct: new Set(keys).size, total: keys.length };
}

/**
 * Distinct-n of one text: distinct / total, or null when the text has no n-gram.
 *
 * @example
 * distinctN(['好', '好', '学', '习'], 1); // 0.75: 3 distinct unigrams of 4
 */
export function distinctN(tokens: readonly string[], n: number): number | null {
  const c = distinctCounts(tokens, n);
  return c.total === 0 ? null : c.distinct / c.total;
}

/** Mean of per-text Distinct-n over the texts that have at least one n-gram (NaN when none has). */
export function distinctMean(texts: readonly (readonly string[])[], n: number): number {
  let sum = 0;
  let count = 0;
  for (const t of texts) {
    const d = distinctN(t, n);
    if (d === null) continue;
    sum += d;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * Corpus-level Distinct-n: distinct n-grams over the whole corpus / all n-grams (NaN when there are none).
 *
 * @example
 * distinctCorpus([['好', '好'], ['学', '习']], 2); // distinct bigrams over all texts / all bigrams
 */
export function distinctCorpus(texts: readonly (readonly string[])[], n: number): number {
  const seen = new Set<string>();
  let total = 0;
  for (const t of texts) {
    const keys = ngramKeys(t, n);
    total += keys.length;
    for (const k of keys) seen.add(k);
  }
  return total === 0 ? Number.NaN : seen.size / total;
}
