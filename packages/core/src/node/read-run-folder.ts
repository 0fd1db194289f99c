// Reading a run folder back: results.json whole, records.jsonl as a stream, every error naming file and line.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRecordLine } from '../records/jsonl.js';
import { resultJsonProblem } from '../records/results-schema.js';
import { readLines } from '../source/lines.js';
import type { EvalRecord, ResultJson } from '../types.js';
import { openFileSource } from './file-source.js';

export interface RunFolder {
  dir: string;
  results: ResultJson;
  /**
   * Streams records.jsonl, validating each line. `chunkBytes` (default 64 KiB) is the read size: many
   * folders read at once (a merge of 100 shards) use small reads to keep memory flat.
   */
  records(options?: { chunkBytes?: number }): AsyncIterable<EvalRecord>;
}

export async function readRunFolder(dir: string): Promise<RunFolder> {
  const resultsPath = join(dir, 'results.json');
  const recordsPath = join(dir, 'records.jsonl');
  let text: string;
  try {
    text = await readFile(resultsPath, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(code === 'ENOENT' ? `${resultsPath}: not found (is ${dir} a medeval run folder?)` : `${resultsPath}: ${(error as Error).message}`);
  }
  let results: ResultJson;
  try {
    results = JSON.parse(text) as ResultJson;
  } catch (error) {
    throw new Error(`${resultsPath}: not valid JSON (${(error as Error).message})`);
  }
  if (!results || typeof results !== 'object' || results.schemaVersion !== 1) {
    throw new Error(`${resultsPath}: unsupported schemaVersion ${JSON.stringify((results as { schemaVersion?: unknown })?.schemaVersion)} (expected 1)`);
  }
  for (const field of ['task', 'metrics', 'slices', 'counts', 'manifest'] as const) {
    if (!results[field] || typeof results[field] !== 'object') throw new Error(`${resultsPath}: missing "${field}"`);
  }
  // Every field a report prints has the type it should: a damaged or hostile file is refused, not rendered.
  const problem = resultJsonProblem(results);
  if (problem) throw new Error(`${resultsPath}: ${problem}`);
  return {
    dir,
    results,
    async *records(options = {}) {
      // readLines copies what it keeps, so one read buffer serves the whole file.
      const source = await openFileSource(recordsPath, { ...options, reuseBuffer: true });
      for await (const { line, lineNumber } of readLines(source)) {
        if (line.trim() === '') continue;
        yield parseRecordLine(line, recordsPath, lineNumber);
      }
    },
  };
}
