// Streams a Huatuo-26M JSON Lines file as samples. Nothing is held in memory but the current line and
// the duplicate hashes; iterating twice re-reads the source. Sample id = 0-based line index in the file
// (blank lines are skipped but still consume their index, so ids always equal `line number - 1`).
import { openSource, readLines, sourceName, type DataSource, type Dataset, type LoadSummary } from '@medeval/core';
import type { HuatuoFormat, HuatuoSample } from '../schema.js';
import { detectFormat, parseLine } from './formats.js';
import { ProblemLog } from './problems.js';
import { TextStats } from './text-stats.js';

export interface LoadOptions {
  /** Which line shape to expect; `auto` (default) decides from the first JSON object in the file. */
  format?: HuatuoFormat | 'auto';
  /** Dataset name shown in results (default `huatuo`). */
  name?: string;
  /** Stop after this many samples (the summary then covers only what was read). */
  limit?: number;
}

interface LoadState {
  log: ProblemLog;
  stats: TextStats;
  read: number;
  loaded: number;
  format: HuatuoFormat | null;
  sha256: string | null;
}

export interface HuatuoDataset extends Dataset<HuatuoSample> {
  /** The format actually read (known after the first record when `auto`). */
  format(): HuatuoFormat | null;
  /** Non-blank lines in the source (a separate pass; no samples built). */
  count(): Promise<number>;
}

/**
 * Huatuo-26M as a dataset: JSONL lines (`{questions, answers}` lists or `{question, answer}` pairs) as samples;
 * a bad line stops the load with `file:line: reason: detail`.
 *
 * @example
 * const dataset = loadHuatuo('huatuo26M-testdatasets/test_datasets.jsonl');
 * for await (const sample of dataset.samples()) console.log(sample.input.question);
 */
export function loadHuatuo(data: DataSource, options: LoadOptions = {}): HuatuoDataset {
  const source = sourceName(data);
  const requested = options.format ?? 'auto';
  const limit = options.limit ?? Infinity;
  let state = freshState(source, requested);

  async function* samples(opts: { signal?: AbortSignal } = {}): AsyncGenerator<HuatuoSample> {
    state = freshState(source, requested);
    const current = state;
    if (limit <= 0) return;
    const bytes = await openSource(data);
    let produced = 0;
    let complete = true;
    for await (const { line, lineNumber } of readLines(bytes)) {
      opts.signal?.throwIfAborted();
      if (line.trim() === '') {
        current.stats.blankLines += 1;
        continue;
      }
      current.read += 1;
      current.format ??= detectFormat(source, lineNumber, line);
      if (current.format === null) {
        // The first records are not even JSON objects: report them under the test format's rules.
        const result = parseLine('test', line, lineNumber - 1);
        if (!result.ok) current.log.add({ line: lineNumber, ...result.bad });
        continue;
      }
      const result = parseLine(current.format, line, lineNumber - 1);
      if (!result.ok) {
        current.log.add({ line: lineNumber, ...result.bad });
        continue;
      }
      current.loaded += 1;
      for (const sample of result.samples) {
        current.stats.addSample(sample.input.question, sample.target.answers);
        yield sample;
        produced += 1;
        if (produced >= limit) break;
      }
      if (produced >= limit) {
        complete = false;
        break;
      }
    }
    if (complete) current.sha256 = bytes.sha256();
  }

  return {
    name: options.name ?? 'huatuo',
    source,
    samples,
    summary: () => toSummary(source, state),
    format: () => state.format,
    // Non-blank lines (one record each), counted without parsing: a progress total from the start.
    async count() {
      let n = 0;
      for await (const { line } of readLines(await openSource(data))) if (line.trim() !== '') n++;
      return n;
    },
  };
}

function freshState(source: string, requested: HuatuoFormat | 'auto'): LoadState {
  return {
    log: new ProblemLog(source),
    stats: new TextStats(),
    read: 0,
    loaded: 0,
    format: requested === 'auto' ? null : requested,
    sha256: null,
  };
}

function toSummary(source: string, state: LoadState): LoadSummary {
  const summary: LoadSummary = {
    source,
    read: state.read,
    loaded: state.loaded,
    skipped: state.log.skipped,
    reasons: { ...state.log.reasons },
    problems: [...state.log.problems],
    stats: state.stats.snapshot(),
  };
  if (state.sha256 !== null) summary.sha256 = state.sha256;
  return summary;
}
