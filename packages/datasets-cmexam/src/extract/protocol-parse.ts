// What each protocol extracts from one output, and how its metrics see an unparsed row:
//   cmexam-paper  LoRA parser; empty output → 无答案 (answer and explanation); 无答案 counts over ALL rows.
//   cmexam-gpt    GPT regex; unparsed rows are DROPPED from accuracy and F1 (prediction null).
//   standard      strict extractor; unparsed rows count as wrong with the label 无答案.
import { splitReasoning, type Parsed } from '@medeval/core';
import type { CmexamSample } from '../schema.js';
import { extractExplanationStrict } from './explanation.js';
import { gptScoredAnswer, gptScoredExplanation, parseGptRegex } from './gpt.js';
import { NO_ANSWER, parseExplanationLora, parseOptionsLora } from './lora.js';
import { csvRoundTrip } from './pandas-csv.js';
import { extractAnswer } from './strict.js';

export type CmexamProtocol = 'cmexam-paper' | 'cmexam-gpt' | 'standard' | (string & {});

const isEmpty = (output: string) => output.trim() === '';

/** Answer letters (paper: LoRA string; gpt: raw capture) or null. */
export function parseAnswer(protocol: CmexamProtocol, output: string, sample: CmexamSample): Parsed<string> {
  if (protocol === 'cmexam-paper') {
    // The script reads outputs back with pandas: '' (and NA tokens such as "NA") become NaN → 无答案.
    const letters = parseOptionsLora(csvRoundTrip(output), sample.input.optionsText);
    if (isEmpty(output)) return { prediction: null, status: 'empty' };
    return letters === NO_ANSWER ? { prediction: null, status: 'unparsed' } : { prediction: letters, status: 'ok' };
  }
  if (protocol === 'cmexam-gpt') {
    if (isEmpty(output)) return { prediction: null, status: 'empty' };
    const answer = gptScoredAnswer(output);
    return answer === null ? { prediction: null, status: 'unparsed' } : { prediction: answer, status: 'ok' };
  }
  const result = extractAnswer({ output, options: sample.input.options, question: sample.input.question });
  return {
    prediction: result.answer,
    status: result.status,
    extraction: { rule: result.rule ?? result.status, span: result.span ?? null },
    ...(result.reasoning !== undefined ? { reasoning: result.reasoning } : {}),
  };
}

/** The explanation each protocol scores. */
export function parseExplanation(protocol: CmexamProtocol, output: string): Parsed<string> {
  if (protocol === 'cmexam-paper') {
    const text = parseExplanationLora(csvRoundTrip(output));
    return { prediction: text, status: isEmpty(output) ? 'empty' : 'ok' };
  }
  if (protocol === 'cmexam-gpt') {
    if (isEmpty(output)) return { prediction: '', status: 'empty' };
    const failed = parseGptRegex(output).answer === '' && parseGptRegex(output).explanation === '';
    return { prediction: gptScoredExplanation(output), status: failed ? 'unparsed' : 'ok' };
  }
  // Reasoning blocks are not the explanation: the text after them is (an unclosed block leaves none).
  const split = splitReasoning(output);
  const reasoning = split.reasoning !== undefined ? { reasoning: split.reasoning } : {};
  if (isEmpty(output)) return { prediction: null, status: 'empty' };
  if (split.truncated) return { prediction: null, status: 'truncated', ...reasoning };
  const text = extractExplanationStrict(split.text);
  if (text === null) return { prediction: null, status: 'unparsed', ...reasoning };
  return { prediction: text, status: text === '' ? 'unparsed' : 'ok', ...reasoning };
}

/** The predicted answer label a protocol's metrics see (null = row dropped from the denominators). */
export function scoredAnswer(protocol: CmexamProtocol, prediction: string | null): string | null {
  if (protocol === 'cmexam-gpt') return prediction;
  return prediction ?? NO_ANSWER;
}

/** The hypothesis text a protocol's explanation metrics see. */
export function scoredExplanation(protocol: CmexamProtocol, prediction: string | null): string {
  if (prediction !== null) return prediction;
  return protocol === 'cmexam-paper' ? NO_ANSWER : '';
}
