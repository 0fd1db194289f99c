// The three CMExam protocols, each whole in one object: which prompt it uses by default, how it reads an
// answer and an explanation from an output, what its metrics see for a missing one, which reference it
// scores against, and whether the judge fallback may read what the rules leave unparsed. The recipe line
// (signature, version, what it reproduces) is @medeval/metrics' registry entry of the same name, and the
// metrics themselves are built there from the protocol name (`answerMetrics`, `textMetrics`).
//   cmexam-paper  LoRA parser; empty output → 无答案 (answer and explanation); 无答案 counts over ALL rows.
//   cmexam-gpt    GPT regex; unparsed rows are DROPPED from accuracy and F1 (prediction null).
//   standard      strict extractor; unparsed rows count as wrong with the label 无答案.
import { splitReasoning, type Parsed } from '@medeval/core';
import { getProtocol, type ProtocolInfo } from '@medeval/metrics';
import { extractExplanationStrict } from './extract/explanation.js';
import { gptScoredAnswer, gptScoredExplanation, parseGptRegex } from './extract/gpt.js';
import { NO_ANSWER, parseExplanationLora, parseOptionsLora } from './extract/lora.js';
import { csvRoundTrip, PANDAS_NA_VALUES } from './extract/pandas-csv.js';
import { extractAnswer } from './extract/strict.js';
import type { PromptName } from './prompts/index.js';
import type { CmexamSample, CmexamTarget } from './schema.js';

export type CmexamProtocolName = 'standard' | 'cmexam-paper' | 'cmexam-gpt';

export interface CmexamProtocolDefinition {
  name: CmexamProtocolName;
  /** The recipe line, version and what it reproduces (@medeval/metrics' registry). */
  info: ProtocolInfo;
  /** The prompt a task uses unless one is named. */
  defaultPrompt: PromptName;
  /** Whether `--judge` may read the answers the rules leave unparsed (a `standard` feature only). */
  judge: boolean;
  /** The answer letters read from an output. */
  parseAnswer(output: string, sample: CmexamSample): Parsed<string>;
  /** The explanation read from an output. */
  parseExplanation(output: string): Parsed<string>;
  /** The answer label the metrics see; null leaves the row out of every denominator. */
  scoredAnswer(prediction: string | null): string | null;
  /** The hypothesis text the explanation metrics see. */
  scoredExplanation(prediction: string | null): string;
  /** The reference explanation as a one-item list, or null (item dropped) when the sample has none. */
  goldExplanation(target: CmexamTarget): string[] | null;
}

const isEmpty = (output: string) => output.trim() === '';

const standard: CmexamProtocolDefinition = {
  name: 'standard',
  info: getProtocol('standard'),
  defaultPrompt: 'zero-shot',
  judge: true,
  parseAnswer(output, sample) {
    const result = extractAnswer({ output, options: sample.input.options, question: sample.input.question });
    return {
      prediction: result.answer,
      status: result.status,
      extraction: { rule: result.rule ?? result.status, span: result.span ?? null },
      ...(result.reasoning !== undefined ? { reasoning: result.reasoning } : {}),
    };
  },
  parseExplanation(output) {
    // Reasoning blocks are not the explanation: the text after them is (an unclosed block leaves none).
    const split = splitReasoning(output);
    const reasoning = split.reasoning !== undefined ? { reasoning: split.reasoning } : {};
    if (isEmpty(output)) return { prediction: null, status: 'empty' };
    if (split.truncated) return { prediction: null, status: 'truncated', ...reasoning };
    const text = extractExplanationStrict(split.text);
    if (text === null) return { prediction: null, status: 'unparsed', ...reasoning };
    return { prediction: text, status: text === '' ? 'unparsed' : 'ok', ...reasoning };
  },
  scoredAnswer: (prediction) => prediction ?? NO_ANSWER,
  scoredExplanation: (prediction) => prediction ?? '',
  goldExplanation: (target) => (target.explanation.trim() === '' ? null : [target.explanation]),
};

const paper: CmexamProtocolDefinition = {
  name: 'cmexam-paper',
  info: getProtocol('cmexam-paper'),
  defaultPrompt: 'paper',
  judge: false,
  parseAnswer(output, sample) {
    // The script reads outputs back with pandas: '' (and NA tokens such as "NA") become NaN → 无答案.
    const letters = parseOptionsLora(csvRoundTrip(output), sample.input.optionsText);
    if (isEmpty(output)) return { prediction: null, status: 'empty' };
    return letters === NO_ANSWER ? { prediction: null, status: 'unparsed' } : { prediction: letters, status: 'ok' };
  },
  parseExplanation(output) {
    const text = parseExplanationLora(csvRoundTrip(output));
    return { prediction: text, status: isEmpty(output) ? 'empty' : 'ok' };
  },
  scoredAnswer: (prediction) => prediction ?? NO_ANSWER,
  scoredExplanation: (prediction) => prediction ?? NO_ANSWER,
  // The cell as the paper's script reads it with pandas: untrimmed, and a cell pandas reads as NaN
  // (`''`, `NA`, `null`…) is dropped by its `dropna`.
  goldExplanation(target) {
    const cell = target.explanationAsRead ?? target.explanation;
    return PANDAS_NA_VALUES.has(cell) ? null : [cell];
  },
};

const gpt: CmexamProtocolDefinition = {
  name: 'cmexam-gpt',
  info: getProtocol('cmexam-gpt'),
  defaultPrompt: 'gpt-script',
  judge: false,
  parseAnswer(output) {
    if (isEmpty(output)) return { prediction: null, status: 'empty' };
    const answer = gptScoredAnswer(output);
    return answer === null ? { prediction: null, status: 'unparsed' } : { prediction: answer, status: 'ok' };
  },
  parseExplanation(output) {
    if (isEmpty(output)) return { prediction: '', status: 'empty' };
    const failed = parseGptRegex(output).answer === '' && parseGptRegex(output).explanation === '';
    return { prediction: gptScoredExplanation(output), status: failed ? 'unparsed' : 'ok' };
  },
  scoredAnswer: (prediction) => prediction,
  scoredExplanation: (prediction) => prediction ?? '',
  goldExplanation: (target) => (target.explanation.trim() === '' ? null : [target.explanation]),
};

/** The CMExam protocols by name: each one's whole definition. */
export const CMEXAM_PROTOCOL_DEFINITIONS: Readonly<Record<CmexamProtocolName, CmexamProtocolDefinition>> = Object.freeze({
  standard,
  'cmexam-paper': paper,
  'cmexam-gpt': gpt,
});

/**
 * A CMExam protocol's definition by name; an unknown name throws, listing the valid ones.
 *
 * @example
 * const paper = cmexamProtocol('cmexam-paper');
 * paper.parseAnswer('答案：C', sample); // the LoRA parser's reading
 * paper.info.reproduces;               // 'CMExam paper Table 3 (…)'
 */
export function cmexamProtocol(name: string): CmexamProtocolDefinition {
  const definition = (CMEXAM_PROTOCOL_DEFINITIONS as Record<string, CmexamProtocolDefinition>)[name];
  if (!definition) {
    getProtocol(name); // a name no recipe has: the registry's message lists every recipe
    throw new Error(`protocol "${name}" is not a CMExam recipe; the CMExam tasks take: ${Object.keys(CMEXAM_PROTOCOL_DEFINITIONS).join(', ')}`);
  }
  return definition;
}
