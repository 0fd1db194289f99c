// results.json text: two-space indented, newline-terminated. Values that are not finite never occur
// (the aggregator writes null for them), so JSON.stringify loses nothing.
import type { ResultJson } from '../types.js';

export function renderJson(result: ResultJson): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
