// loadCmexam: a streaming Dataset over an official CSV, a third-party CSV conversion, JSON Lines or the
// Hugging Face layout. Each iteration re-reads the source; only one row is held at a time.
import { decodeUtf8, openSource, sourceName } from '@medeval/core';
import type { DataSource, Dataset, LoadSummary } from '@medeval/core';
import { ANNOTATION_COLUMNS, annotationColumnFor, type AnnotationColumn } from '../annotations.js';
import type { CmexamSample } from '../schema.js';
import { CsvParser, CsvSyntaxError } from './csv.js';
import { fieldForHeader, normalizeRow, type RowResult } from './row.js';

export type CmexamFormat = 'auto' | 'csv' | 'jsonl' | 'json';

export interface LoadCmexamOptions {
  /** Default `auto`: from the file extension, else from the first character (`{` JSONL, `[` JSON). */
  format?: CmexamFormat;
  /** Stop after this many loaded samples. */
  limit?: number;
  /** Dataset name (default `cmexam`). */
  name?: string;
  /**
   * Rows that cannot be parsed at all (wrong field count, text after a closing quote, a JSON line that is
   * not JSON) stop loading with an error naming file, row and reason, as pandas does (default). With
   * `skipBadRows` they are skipped and reported in the load summary instead.
   */
  skipBadRows?: boolean;
}

const MAX_PROBLEMS = 50;

/** A raw record with its 0-based data-row index and the physical line it starts on. */
interface RawRecord {
  index: number;
  line: number;
  record?: Record<string, unknown>;
  problem?: string;
}

export interface CmexamDataset extends Dataset<CmexamSample> {
  /** Annotation columns the source has, once its header (or first record) was read; else null. */
  annotationColumns(): AnnotationColumn[] | null;
  /** Records in the source (a separate pass; no samples built). */
  count(): Promise<number>;
}

/**
 * CMExam as a dataset: the official CSV (or JSON/JSONL) rows as samples with options, answer, explanation and
 * the five annotations as `meta`. Bad rows stop the load with file and row (or are skipped and counted).
 *
 * @example
 * const dataset = loadCmexam('data/val.csv');
 * for await (const sample of dataset.samples()) console.log(sample.id, sample.target.answer, sample.meta['Clinical Department']);
 */
export function loadCmexam(data: DataSource, options: LoadCmexamOptions = {}): CmexamDataset {
  const source = sourceName(data);
  let summary = emptySummary(source);
  let columns: AnnotationColumn[] | null = null;
  const noteColumns = (headers: string[]) => {
    columns ??= ANNOTATION_COLUMNS.filter((c) => headers.some((h) => annotationColumnFor(h) === c));
  };
  return {
    name: options.name ?? 'cmexam',
    source,
    summary: () => summary,
    annotationColumns: () => columns,
    // Records (rows) in the source, counted without building samples: a progress total from the start.
    async count() {
      const bytes = await openSource(data);
      const format = options.format && options.format !== 'auto' ? options.format : formatFromName(source);
      let n = 0;
      for await (const _ of readRecords(decodeUtf8(bytes), source, format, () => undefined)) n++;
      return n;
    },
    async *samples() {
      summary = emptySummary(source);
      const bytes = await openSource(data);
      const format = options.format && options.format !== 'auto' ? options.format : formatFromName(source);
      const texts = decodeUtf8(bytes);
      let complete = true;
      for await (const raw of readRecords(texts, source, format, noteColumns)) {
        if (options.limit !== undefined && summary.loaded >= options.limit) {
          complete = false;
          break;
        }
        summary.read++;
        if (raw.problem && !options.skipBadRows) {
          throw new CsvSyntaxError(
            source,
            raw.line,
            `data row ${raw.index}: ${raw.problem} (the row cannot be parsed; fix the file, or pass --skip-bad-rows / skipBadRows to skip such rows and report them)`,
          );
        }
        const result: RowResult = raw.problem
          ? { ok: false, reason: raw.problem }
          : normalizeRow(raw.record ?? {}, raw.index);
        if (!result.ok) {
          skip(summary, raw, result.reason);
          continue;
        }
        count(summary, result);
        summary.loaded++;
        yield result.sample;
      }
      if (complete) summary.sha256 = bytes.sha256() ?? undefined;
    },
  };
}

function emptySummary(source: string): LoadSummary {
  return {
    source,
    read: 0,
    loaded: 0,
    skipped: 0,
    reasons: {},
    problems: [],
    stats: {
      emptyAnswer: 0,
      multiAnswer: 0,
      emptyExplanation: 0,
      fourOptions: 0,
      skippedLetters: 0,
      literalNewlines: 0,
      nanCells: 0,
    },
  };
}

