// One JSON Lines record → zero or more samples, per format. Validation order: JSON syntax, object,
// required keys present (missing field), types (wrong type), non-empty lists (empty list).
import type { z } from 'zod';
import type { MetaValue } from '@medeval/core';
import { lineSchemas, requiredKeys, type HuatuoFormat, type HuatuoSample } from '../schema.js';
import { HuatuoFormatError, type BadLine } from './problems.js';

export type LineResult = { ok: true; samples: HuatuoSample[] } | { ok: false; bad: Omit<BadLine, 'line'> };

/** Parses one non-blank line. `index` is the 0-based line index (the sample id). */
export function parseLine(format: HuatuoFormat, text: string, index: number): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, bad: { reason: 'bad JSON', detail: (error as Error).message } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, bad: { reason: 'not a JSON object', detail: `found ${describeType(value)}` } };
  }
  const record = value as Record<string, unknown>;
  const missing = requiredKeys[format].filter((key) => !(key in record));
  if (missing.length > 0) {
    const list = missing.map((key) => `"${key}"`).join(', ');
    return { ok: false, bad: { reason: 'missing field', detail: `${list} missing (${format} format)` } };
  }
  const parsed = lineSchemas[format].safeParse(record);
  if (!parsed.success) return { ok: false, bad: describeIssues(parsed.error, record) };
  const samples = toSamples(format, parsed.data, index);
  // `[[]]` passes the schema but holds no question: a line must never vanish without a reason.
  if (samples.length === 0) return { ok: false, bad: { reason: 'empty list', detail: 'field "questions": no questions in the list' } };
  return { ok: true, samples };
}

function toSamples(format: HuatuoFormat, data: unknown, index: number): HuatuoSample[] {
  const id = String(index);
  if (format === 'test') {
    const line = data as z.infer<(typeof lineSchemas)['test']>;
    return [{ id, input: { question: line.questions }, target: { answers: [line.answers] } }];
  }
  if (format === 'lite') {
    const line = data as z.infer<(typeof lineSchemas)['lite']>;
    const meta: Record<string, MetaValue> = {
      department: line.label,
      liteId: line.id,
      score: line.score,
      relatedDiseases: Array.isArray(line.related_diseases) ? line.related_diseases.join(',') : line.related_diseases,
    };
    return [{ id, input: { question: line.question }, target: { answers: [line.answer] }, meta }];
  }
  const line = data as z.infer<(typeof lineSchemas)['encyclopedia']>;
  const questions = line.questions.flat();
  // Each question of the line is its own sample: "<line>:<k>" keeps ids unique and still names the line.
  return questions.map((question, k) => ({
    id: `${id}:${k}`,
    input: { question },
    target: { answers: [...line.answers] },
    meta: { line: index, questionIndex: k },
  }));
}

/** The first zod issue, phrased with the field name and the type that was found. */
function describeIssues(error: z.ZodError, record: Record<string, unknown>): Omit<BadLine, 'line'> {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const field = path.length > 0 ? path.join('.') : '(line)';
  if (issue.code === 'too_small') return { reason: 'empty list', detail: `field "${field}": ${issue.message}` };
  const found = describeType(pick(record, issue.path));
  const expected = 'expected' in issue ? ` (expected ${String(issue.expected)})` : '';
  return { reason: 'wrong type', detail: `field "${field}" is ${found}${expected}` };
}

function pick(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

/** Picks the format from the keys of the first JSON object; a clear error when none fits. */
export function detectFormat(file: string, line: number, text: string): HuatuoFormat | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // reported as a bad line by the loader; detection moves on to the next line
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if ('question' in record && 'answer' in record) return 'lite';
  if ('questions' in record || 'answers' in record) {
    const listy = Array.isArray(record.questions) || Array.isArray(record.answers);
    return listy ? 'encyclopedia' : 'test';
  }
  const keys = Object.keys(record).slice(0, 10).map((k) => `"${k}"`).join(', ');
  throw new HuatuoFormatError(
    file,
    line,
    `keys ${keys || '(none)'}; expected {"questions","answers"} (test set), ` +
      `{"id","question","answer","score","label","related_diseases"} (Lite) or lists of questions and answers (encyclopedia / knowledge graph)`,
  );
}
