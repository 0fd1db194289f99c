// Python's notion of whitespace (str.split / str.strip without arguments), needed to reproduce the
// CMExam scripts exactly: it differs from JS `\s` (Python includes U+001C–U+001F and U+0085, JS U+FEFF).
const PY_WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPLIT = new RegExp(`[${PY_WHITESPACE}]+`);
const STRIP = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'g');

/** Python `s.split()`. */
export function pySplit(text: string): string[] {
  return text.split(SPLIT).filter((part) => part !== '');
}

/** Python `s.strip()`. */
export function pyStrip(text: string): string {
  return text.replace(STRIP, '');
}

/** pandas `read_csv` default NA strings: a cell holding exactly one of these reads back as NaN. */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
]);

/** What a string becomes after `DataFrame.to_csv` + `pd.read_csv`: `null` for NaN, else unchanged. */
export function csvRoundTrip(text: string | null): string | null {
  return text === null || PANDAS_NA_VALUES.has(text) ? null : text;
}
