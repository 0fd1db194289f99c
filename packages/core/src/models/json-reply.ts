// Judges answer with one JSON object, often wrapped in prose, a code fence or after a reasoning block. This
// reads the object the way every medeval judge does: reasoning removed, then from the first "{" to the last "}".
import { splitReasoning } from './reasoning.js';

/**
 * The JSON object in a judge's reply, or what is wrong with the reply (said to the judge when it is re-asked).
 *
 * @example
 * jsonObjectInReply('好的。\n```json\n{"better": "1"}\n```') // → { value: { better: '1' } }
 */
export function jsonObjectInReply(reply: string): { value: unknown } | { problem: string } {
  const text = splitReasoning(reply).text;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) return { problem: 'no JSON object in the reply' };
  try {
    return { value: JSON.parse(text.slice(start, end + 1)) };
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
}
