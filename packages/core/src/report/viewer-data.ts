// The data the sample viewer embeds in report.html: every sample of one run, or of several runs joined on
// their common ids, in a compact columnar-ish JSON (repeated strings such as rule names and slice values
// become small integer codes). It is embedded as a JSON data block, never as script (see embedJson).
import { sliceKey } from '../aggregate/slice-key.js';
import { HashedTable } from '../cache/hashed-table.js';
import type { ChatMessage, EvalRecord, ResultJson, Status } from '../types.js';
import { displayValue, metricLabel, orderMetrics, primaryMetric } from './format.js';

/** How one sample came out for one run. `correct`/`wrong` only when the primary metric is 0/1 per sample. */
export const OUTCOMES = ['correct', 'wrong', 'scored', 'unparsed', 'empty', 'truncated', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ViewerRun {
  /** The run's name as shown (model id, or the folder given to compare). */
  name: string;
  result: ResultJson;
  /** A run folder's records(), an in-memory sink's array, or any (async) iterable of records. */
  records: AsyncIterable<EvalRecord> | Iterable<EvalRecord>;
}

/** One sample of one run, positional to keep 68k samples small: see CELL_FIELDS. */
export type ViewerCell = [
  outcome: number,
  prediction: string,
  output: string | null,
  reasoning: string | 0,
  rule: number,
  span: string | 0,
  scores: Array<number | null>,
  tokens: [prompt: number, completion: number, reasoning: number] | 0,
  latencyMs: number | -1,
  attempts: number | -1,
  cached: 0 | 1,
  error: string | 0,
  prompt: number | -1,
];

export interface ViewerData {
  v: 1;
  runs: string[];
  outcomes: readonly string[];
  /** Score columns (metric names) and their labels, in report order. */
  scores: Array<{ name: string; label: string }>;
  /** Index into `scores` of the metric that decides correct / wrong, or -1. */
  primary: number;
  dims: Array<{ name: string; keys: string[]; labels: string[] }>;
  rules: string[];
  /** Distinct prompts (messages), referenced by index from cells: a few-shot prefix is stored once per distinct prompt. */
  prompts: ChatMessage[][];
  /** Per sample: [id, question, gold, slice value codes (one per dim, -1 = absent)]. */
  samples: Array<[string, string, string, number[]]>;
  /** cells[run][sample]. */
  cells: ViewerCell[][];
  /** Samples only one of the runs has (not shown; compare only). */
  unmatched: number;
  /** Common samples left out by maxSamples (compare only). */
  capped: number;
}

/**
 * Reads every record of every run into the viewer's data. One run: every sample in records order. Several
 * runs: the samples every run has, in the first run's order (as compare joins them).
 *
 * @example
 * const data = await viewerData([{ name: 'gpt-4o', result, records }]);
 * data.samples.length // → result.counts.samples
 */
export async function viewerData(runs: readonly ViewerRun[], options: { maxSamples?: number } = {}): Promise<ViewerData> {
  if (runs.length === 0) throw new Error('viewerData: no run');
  const first = runs[0]!.result;
  const names = orderMetrics(Object.keys(first.metrics));
  const primaryName = primaryMetric(names) ?? undefined;
  // Correct / wrong only when the primary metric is a proportion of 0/1 samples (Wilson interval).
  const binary = primaryName !== undefined && first.metrics[primaryName]?.interval === 'wilson';
  const dims = Object.keys(first.slices).map((name) => {
    const values = first.slices[name] ?? {};
    const keys = Object.keys(values);
    return { name, keys, labels: keys.map((k) => values[k]?.label ?? k), index: new Map(keys.map((k, i) => [k, i])) };
  });
  const codes: Codes = { rules: new Map<string, number>(), prompts: new HashedTable(1) };
  const data: ViewerData = {
    v: 1,
    runs: runs.map((r) => r.name),
    outcomes: OUTCOMES,
    scores: names.map((name) => ({ name, label: metricLabel(name) })),
    primary: primaryName === undefined ? -1 : names.indexOf(primaryName),
    dims: dims.map(({ name, keys, labels }) => ({ name, keys, labels })),
    rules: [],
    prompts: [],
    samples: [],
    cells: runs.map(() => []),
    unmatched: 0,
    capped: 0,
  };
  const limit = options.maxSamples ?? Number.POSITIVE_INFINITY;
  const cellOf = (record: EvalRecord): ViewerCell => toCell(record, names, primaryName, binary, data, codes);

  if (runs.length === 1) {
    if (limit <= 0) return data;
    for await (const record of runs[0]!.records) {
      data.samples.push(sampleRow(record, dims));
      data.cells[0]!.push(cellOf(record));
      if (data.samples.length >= limit) break;
    }
    return data;
  }
  // Several runs: the later runs by id, then the first run's order decides.
  const later: Array<Map<string, EvalRecord>> = [];
  for (const run of runs.slice(1)) {
    const byId = new Map<string, EvalRecord>();
    for await (const record of run.records) byId.set(record.id, record);
    later.push(byId);
  }
  let firstCount = 0;
  for await (const record of runs[0]!.records) {
    firstCount++;
    const others = later.map((byId) => byId.get(record.id));
    if (others.some((r) => r === undefined)) continue;
    if (data.samples.length >= limit) {
      data.capped++;
      continue;
    }
    data.samples.push(sampleRow(record, dims));
    data.cells[0]!.push(cellOf(record));
    others.forEach((r, i) => data.cells[i + 1]!.push(cellOf(r!)));
  }
  const sizes = [firstCount, ...later.map((m) => m.size)];
  const common = data.samples.length + data.capped;
  data.unmatched = sizes.reduce((s, n) => s + n - common, 0);
  return data;
}

function sampleRow(record: EvalRecord, dims: Array<{ name: string; index: Map<string, number> }>): ViewerData['samples'][number] {
  return [
    record.id,
    record.input ?? '',
    displayValue(record.target),
    dims.map((d) => d.index.get(sliceKey(record.meta?.[d.name])) ?? -1),
  ];
}

function outcomeOf(record: EvalRecord, primary: string | undefined, binary: boolean): Outcome {
  const status: Status = record.status;
  if (status !== 'ok') return status;
  const score = primary === undefined ? null : record.scores?.[primary];
  if (!binary || typeof score !== 'number') return 'scored';
  return score > 0 ? 'correct' : 'wrong';
}

function toCell(
  record: EvalRecord,
  names: string[],
  primary: string | undefined,
  binary: boolean,
  data: ViewerData,
  codes: Codes,
): ViewerCell {
  const code = <T>(map: Map<string, number>, list: T[], key: string, value: T): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.length;
      map.set(key, i);
      list.push(value);
    }
    return i;
  };
  const rule = record.extraction ? code(codes.rules, data.rules, record.extraction.rule, record.extraction.rule) : -1;
  const prompt = record.prompt?.length ? promptCode(codes.prompts, data.prompts, record.prompt) : -1;
  const usage = record.usage;
  return [
    OUTCOMES.indexOf(outcomeOf(record, primary, binary)),
    displayValue(record.prediction),
    record.output,
    record.reasoning ?? 0,
    rule,
    record.extraction?.span ?? 0,
    names.map((n) => {
      const x = record.scores?.[n];
      return typeof x === 'number' && Number.isFinite(x) ? x : null;
    }),
    usage ? [usage.prompt_tokens, usage.completion_tokens, usage.reasoning_tokens ?? 0] : 0,
    typeof record.latencyMs === 'number' ? record.latencyMs : -1,
    typeof record.attempts === 'number' ? record.attempts : -1,
    record.cached ? 1 : 0,
    record.status === 'error' ? (record.error ?? 'error') : 0,
    prompt,
  ];
}

