// Inputs that would give a wrong number with no sign of it: predictions whose ids match no sample or are the
// data's ids shifted by a constant (1-based numbering, a header counted as a row), and runs in which every
// output is empty (a broken pipeline, not a model that scored 0). They stop with a typed error; the run
// folder is written first, so its records show what was read.
import type { ResultJson } from '../types.js';

export type InputProblem = 'no-matching-ids' | 'shifted-ids' | 'all-outputs-empty';

/** A run whose inputs cannot give a meaningful number. `code` says which check failed. */
export class InputMismatchError extends Error {
  readonly code: InputProblem;
  constructor(code: InputProblem, message: string) {
    super(message);
    this.name = 'InputMismatchError';
    this.code = code;
  }
}

/**
 * Throws when the predictions file does not belong to the data: no id matches, or the ids are the data's
 * ids shifted by a constant.
 *
 * @example
 * checkPredictionIds(result.predictions) // throws InputMismatchError { code: 'shifted-ids' } for 1-based ids
 */
export function checkPredictionIds(summary: NonNullable<ResultJson['predictions']>): void {
  if (summary.read > 0 && summary.matched === 0) {
    const example = summary.unknownIds[0];
    throw new InputMismatchError(
      'no-matching-ids',
      `${summary.source}: none of the ${summary.read} prediction ids is an id of the data` +
        (example ? ` (line ${example.line} has id "${example.id}")` : '') +
        `; ids must be the data's own ids (CMExam: the 0-based data-row index as a string)`,
    );
  }
  if (summary.shift !== undefined) {
    const k = summary.shift;
    const how = k === 1 ? ' — they look 1-based (or count the header as a row)' : k === 2 ? ' — they look like line numbers of the file (header on line 1)' : '';
    throw new InputMismatchError(
      'shifted-ids',
      `${summary.source}: the prediction ids are the data's ids shifted by ${k > 0 ? '+' : ''}${k}${how}, so every output would be ` +
        `scored against another question; subtract ${k} from every id (id 0 is the first data row) and score again`,
    );
  }
}

/**
 * Throws when there were samples but every output that came back is empty.
 *
 * @example
 * checkOutputs(result, { allowEmpty: false }) // throws InputMismatchError { code: 'all-outputs-empty' }
 */
export function checkOutputs(result: ResultJson, options: { allowEmpty: boolean; where: string }): void {
  const { samples, empty, errors } = result.counts;
  if (options.allowEmpty || empty === 0 || empty !== samples - errors) return;
  throw new InputMismatchError(
    'all-outputs-empty',
    `${options.where}: every output is empty (${empty} of ${samples} samples${errors ? `, ${errors} errors` : ''}) — a broken pipeline, ` +
      `not a model that scored 0; check the model / predictions, or pass --allow-empty (allowEmpty: true) to score it anyway`,
  );
}

/**
 * The constant k for which the prediction ids are the data ids + k (k ≠ 0), when that explains every id
 * the data does not have and fits at least as well as k = 0; else undefined.
 */
export function detectIdShift(
  dataIds: ReadonlySet<string> | { has(id: string): boolean },
  predictionIds: readonly string[],
  unknownIds: readonly string[],
  /** The smallest numeric data id, for a `dataIds` that cannot be iterated. */
  dataMin?: number,
): number | undefined {
  if (unknownIds.length === 0 || predictionIds.length === 0) return undefined;
  const numeric = (id: string) => /^-?\d+$/.test(id);
  if (!predictionIds.every(numeric)) return undefined;
  const minOf = (ids: Iterable<string>) => {
    let min = Infinity;
    for (const id of ids) if (numeric(id)) min = Math.min(min, Number(id));
    return min;
  };
  const hits = (k: number) => predictionIds.reduce((n, id) => n + (dataIds.has(String(Number(id) - k)) ? 1 : 0), 0);
  const base = hits(0);
  for (const k of new Set([1, 2, -1, -2, minOf(predictionIds) - (dataMin ?? (Symbol.iterator in dataIds ? minOf(dataIds as Iterable<string>) : Infinity))])) {
    if (k === 0 || !Number.isFinite(k)) continue;
    const explained = unknownIds.every((id) => dataIds.has(String(Number(id) - k)));
    if (explained && hits(k) >= Math.max(base, 0.9 * predictionIds.length)) return k;
  }
  return undefined;
}
