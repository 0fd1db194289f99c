// Counts the real quirks of Huatuo text instead of "cleaning" them away: full-width (U+3000) and
// non-breaking (U+00A0) spaces, duplicates, one-character and empty answers, and lengths in code points.
// Duplicates are detected on 53-bit hashes so memory stays small on the 178k-line Lite file; with a
// few million distinct texts the chance of one false "duplicate" is below 1e-3 (documented in docs/huatuo.md).

const FULL_WIDTH_SPACE = '\u3000';
const NO_BREAK_SPACE = '\u00a0';

/** cyrb53 (public-domain string hash): two 32-bit lanes folded into 53 bits. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Length in Unicode code points (what the character tokenizer sees, before removing whitespace).
 *
 * @example
 * codePointLength('头痛𠮷'); // 3 (a JS string length would say 4)
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n += 1;
    else {
      const d = text.charCodeAt(i + 1);
      n += 1;
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
  }
  return n;
}

class LengthStats {
  count = 0;
  total = 0;
  min = Infinity;
  max = 0;
  add(length: number): void {
    this.count += 1;
    this.total += length;
    if (length < this.min) this.min = length;
    if (length > this.max) this.max = length;
  }
  write(prefix: string, out: Record<string, number>): void {
    out[`${prefix}LengthMin`] = this.count === 0 ? 0 : this.min;
    out[`${prefix}LengthMax`] = this.max;
    out[`${prefix}LengthMean`] = this.count === 0 ? 0 : this.total / this.count;
  }
}

/** Accumulates the counts reported in `summary().stats` while samples stream by. */
export class TextStats {
  blankLines = 0;
  samples = 0;
  private readonly counts = {
    questionsWithFullWidthSpace: 0,
    questionsWithNoBreakSpace: 0,
    answersWithFullWidthSpace: 0,
    answersWithNoBreakSpace: 0,
    answersWithAsciiSpace: 0,
    emptyQuestions: 0,
    emptyAnswers: 0,
    oneCharAnswers: 0,
    duplicateQuestions: 0,
    duplicateAnswers: 0,
    duplicatePairs: 0,
    multiReferenceSamples: 0,
  };
  private readonly questionLengths = new LengthStats();
  private readonly answerLengths = new LengthStats();
  private readonly seenQuestions = new Set<number>();
  private readonly seenAnswers = new Set<number>();
  private readonly seenPairs = new Set<number>();

  addSample(question: string, answers: readonly string[]): void {
    const c = this.counts;
    this.samples += 1;
    if (question.includes(FULL_WIDTH_SPACE)) c.questionsWithFullWidthSpace += 1;
    if (question.includes(NO_BREAK_SPACE)) c.questionsWithNoBreakSpace += 1;
    if (question.trim() === '') c.emptyQuestions += 1;
    this.questionLengths.add(codePointLength(question));
    if (answers.length > 1) c.multiReferenceSamples += 1;
    if (this.isDuplicate(this.seenQuestions, question)) c.duplicateQuestions += 1;
    if (this.isDuplicate(this.seenPairs, `${question}\u0000${answers.join('\u0000')}`)) c.duplicatePairs += 1;
    for (const answer of answers) {
      if (answer.includes(FULL_WIDTH_SPACE)) c.answersWithFullWidthSpace += 1;
      if (answer.includes(NO_BREAK_SPACE)) c.answersWithNoBreakSpace += 1;
      if (answer.includes(' ')) c.answersWithAsciiSpace += 1;
      if (answer.trim() === '') c.emptyAnswers += 1;
      const length = codePointLength(answer);
      if (length === 1) c.oneCharAnswers += 1;
      this.answerLengths.add(length);
      if (this.isDuplicate(this.seenAnswers, answer)) c.duplicateAnswers += 1;
    }
  }

  /** A flat record of numbers, as `LoadSummary.stats` wants. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = { samples: this.samples, blankLines: this.blankLines, ...this.counts };
    out.answers = this.answerLengths.count;
    this.questionLengths.write('question', out);
    this.answerLengths.write('answer', out);
    return out;
  }

  private isDuplicate(seen: Set<number>, text: string): boolean {
    const key = hash53(text);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  }
}
