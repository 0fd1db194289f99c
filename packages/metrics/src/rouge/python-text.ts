// Python string behaviour the reference ROUGE implementations rely on. Python iterates code points
// (not UTF-16 units); whitespace helpers (Python's set, not JS `\s`) come from the tokenizer module.

/** Python `' '.join(list(s))` — the CMExam way of turning a text into "words" (one per code point). */
export function charJoin(s: string): string {
  return Array.from(s).join(' ');
}
