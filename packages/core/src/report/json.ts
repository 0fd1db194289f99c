// results.json text: two-space indented, newline-terminated. Values that are not finite never occur
// (the aggregator writes null for them), so JSON.stringify loses nothing.
import type { ResultJson } from '../types.js';

/**
 * results.json as written to a run folder.
 *
 * @example
 * await writeFile('results.json', renderJson(result)); // stable key order, non-finite numbers as null
 */
export function renderJson(result: ResultJson): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
