// The CMExam GPT/ChatGLM scripts' regex parsing (evaluate_gpt_result.py / evaluate_chatglm_result.py):
// re.findall(r"答案：(.*)，", s)[0] and re.findall(r"解释：(.*)", s)[0]; ('', '') when either fails.
// Full-width colon and comma, greedy, one line. Python's `.` excludes only `\n`, hence `[^\n]`.
import { csvRoundTrip } from './pandas-csv.js';

const ANSWER = /答案：([^\n]*)，/;
const EXPLANATION = /解释：([^\n]*)/;

export interface GptParse {
  answer: string;
  explanation: string;
}

/** The verbatim captures (before the scripts' CSV round trip). */
export function parseGptRegex(output: string | null): GptParse {
  if (output === null) return { answer: '', explanation: '' };
  const answer = ANSWER.exec(output);
  const explanation = EXPLANATION.exec(output);
  if (!answer || !explanation) return { answer: '', explanation: '' };
  return { answer: answer[1]!, explanation: explanation[1]! };
}

/**
 * The predicted answer as the scripts score it: after `to_csv`/`read_csv`, an empty capture (or a pandas
 * NA token such as `NA`) is NaN, and that row is DROPPED from accuracy and F1. Returns null for dropped rows.
 */
export function gptScoredAnswer(output: string | null): string | null {
  return csvRoundTrip(parseGptRegex(output).answer);
}

/** The predicted explanation as scored: NaN becomes `''` (the scripts' `pd.isna` → ""). */
export function gptScoredExplanation(output: string | null): string {
  return csvRoundTrip(parseGptRegex(output).explanation) ?? '';
}
