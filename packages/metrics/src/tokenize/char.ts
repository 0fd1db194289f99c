import { isPySpace } from './whitespace.js';

/**
 * Characters (Unicode code points) with whitespace removed — the CMExam / Chinese-harness convention
 * (`[c for c in s if not c.isspace()]`, equal to `' '.join(list(s)).split()`). No normalization:
 * astral characters (`𠮷`, emoji) are one token each, combining marks are their own tokens.
 *
 * @example
 * charTokenize('头 痛'); // ['头', '痛']: code points, Python whitespace removed
 */
export function charTokenize(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (ch.length === 1 && isPySpace(ch.charCodeAt(0))) continue;
    out.push(ch);
  }
  return out;
}
