// One record per line of records.jsonl. Writing is plain JSON.stringify (keys in a fixed order);
// reading validates the shape with zod so a damaged file fails with its name, line and the problem.
import { z } from 'zod';
import type { EvalRecord } from '../types.js';

const metaValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const evalRecordSchema = z.object({
  id: z.string(),
  target: z.unknown(),
  output: z.string().nullable(),
  prediction: z.unknown(),
  status: z.enum(['ok', 'unparsed', 'empty', 'truncated', 'error']),
  extraction: z.object({ rule: z.string(), span: z.string().nullable() }).optional(),
  reasoning: z.string().optional(),
  error: z.string().optional(),
  scores: z.record(z.string(), z.number().nullable()),
  items: z.record(z.string(), z.unknown()),
  meta: z.record(z.string(), metaValue),
  cached: z.boolean(),
  input: z.string().optional(),
  prompt: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).optional(),
  attempts: z.number().int().nonnegative().optional(),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
      total_tokens: z.number().int().nonnegative(),
      reasoning_tokens: z.number().int().nonnegative().optional(),
    })
    .optional(),
  latencyMs: z.number().nonnegative().optional(),
  position: z.number().int().nonnegative().optional(),
  epoch: z.number().int().min(1).optional(),
});

/** A record as one JSON line (with the trailing newline). Non-finite numbers become null. */
export function recordToLine(record: EvalRecord): string {
  return `${JSON.stringify(record, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value))}\n`;
}

/** Thrown for a bad line: names the file and the 1-based line. */
export class RecordLineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'RecordLineError';
  }
}

/** Parses and validates one line of records.jsonl. */
export function parseRecordLine(text: string, file = 'records.jsonl', line = 1): EvalRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RecordLineError(file, line, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = evalRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'record';
    throw new RecordLineError(file, line, `${where}: ${issue.message}`);
  }
  return parsed.data as EvalRecord;
}
