// How answers were read, for results.json and the reports: records per extraction rule, and the first
// few outputs that could not be read (unparsed, truncated), so a user sees at a glance whether a model's
// format was understood. Memory: one counter per rule and at most EXAMPLES_PER_STATUS clipped outputs.
import type { EvalRecord, ExtractionExample, ExtractionSummary, Status } from '../types.js';

/** Examples kept per status (unparsed, truncated). */
export const EXAMPLES_PER_STATUS = 3;
/** Longer outputs keep their start and end (where a final answer would be), joined by an ellipsis. */
const HEAD = 160;
const TAIL = 320;

const SHOWN: ReadonlySet<Status> = new Set<Status>(['unparsed', 'truncated']);

export class ExtractionAudit {
  private readonly rules = new Map<string, number>();
  private readonly examples: ExtractionExample[] = [];
  private readonly shown = new Map<Status, number>();

  add(record: Pick<EvalRecord, 'id' | 'status' | 'output' | 'extraction'>): void {
    const rule = record.extraction?.rule;
    if (typeof rule === 'string') this.rules.set(rule, (this.rules.get(rule) ?? 0) + 1);
    if (!SHOWN.has(record.status) || record.output === null) return;
    const n = this.shown.get(record.status) ?? 0;
    if (n >= EXAMPLES_PER_STATUS) return;
    this.shown.set(record.status, n + 1);
    this.examples.push({ id: record.id, status: record.status, output: clipOutput(record.output) });
  }

  /** The summary, or undefined when no record named a rule and none was unreadable (nothing to audit). */
  finish(): ExtractionSummary | undefined {
    if (this.rules.size === 0 && this.examples.length === 0) return undefined;
    const rules = Object.fromEntries([...this.rules].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
    return { rules, examples: [...this.examples] };
  }
}

/**
 * An output cut to its first and last characters (code points), for reports.
 *
 * @example
 * clipOutput('短') // → '短'
 */
export function clipOutput(text: string): string {
  const chars = [...text];
  if (chars.length <= HEAD + TAIL + 20) return text;
  return `${chars.slice(0, HEAD).join('')} … ${chars.slice(-TAIL).join('')}`;
}
