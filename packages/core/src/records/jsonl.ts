// One record per line of records.jsonl. Writing is plain JSON.stringify (keys in a fixed order);
// reading validates the shape with zod so a damaged file fails with its name, line and the problem.
import { evalRecordSchema, type EvalRecord } from './record-schema.js';

/** A record as one JSON line (with the trailing newline). Non-finite numbers become null (JSON.stringify's own rule). */
export function recordToLine(record: EvalRecord): string {
  return `${JSON.stringify(record)}\n`;
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
