// @medeval/datasets-cmexam/internal: the public surface plus the building blocks, for medeval's own packages,
// plugins that need one piece (the CSV parser, the papers' parsers, the judge request) and tests. No stability
// promise: names here may change in any minor version. The main entry (index.ts) is the public surface.
export * from './index.js';
export { CsvParser, CsvSyntaxError, type CsvRecord } from './load/csv.js';
export { parseOptionLines, normalizeAnswer } from './load/row.js';
export { paperInstruction, paperWrap, gptScriptPrompt } from './prompts/paper.js';
export { normalizeOutput } from './extract/strict.js';
export { answerLine, STRICT_ANSWER_RE } from './extract/answer-line.js';
export { parseOptionsLora, parseExplanationLora } from './extract/lora.js';
export { parseGptRegex, gptScoredAnswer, gptScoredExplanation, type GptParse } from './extract/gpt.js';
export { extractExplanationStrict } from './extract/explanation.js';
export { parseAnswer, parseExplanation } from './extract/protocol-parse.js';
export { JUDGE_PROMPT_ID, judgeRequest, readJudgeAnswer } from './judge.js';
export { buildBm25Index } from './baselines/index.js';
