// Joining a predictions file ({"id","output"} per line) with the dataset, streaming: when both are in
// the same order only a few lines are buffered; out-of-order predictions wait in a Map until their
// sample comes. Bad lines fail with file and line; unknown ids are counted and reported.
import { z } from 'zod';
import { openSource, readLines, type DataSource } from '../source/source.js';
import type { ResultJson, Sample } from '../types.js';
import { detectIdShift } from './input-checks.js';
import { HashedIdSet } from './id-set.js';
import { IntegerIdSet } from './integer-ids.js';
import type { PredictionLine } from './options.js';

export class PredictionsError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'PredictionsError';
  }
}

const lineSchema = z.object({
  id: z.union([z.string(), z.number().int()]).transform(String),
  output: z.string().nullable(),
  // A reasoning model's trace, kept in the record and never extracted from.
  reasoning: z.string().nullable().optional(),
});

interface Located extends PredictionLine {
  line: number;
}

/**
 * Reported in results.json `predictions`: lines read (blank lines skipped), matched, missing (dataset
 * samples with no prediction: status "error" records), unknown (ids not in the dataset; counted only
 * when the whole dataset was read) and the first 20 unknown ids with their lines.
 */
export type PredictionsSummary = NonNullable<ResultJson['predictions']>;

async function* linesOf(predictions: DataSource | AsyncIterable<PredictionLine>, file: string): AsyncGenerator<Located> {
  if (typeof predictions === 'string' || 'text' in predictions || 'bytes' in predictions) {
    const source = await openSource(predictions as DataSource);
    for await (const { line, lineNumber } of readLines(source)) {
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new PredictionsError(file, lineNumber, `not valid JSON (${(error as Error).message})`);
      }
      const parsed = lineSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.length ? `"${issue.path.join('.')}"` : 'the line';
        throw new PredictionsError(file, lineNumber, `${field}: ${issue.message} (expected {"id": string, "output": string})`);
      }
      yield { ...withoutNullReasoning(parsed.data), line: lineNumber };
    }
    return;
  }
  let index = 0;
  for await (const value of predictions) {
    index++;
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) throw new PredictionsError(file, index, `item ${index}: expected { id: string, output: string }`);
    yield { ...withoutNullReasoning(parsed.data), line: index };
  }
}

function withoutNullReasoning(line: z.output<typeof lineSchema>): PredictionLine {
  const { reasoning, ...rest } = line;
  return typeof reasoning === 'string' ? { ...rest, reasoning } : rest;
}

export interface Join<S> {
  pairs: AsyncGenerator<{ sample: S; prediction: Located | undefined }>;
  summary(): PredictionsSummary;
}

export function joinPredictions<S extends Sample>(
  samples: AsyncIterable<S>,
  predictions: DataSource | AsyncIterable<PredictionLine>,
  options: { limited: boolean },
): Join<S> {
  const file = typeof predictions === 'string' ? predictions : 'name' in predictions ? (predictions as { name: string }).name : 'predictions';
  const summary: PredictionsSummary = { source: file, read: 0, matched: 0, missing: 0, unknown: 0, unknownIds: [] };
  const buffered = new Map<string, Located>();
  // Ids seen so far, as fingerprints (a million ids in ~8 MB). A hash hit is confirmed by reading the source again up to
  // this line before it is called a duplicate; predictions given as objects in memory are checked exactly instead.
  // (Both id tables are let go once the join has ended: the run's report is built after it.)
  let seen = new HashedIdSet();
  const rereadable = typeof predictions === 'string' || 'text' in predictions || 'bytes' in predictions;
  let seenExactly = rereadable ? undefined : new Set<string>();
  // The integer ids on both sides, to tell a shifted numbering (1-based ids) from a partial overlap: one bit an
  // id (a shift only exists between numbers).
  let dataIds = new IntegerIdSet();
  let predictionIds = new IntegerIdSet();
  const unknownAll: string[] = [];
  const reader = linesOf(predictions, file);
  let exhausted = false;

  async function next(): Promise<Located | undefined> {
    if (exhausted) return undefined;
    const step = await reader.next();
    if (step.done) {
      exhausted = true;
      return undefined;
    }
    const p = step.value;
    summary.read++;
    const duplicate = (first?: number) =>
      new PredictionsError(file, p.line, `duplicate id "${p.id}" (${first === undefined ? '' : `first on line ${first}; `}each sample must have one prediction)`);
    if (seenExactly) {
      if (seenExactly.has(p.id)) throw duplicate();
      seenExactly.add(p.id);
    } else if (seen.add(p.id)) {
      const first = await earlierLineOf(predictions as DataSource, p.id, p.line);
      if (first !== undefined) throw duplicate(first);
    }
    predictionIds.add(p.id);
    return p;
  }

  async function* pairs() {
    for await (const sample of samples) {
      dataIds.add(sample.id);
      let found = buffered.get(sample.id);
      if (found) buffered.delete(sample.id);
      while (!found) {
        const p = await next();
        if (!p) break;
        if (p.id === sample.id) found = p;
        else buffered.set(p.id, p);
      }
      if (found) summary.matched++;
      else summary.missing++;
      yield { sample, prediction: found };
    }
    if (options.limited) return;
    // The whole dataset was read: whatever is left has no sample. Read to the end so that duplicates
    // and bad lines are still reported.
    for (let p = await next(); p; p = await next()) buffered.set(p.id, p);
    for (const p of buffered.values()) {
      unknownAll.push(p.id);
      summary.unknown++;
      if (summary.unknownIds.length < 20) summary.unknownIds.push({ id: p.id, line: p.line });
    }
    buffered.clear();
    if (unknownAll.length > 0 && predictionIds.all && predictionIds.tracking && dataIds.tracking) {
      const shift = detectIdShift(dataIds, [...predictionIds.ids()], unknownAll, dataIds.min);
      if (shift !== undefined) summary.shift = shift;
    }
    // Nothing is read after this: the id tables (~8 MB for a million ids) go before the report is built.
    seen = new HashedIdSet();
    dataIds = new IntegerIdSet();
    predictionIds = new IntegerIdSet();
    seenExactly = seenExactly && new Set<string>();
    unknownAll.length = 0;
  }

  return { pairs: pairs(), summary: () => summary };
}

/**
 * The first line before `before` of a predictions source whose id is `id`, or undefined: the source is read again
 * only on a hit of the id hashes (a duplicate, which ends the run, or a fingerprint twin, ~0.003 in a run of a million ids).
 */
async function earlierLineOf(predictions: DataSource, id: string, before: number): Promise<number | undefined> {
  for await (const { line: text, lineNumber } of readLines(await openSource(predictions))) {
    if (lineNumber >= before) return undefined;
    if (text.trim() === '') continue;
    const value = JSON.parse(text) as { id?: unknown };
    if (value.id !== undefined && value.id !== null && String(value.id) === id) return lineNumber;
  }
  return undefined;
}
