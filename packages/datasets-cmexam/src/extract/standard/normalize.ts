// Model outputs come in many typographies: full-width letters (`Ｃ`), markdown emphasis (`**C**`),
// ideographic spaces, end-of-answer tokens (`<eoa>`, `<|im_end|>`). Rules run on a normalized copy; an index
// map takes every match back to the exact substring of the output, for the audit trail.

/** A normalized text and, for each of its characters, the index of the output character it came from. */
export interface NormalizedText {
  text: string;
  /** `origin[i]` is the index in the source of `text[i]`; one extra entry marks the end. */
  origin: number[];
  source: string;
}

// Removed outright: markdown emphasis and code ticks, and the special tokens models leak into their text.
const DROP = /\*\*|__|`+|<eoa>|\[eoa\]|【eoa】|<eos>|<\/s>|<\|im_end\|>|<\|endoftext\|>|<\|eot_id\|>|<\|end\|>|<end_of_turn>|<\|assistant\|>/giy;

function mapChar(c: string): string {
  const code = c.charCodeAt(0);
  // Full-width ASCII (letters, digits, brackets, colon...) → ASCII; ideographic and no-break spaces → space.
  if (code >= 0xff01 && code <= 0xff5e && /[Ａ-Ｚａ-ｚ０-９]/.test(c)) return String.fromCharCode(code - 0xfee0);
  if (c === '\u3000' || c === '\u00a0') return ' ';
  return c;
}

/**
 * Normalizes an output and keeps the way back to it.
 *
 * @example
 * const n = normalize('**答案：Ｃ**'); // n.text === '答案：C'
 * spanOf(n, 3, 4) // → 'Ｃ'
 */
export function normalize(source: string): NormalizedText {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  while (i < source.length) {
    DROP.lastIndex = i;
    const drop = DROP.exec(source);
    if (drop) {
      i += drop[0].length;
      continue;
    }
    const mapped = mapChar(source[i]!);
    text += mapped;
    origin.push(i);
    i++;
  }
  origin.push(source.length);
  return { text, origin, source };
}

/** The substring of the source that normalized characters [start, end) came from. */
export function spanOf(n: NormalizedText, start: number, end: number): string {
  if (end <= start) return '';
  return n.source.slice(n.origin[start]!, n.origin[end - 1]! + 1);
}
