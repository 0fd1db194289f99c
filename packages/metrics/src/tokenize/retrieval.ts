// The one tokenizer of medeval's BM25 baselines (CMExam's option scoring, Huatuo's nearest question).
// Chinese retrieval tokens without a dictionary, as Lucene's CJK bigram analyzer makes them: adjacent
// character bigrams within each run of text, a character standing alone as a unigram, and every ASCII
// letter/digit run ("ct", "hpv", "150") as a word of its own (and as one unit of the bigrams around it).
// Punctuation, whitespace and control characters only separate runs; a bigram never spans them.
// Why not unigrams too: on Huatuo's 6,000-line test set they made MiniSearch ~25× slower per query
// (every common character matches nearly every document) without better neighbours; see docs/huatuo.md.
// CMExam's baseline measured no loss from dropping them either (docs/cmexam.md).

const UNIT = /[a-z0-9]+|[\p{P}\p{Z}\p{C}\s]+|[^]/gu;
const SEPARATOR = /^[\p{P}\p{Z}\p{C}\s]+$/u;
const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * Chinese retrieval tokens without a dictionary (see above).
 *
 * @example
 * cjkBigramTokens('头痛CT'); // ['头痛', 'ct', '痛ct']
 */
export function cjkBigramTokens(text: string): string[] {
  const tokens: string[] = [];
  let previous: string | null = null;
  let runLength = 0;
  const endRun = () => {
    if (runLength === 1 && previous !== null && !ASCII_WORD.test(previous)) tokens.push(previous);
    previous = null;
    runLength = 0;
  };
  for (const match of text.toLowerCase().matchAll(UNIT)) {
    const unit = match[0];
    if (SEPARATOR.test(unit)) {
      endRun();
      continue;
    }
    if (ASCII_WORD.test(unit)) tokens.push(unit);
    if (previous !== null) tokens.push(previous + unit);
    previous = unit;
    runLength += 1;
  }
  endRun();
  return tokens;
}
