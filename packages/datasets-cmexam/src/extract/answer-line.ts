// The strict answer-line regex proposed in golden/CMEXAM_PROTOCOL.md §4, reproduced exactly: the first
// `答案：X` style statement, letters sorted and unique, or null. `extractStrict` builds on it.
export const STRICT_ANSWER_RE =
  /答案\s*(?:\*\*)?\s*(?:[:：]|是|为|选)\s*[:：]?\s*(?:\*\*)?\s*([A-E](?:[ \t,，、和及]*[A-E])*)(?![A-Za-z0-9\u4e00-\u9fff])/;

export function answerLine(output: string): string | null {
  const match = STRICT_ANSWER_RE.exec(output);
  return match ? sortedLetters(match[1]!) : null;
}

/** Upper-case A–Z letters of a string, unique and sorted. */
export function sortedLetters(text: string): string {
  return [...new Set(text.match(/[A-Z]/g) ?? [])].sort().join('');
}
