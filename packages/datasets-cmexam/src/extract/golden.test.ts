// The 70 golden answer cases (fixtures/golden/cmexam_protocol.json, produced by running CMExam's own
// scripts): LoRA and GPT parsers must equal them exactly; the strict extractor must agree wherever the
// golden answer-line regex matched, and the exact port of that regex must agree everywhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOptionLines } from '../load/row.js';
import { answerLine } from './answer-line.js';
import { parseGptRegex } from './gpt.js';
import { parseExplanationLora, parseOptionsLora } from './lora.js';
import { extractStrict } from './strict.js';

interface GoldenCase {
  id: string;
  style: string;
  options: string;
  gold: string;
  model_result: string | null;
  parse_options: string;
  parse_explanations: string;
  gpt_regex: { answer: string; explanation: string };
  strict_answer: string | null;
}

const golden = JSON.parse(
  readFileSync(new URL('../../../../fixtures/golden/cmexam_protocol.json', import.meta.url), 'utf8'),
) as { answer: { cases: GoldenCase[] } };
const cases = golden.answer.cases;

/** Where our strict extractor intentionally goes beyond the golden regex (which returned null there). */
const EXTENSIONS: Record<string, string> = {
  'ans-02': 'C', // C. 出血量  (letter + that option's text)
  'ans-03': 'C', // 出血量  (exactly option C's text)
  'ans-16': 'C', // The answer is C.
  'ans-29': 'B', // AFP = option B's text
  'ans-33': 'E', // B超 = option E's text (the model named option E, whatever the gold)
  'ans-35': 'B', // Ⅰ类洞 = option B's text
  'ans-40': 'E', // 抑制细菌DNA螺旋酶 = option E's text
  'ans-42': 'C', // 荆芥穗、淡豆豉 = option C's text 荆芥穗  淡豆豉
  'ans-46': 'A', // 18寸 = option A's text 18 寸
  'ans-59': 'D', // 故选D
  'ans-62': 'B', // 答案：白头翁 (answer word + option B's text)
  'ans-21': 'AC', // 生活污水污染、工业废水污染 (a list of option texts)
  'ans-47': 'A', // 应为18寸，而非19寸、20寸… (应为 + option A's text 18 寸)
  'ans-25': 'E', // 应首选穿刺检查，而不是CT或B超 (a concluding sentence naming option E's text; CT/B超 are negated)
  'ans-49': 'A', // 利多卡因，而不是维生素B₁₂ (option A's text, the other one negated)
  'ans-63': 'D', // 选项D（穿心莲）正确；选项E错误 (per-option verdicts: D judged correct)
};

describe('golden CMExam answer cases', () => {
  it('has 70 cases', () => expect(cases).toHaveLength(70));

  it.each(cases.map((c) => [c.id, c] as const))('%s LoRA parse_options / parse_explanations', (_id, c) => {
    expect(parseOptionsLora(c.model_result, c.options)).toBe(c.parse_options);
    expect(parseExplanationLora(c.model_result)).toBe(c.parse_explanations);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s GPT regex', (_id, c) => {
    expect(parseGptRegex(c.model_result)).toEqual(c.gpt_regex);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s answer-line regex (exact port)', (_id, c) => {
    expect(c.model_result === null ? null : answerLine(c.model_result)).toBe(c.strict_answer);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s strict extractor', (_id, c) => {
    const result = extractStrict(c.model_result, parseOptionLines(c.options));
    if (c.strict_answer !== null) {
      expect(result.answer).toBe(c.strict_answer);
      expect(result.status).toBe('ok');
    } else if (c.id in EXTENSIONS) {
      expect(result.answer).toBe(EXTENSIONS[c.id]);
    } else {
      expect(result.answer).toBeNull();
      expect(result.status).toBe(c.model_result === null || c.model_result.trim() === '' ? 'empty' : 'unparsed');
    }
  });
});
