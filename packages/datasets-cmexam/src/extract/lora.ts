// The CMExam paper's "LoRA" parsers (evaluate_lora_result.py: parse_options, parse_explanations),
// reproduced exactly, including their known quirks. `null` stands for pandas NaN (a missing output).
import { pySplit, pyStrip } from '@medeval/metrics/internal';

export const NO_ANSWER = '无答案';

/**
 * If the output contains `解释`, only its first line counts. An option is chosen when its letter OR the
 * first whitespace-separated word of its text occurs anywhere as a substring. Chosen letters are joined
 * in option order; nothing chosen (or no output) gives `无答案`. Lenient, and wrong in known ways.
 */
export function parseOptionsLora(modelResult: string | null, optionsText: string): string {
  if (modelResult === null) return NO_ANSWER;
  const result = modelResult.includes('解释') ? pyStrip(modelResult.split('\n')[0]!) : modelResult;
  // A dict keyed by letter: a repeated letter keeps its first position but the last text (Python dict).
  const options = new Map<string, string>();
  for (const line of optionsText.split('\n')) {
    const words = pySplit(line);
    if (words.length === 0) continue; // the script would crash on a blank line; the loader never makes one
    options.set(words[0]!, words[1] ?? words[0]!);
  }
  const chosen: string[] = [];
  for (const [letter, firstWord] of options) {
    if (result.includes(letter) || result.includes(firstWord)) chosen.push(letter);
  }
  return chosen.length > 0 ? chosen.join('') : NO_ANSWER;
}

/** The text after the first `解释:` (ASCII colon), stripped; otherwise the whole output. */
export function parseExplanationLora(modelResult: string | null): string {
  if (modelResult === null) return NO_ANSWER;
  if (!modelResult.includes('解释:')) return modelResult;
  return pyStrip(modelResult.split('解释:')[1]!);
}
