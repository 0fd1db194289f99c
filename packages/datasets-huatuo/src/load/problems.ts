// Bad lines are never dropped silently: each one is counted under its reason and the first few are kept
// with file and line for messages. Reasons are a closed set so counts from different files add up.

export type BadLineReason = 'bad JSON' | 'not a JSON object' | 'missing field' | 'wrong type' | 'empty list';

export interface BadLine {
  /** 1-based line number, as editors show it (the sample id would be `line - 1`). */
  line: number;
  reason: BadLineReason;
  /** What exactly is wrong, e.g. `field "answers" is a number, expected a string`. */
  detail: string;
}

/** How many problems are kept verbatim for messages; all of them are counted. */
export const KEPT_PROBLEMS = 20;

export class ProblemLog {
  readonly reasons: Record<string, number> = {};
  readonly problems: Array<{ row: number; reason: string }> = [];
  skipped = 0;

  constructor(private readonly file: string) {}

  add(bad: BadLine): void {
    this.skipped += 1;
    this.reasons[bad.reason] = (this.reasons[bad.reason] ?? 0) + 1;
    if (this.problems.length < KEPT_PROBLEMS) {
      this.problems.push({ row: bad.line, reason: formatBadLine(this.file, bad) });
    }
  }
}

/**
 * A bad line as `file:line: reason: detail`, the form every load error takes.
 *
 * @example
 * formatBadLine('test.jsonl', { line: 12, reason: 'wrong type', detail: 'field "answers" is a number, expected a string' });
 * // 'test.jsonl:12: wrong type: field "answers" is a number, expected a string'
 */
export function formatBadLine(file: string, bad: BadLine): string {
  return `${file}:${bad.line}: ${bad.reason}: ${bad.detail}`;
}

/** Thrown when a file cannot be read as any Huatuo format at all (the first record says which keys it has). */
export class HuatuoFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: not a Huatuo-26M line: ${detail}`);
    this.name = 'HuatuoFormatError';
  }
}
