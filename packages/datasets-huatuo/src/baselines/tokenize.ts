// Chinese retrieval tokens without a dictionary: character unigrams plus adjacent-character bigrams,
// the usual BM25 set-up for Chinese when no word segmenter is wanted. An ASCII letter/digit run
// ("ct", "hpv", "150") counts as one unit; punctuation, whitespace and control characters only
// separate runs (a bigram never spans them).

const UNIT = /[a-z0-9]+|[\p{P}\p{Z}\p{C}\s]+|[^]/gu;
const SEPARATOR = /^[\p{P}\p{Z}\p{C}\s]+$/u;

export function charBigramTokens(text: string): string[] {
  const tokens: string[] = [];
  let previous: string | null = null;
  for (const match of text.toLowerCase().matchAll(UNIT)) {
    const unit = match[0];
    if (SEPARATOR.test(unit)) {
      previous = null;
      continue;
    }
    tokens.push(unit);
    if (previous !== null) tokens.push(previous + unit);
    previous = unit;
  }
  return tokens;
}
