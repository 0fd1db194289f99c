// Matching what a model wrote against the options of its question: option texts compared without
// whitespace and punctuation, and letters limited to those the question can have.
import type { CmexamOption } from '../../schema.js';

/** Option text compared without whitespace and list punctuation (`荆芥穗  淡豆豉` = `荆芥穗、淡豆豉`). */
export function squash(text: string): string {
  return text.replace(/[\s、，,。.．；;：:!！?？"“”'‘’「」『』（）()【】\[\]*_#>-]+/g, '');
}

/** Upper-case letters of a string, unique and sorted. */
export function sortedLetters(text: string): string {
  return [...new Set(text.toUpperCase().match(/[A-Z]/g) ?? [])].sort().join('');
}

/**
 * The letters an answer may use: the question's own option letters, and A–E (CMExam questions sometimes
 * skip a letter, and a model that names a letter outside the list still committed to it).
 */
export function answerLetters(options: readonly CmexamOption[]): string {
  return sortedLetters(`ABCDE${options.map((o) => o.letter).join('')}`);
}

/** The one option whose whole text equals `text` (ignoring spaces and punctuation), else null. */
export function optionTextEquals(text: string, options: readonly CmexamOption[]): string | null {
  const target = squash(text);
  if (target === '') return null;
  const hits = options.filter((o) => squash(o.text) === target);
  return hits.length === 1 ? hits[0]!.letter : null;
}

/**
 * Options whose text occurs in `text`, keeping only maximal ones: an option text that is part of another
 * matched option's text (`肺炎` inside `大叶性肺炎`) is not counted twice.
 */
export function containedOptions(text: string, options: readonly CmexamOption[]): CmexamOption[] {
  const squashed = squash(text);
  const contained = options.filter((o) => {
    const own = squash(o.text);
    return own !== '' && squashed.includes(own);
  });
  return contained.filter((o) => !contained.some((other) => other !== o && squash(other.text).includes(squash(o.text))));
}

/** `C. 出血量`, `C 出血量。`, `C出血量`: a letter followed by that option's own text; the letter or null. */
export function letterWithText(text: string, options: readonly CmexamOption[]): string | null {
  const match = /^\s*[(（【\[]?([A-J])[)）】\]]?\s*[.．、:：]?\s*(.+)$/s.exec(text);
  if (!match) return null;
  const option = options.find((o) => o.letter === match[1]);
  if (!option) return null;
  const own = squash(option.text);
  return own !== '' && squash(match[2]!).startsWith(own) ? option.letter : null;
}

/** A list whose every item is an option's text (`生活污水污染、工业废水污染` → AC), else null. */
export function optionTextList(text: string, options: readonly CmexamOption[]): string | null {
  const items = text.split(/[、，,；;\n]|和|及|与/).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length < 2) return null;
  const letters = items.map((item) => optionTextEquals(item, options));
  return letters.every((l) => l !== null) ? sortedLetters(letters.join('')) : null;
}

/** The `X. option text` start of a line (its letter and that option's own text), or '' when it has none. */
export function letterTextPrefix(line: string, options: readonly CmexamOption[]): string {
  const m = /^\s*([A-J])\s*[:：.．、)）]\s*/.exec(line);
  if (!m) return '';
  const text = options.find((o) => o.letter === m[1])?.text ?? '';
  return line.slice(m[0].length).startsWith(text) ? m[0] + text : m[0];
}