/** Distinct prompts by the 64-bit hash of their JSON (the JSON itself is not kept: a prompt is often as long as a
 * page, and every question's prompt differs, so a Map keyed by the text held every prompt twice). */
interface Codes {
  rules: Map<string, number>;
  prompts: HashedTable;
}

/** The index of `prompt` in `list`, added when new. A hash hit is confirmed on the text; a hash twin is kept apart. */
function promptCode(table: HashedTable, list: ChatMessage[][], prompt: ChatMessage[]): number {
  const json = JSON.stringify(prompt);
  const at = table.insert(json);
  if (!table.isNew) {
    const known = table.payload[at]!;
    if (JSON.stringify(list[known]) === json) return known;
    list.push(prompt); // another prompt with the same 64-bit hash: listed on its own, never deduplicated
    return list.length - 1;
  }
  table.payload[at] = list.length;
  list.push(prompt);
  return list.length - 1;
}

/**
 * JSON for a `<script type="application/json">` data block: `<`, `>` and `&` (and the line separators
 * JavaScript once treated as newlines) are written as \\u escapes, so no model text can close the block or
 * start markup, and JSON.parse gives back exactly the original strings.
 *
 * @example
 * embedJson({ output: '</script><script>alert(1)</script>' }) // → '{"output":"\\u003c/script\\u003e…"}'
 */
export function embedJson(value: unknown): string {
  return escapeEmbedded(JSON.stringify(value));
}

const escapeEmbedded = (json: string) => json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * `embedJson(value)` in pieces of at most ~64K characters: objects and long arrays (a viewer's 100,000 samples
 * and cells) are written element by element, so a page can go to a file without one string of the whole data
 * block and its escaped copy. Joined, the pieces are `embedJson(value)` exactly (tested).
 *
 * @example
 * for (const piece of embedJsonParts(data)) await handle.write(piece);
 */
export function* embedJsonParts(value: unknown): Generator<string> {
  for (const piece of jsonParts(value, 3)) yield escapeEmbedded(piece);
}

const PIECE_CHARS = 1 << 16;

/** JSON.stringify(value) in pieces, descending `depth` levels into objects and arrays. */
function* jsonParts(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  const array = Array.isArray(value);
  let text = array ? '[' : '{';
  let first = true;
  const entries: Iterable<[string | number, unknown]> = array ? (value as unknown[]).entries() : Object.entries(value);
  for (const [key, item] of entries) {
    // What JSON.stringify leaves out of an object (an array writes null instead).
    const skipped = item === undefined || typeof item === 'function' || typeof item === 'symbol';
    if (skipped && !array) continue;
    text += (first ? '' : ',') + (array ? '' : `${JSON.stringify(key)}:`);
    first = false;
    if (!skipped && item !== null && typeof item === 'object' && isLarge(item)) {
      yield text;
      text = '';
      yield* jsonParts(item, depth - 1);
    } else {
      text += skipped ? 'null' : (JSON.stringify(item) ?? 'null');
      if (text.length >= PIECE_CHARS) {
        yield text;
        text = '';
      }
    }
  }
  yield `${text}${array ? ']' : '}'}`;
}

/** Objects, and arrays that are long or hold a long array (cells[run][sample]): written in pieces. */
const isLarge = (value: object): boolean =>
  !Array.isArray(value) || value.length > 256 || value.some((item) => Array.isArray(item) && item.length > 256);

