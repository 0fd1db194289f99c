// The `standard` protocol's answer extractor: reads the answer a model finally committed to, the way a
// careful human does, and says `unparsed` / `empty` / `truncated` rather than guessing.
//
// Order of reading (docs/answer-extraction.md):
//   1. reasoning blocks (`<think>…</think>`) are removed and kept apart; an unclosed block → truncated;
//   2. statements that commit (答案：C, 故选A, <C>, \boxed{C}, JSON, "The answer is C", 因此选项E正确, ABCDE都可以)
//      or refuse (无正确答案, a hedge "C或D", an empty <>): the LAST one decides;
//   3. without one: per-option verdicts (A错误，B错误，C正确), a refusal (unparsed), an output that is only or
//      starts with the answer (C / C. 凝血障碍 / C。因为…), and answers given as option text.
import { splitReasoning, type Parsed } from '@medeval/core';
import type { CmexamOption } from '../schema.js';
import { bareAnswer, optionTextAnswer, optionVerdicts, type FallbackRule } from './standard/fallbacks.js';
import { isNegatedQuestion } from './standard/negation.js';
import { normalize, spanOf } from './standard/normalize.js';
import { answerLetters } from './standard/options.js';
import { findStatements, letterPatterns, type Statement, type StatementRule } from './standard/statements.js';

export type StrictRule = StatementRule | FallbackRule | 'refusal' | 'several-on-single' | 'unparsed' | 'empty' | 'truncated';

export interface StrictResult {
  /** Sorted letters (`C`, `ABD`), or null when nothing was extracted. */
  answer: string | null;
  status: 'ok' | 'unparsed' | 'empty' | 'truncated';
  /** Which rule decided, for records and the report's audit table. */
  rule?: StrictRule;
  /** The substring of the output the deciding rule matched (null when nothing was read). */
  span?: string | null;
  /** Reasoning removed from the output before reading it (think blocks). */
  reasoning?: string;
}

/** What the extractor reads: the output and the question it answers. */
export interface ExtractInput {
  output: string | null;
  options: readonly CmexamOption[];
  /** The question text: a negated question (`不正确的是`) turns "E是错误的" into a choice of E. */
  question?: string;
  /**
   * The task knows the question has exactly one right answer (CMMLU; CMB's 单项选择题). Several committed
   * letters are then no answer (rule `several-on-single`), the way a careful reader marks them, not a wrong
   * multi-letter answer. Unknown (CMExam mixes both kinds without saying which) leaves letters as read.
   */
  single?: boolean;
}