function skip(summary: LoadSummary, raw: RawRecord, reason: string): void {
  summary.skipped++;
  // Group reasons by their kind (text before the first quote or colon), so counts stay readable.
  const kind = reason.replace(/\s*[("“:].*$/s, '').trim() || reason;
  summary.reasons[kind] = (summary.reasons[kind] ?? 0) + 1;
  if (summary.problems.length < MAX_PROBLEMS) {
    summary.problems.push({ row: raw.index, reason: `${summary.source}: row ${raw.index} (line ${raw.line}): ${reason}` });
  }
}

function count(summary: LoadSummary, result: Extract<RowResult, { ok: true }>): void {
  const stats = summary.stats!;
  const { answer, explanation } = result.sample.target;
  const letters = result.sample.input.options.map((o) => o.letter).join('');
  if (answer === '') stats['emptyAnswer']!++;
  if (answer.length > 1) stats['multiAnswer']!++;
  if (explanation === '') stats['emptyExplanation']!++;
  if (letters.length === 4) stats['fourOptions']!++;
  if (!'ABCDEFGHIJ'.startsWith(letters)) stats['skippedLetters']!++;
  if (result.flags.literalNewlines) stats['literalNewlines']!++;
  stats['nanCells']! += result.flags.nanCells;
}

function formatFromName(name: string): CmexamFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  return 'auto';
}

async function* readRecords(
  texts: AsyncIterable<string>,
  file: string,
  format: CmexamFormat,
  noteColumns: (headers: string[]) => void,
): AsyncGenerator<RawRecord> {
  // Sniff the format from the first non-blank character when the name did not tell.
  const iterator = texts[Symbol.asyncIterator]();
  const head: string[] = [];
  let chosen = format;
  while (chosen === 'auto') {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    const first = head.join('').trimStart()[0];
    if (first !== undefined) chosen = first === '{' ? 'jsonl' : first === '[' ? 'json' : 'csv';
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const records =
    chosen === 'jsonl' ? jsonLinesRecords(replay()) : chosen === 'json' ? jsonArrayRecords(replay(), file) : csvRecords(replay(), file);
  for await (const raw of records) {
    if (raw.record) noteColumns(Object.keys(raw.record));
    yield raw;
  }
}

async function* csvRecords(texts: AsyncIterable<string>, file: string): AsyncGenerator<RawRecord> {
  const parser = new CsvParser(file);
  let header: string[] | null = null;
  let index = 0;
  const toRaw = (fields: string[], line: number, problem?: string): RawRecord => {
    if (problem) return { index: index++, line, problem };
    if (fields.length !== header!.length) {
      return { index: index++, line, problem: `expected ${header!.length} fields, found ${fields.length}` };
    }
    const record: Record<string, unknown> = {};
    header!.forEach((name, i) => (record[name] = fields[i]));
    return { index: index++, line, record };
  };
  const handle = function* (records: ReturnType<CsvParser['push']>): Generator<RawRecord> {
    for (const r of records) {
      if (header === null) {
        header = r.fields.map((h) => h.replace(/^\uFEFF/, '').trim());
        checkHeader(header, file);
        continue;
      }
      yield toRaw(r.fields, r.line, r.problem);
    }
  };
  for await (const text of texts) yield* handle(parser.push(text));
  yield* handle(parser.end());
  if (header === null) throw new CsvSyntaxError(file, 1, 'empty file: no header row');
}

function checkHeader(header: string[], file: string): void {
  const fields = new Set(header.map((h) => fieldForHeader(h)));
  const missing = ['question', 'options', 'answer'].filter((f) => !fields.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => f[0]!.toUpperCase() + f.slice(1)).join(', ');
    throw new CsvSyntaxError(file, 1, `missing column(s) ${names}; header is ${JSON.stringify(header.join(','))}`);
  }
}

async function* jsonLinesRecords(texts: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let buffered = '';
  let lineNumber = 0;
  let index = 0;
  const parseLine = (line: string): RawRecord | null => {
    lineNumber++;
    if (line.trim() === '') return null;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { index: index++, line: lineNumber, problem: 'line is not a JSON object' };
      }
      return { index: index++, line: lineNumber, record: value as Record<string, unknown> };
    } catch (error) {
      return { index: index++, line: lineNumber, problem: `invalid JSON: ${(error as Error).message}` };
    }
  };
  for await (const text of texts) {
    buffered += text;
    let start = 0;
    let newline = buffered.indexOf('\n', start);
    while (newline !== -1) {
      const raw = parseLine(buffered.slice(start, newline).replace(/\r$/, ''));
      if (raw) yield raw;
      start = newline + 1;
      newline = buffered.indexOf('\n', start);
    }
    buffered = buffered.slice(start);
  }
  const last = parseLine(buffered.replace(/\r$/, ''));
  if (last) yield last;
}

/** A JSON array (a Hugging Face export) cannot be streamed without a streaming JSON parser: read whole. */
async function* jsonArrayRecords(texts: AsyncIterable<string>, file: string): AsyncGenerator<RawRecord> {
  let text = '';
  for await (const chunk of texts) text += chunk;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new Error(`${file}: expected a JSON array of rows`);
  let index = 0;
  for (const item of value) {
    const raw: RawRecord = { index, line: index + 1 };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) raw.problem = 'item is not a JSON object';
    else raw.record = item as Record<string, unknown>;
    index++;
    yield raw;
  }
}
