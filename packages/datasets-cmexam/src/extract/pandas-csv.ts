// How the CMExam GPT/ChatGLM scripts' CSV round trip (DataFrame.to_csv, then pd.read_csv) changes a
// prediction: pandas reads its NA strings back as NaN, and those rows are dropped.
/** pandas `read_csv` default NA strings: a cell holding exactly one of these reads back as NaN. */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
]);

/** What a string becomes after `DataFrame.to_csv` + `pd.read_csv`: `null` for NaN, else unchanged. */
export function csvRoundTrip(text: string | null): string | null {
  return text === null || PANDAS_NA_VALUES.has(text) ? null : text;
}