const REFUSAL =
  /无法回答|无法作答|不能回答|不能提供|无法提供|抱歉|对不起|作为(?:一个)?(?:AI|人工智能)|请咨询|I (?:cannot|can't|am unable)|I'm sorry|as an AI|不知道|不清楚|I don't know/i;

/**
 * Reads the answer letters a model committed to.
 *
 * @example
 * extractStrict('<think>像是A……</think>\n因此，选项C正确。', options) // → { answer: 'C', status: 'ok', rule: 'verdict-conclusion', span: '因此，选项C正确' }
 * extractStrict('可能是C，也可能是D。', options)                 // → { answer: null, status: 'unparsed', … }
 */
export function extractStrict(output: string | null, options: readonly CmexamOption[], question?: string): StrictResult {
  return extractAnswer({ output, options, ...(question !== undefined ? { question } : {}) });
}

export function extractAnswer(input: ExtractInput): StrictResult {
  const result = readAnswer(input);
  if (input.single === true && result.answer !== null && result.answer.length > 1) {
    const { answer: _several, ...rest } = result;
    return { ...rest, answer: null, status: 'unparsed', rule: 'several-on-single' };
  }
  return result;
}

function readAnswer(input: ExtractInput): StrictResult {
  const { output, options } = input;
  if (output === null || output.trim() === '') return { answer: null, status: 'empty', rule: 'empty', span: null };
  const split = splitReasoning(output);
  const reasoning = split.reasoning !== undefined ? { reasoning: split.reasoning } : {};
  if (split.truncated) return { answer: null, status: 'truncated', rule: 'truncated', span: null, ...reasoning };
  if (split.text.trim() === '') return { answer: null, status: 'unparsed', rule: 'unparsed', span: null, ...reasoning };

  // A model that echoes its question first: the echo is not part of the answer. A model that answers and
  // then writes the question again has started a new, invented turn: only what came before counts.
  const answerText = removeEcho(split.text, input.question, options);
  const bold = [...answerText.matchAll(/\*\*([^*\n]{1,60})\*\*/g)].map((m) => m[1]!.trim());
  const n = normalize(answerText);
  const text = n.text;
  const p = letterPatterns(answerLetters(options));
  const negated = isNegatedQuestion(input.question);
  const read = (rule: StrictRule, start: number, end: number, letters: string | null): StrictResult =>
    letters === null
      ? { answer: null, status: 'unparsed', rule, span: spanOf(n, start, end), ...reasoning }
      : { answer: letters, status: 'ok', rule, span: spanOf(n, start, end), ...reasoning };

  const last = lastStatement(findStatements(text, options, p, negated));
  if (last) return read(last.rule, last.start, last.end, last.letters);

  const verdicts = optionVerdicts(text, p, negated, options);
  if (verdicts) return read(verdicts.rule, verdicts.start, verdicts.end, verdicts.letters);
  if (REFUSAL.test(text)) return { answer: null, status: 'unparsed', rule: 'refusal', span: REFUSAL.exec(split.text)?.[0] ?? null, ...reasoning };

  const reading = bareAnswer(text, options, p) ?? optionTextAnswer(text, bold, options, negated);
  if (reading) return read(reading.rule, reading.start, reading.end, reading.letters);
  return { answer: null, status: 'unparsed', rule: 'unparsed', span: null, ...reasoning };
}

/** The output without verbatim copies of its question (at least 8 characters long). */
function removeEcho(text: string, question: string | undefined, options: readonly CmexamOption[]): string {
  const q = question?.trim();
  if (!q || [...q].length < 8) return text;
  const at = text.indexOf(q);
  if (at > 0) {
    const before = text.slice(0, at);
    if (extractAnswer({ output: before, options }).status === 'ok') return before;
  }
  return text.split(q).join('\n');
}

/** The statement that comes last; at one position the fuller reading (higher rank, longer) wins. */
function lastStatement(found: Statement[]): Statement | null {
  let best: Statement | null = null;
  for (const s of found) {
    if (
      !best ||
      s.start > best.start ||
      (s.start === best.start && (s.rank > best.rank || (s.rank === best.rank && s.end > best.end)))
    ) {
      best = s;
    }
  }
  // A statement that lies inside the span of a later-starting one cannot be "later": compare by end too.
  return best;
}

/** Kept for callers of the first version: markdown and full-width normalization only. */
export function normalizeOutput(output: string): string {
  return normalize(output).text;
}

/**
 * The standard extractor's reading as a task's `Parsed` (prediction, status, the rule and span that decided,
 * and the reasoning it removed): what any multiple-choice task under `standard` returns from `parse`.
 *
 * @example
 * strictParsed('答案：C', options) // → { prediction: 'C', status: 'ok', extraction: { rule: …, span: '答案：C' } }
 * strictParsed('答案：ABCD', options, question, { single: true }) // → { prediction: null, status: 'unparsed', extraction: { rule: 'several-on-single', … } }
 */
export function strictParsed(
  output: string,
  options: readonly CmexamOption[],
  question?: string,
  hints: { single?: boolean } = {},
): Parsed<string> {
  const read = extractAnswer({ output, options, ...(question !== undefined ? { question } : {}), ...(hints.single !== undefined ? { single: hints.single } : {}) });
  return {
    prediction: read.answer,
    status: read.status,
    extraction: { rule: read.rule ?? 'none', span: read.span ?? null },
    ...(read.reasoning !== undefined ? { reasoning: read.reasoning } : {}),
  };
}
