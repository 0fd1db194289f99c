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
export type ViewerCell = [outcome: number, ...CellText, scores: Array<number | null>, ...CellFacts];

/** A cell's fields between the outcome and the scores. */
type CellText = [prediction: string, output: string | null, reasoning: string | 0, rule: number, span: string | 0];

/** A cell's fields after the scores. */
type CellFacts = [
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

/** What the run's result decides for every cell and row: the score columns, the metric of correct / wrong, the slices. */
interface Layout {
  names: string[];
  primaryName: string | undefined;
  /** Correct / wrong only when the primary metric is a proportion of 0/1 samples (Wilson interval). */
  binary: boolean;
  dims: Array<{ name: string; keys: string[]; labels: string[]; index: Map<string, number> }>;
}

function layoutOf(result: ResultJson): Layout {
  const names = orderMetrics(Object.keys(result.metrics));
  const primaryName = primaryMetric(names) ?? undefined;
  const binary = primaryName !== undefined && result.metrics[primaryName]?.interval === 'wilson';
  const dims = Object.keys(result.slices).map((name) => {
    const values = result.slices[name] ?? {};
    const keys = Object.keys(values);
    return { name, keys, labels: keys.map((k) => values[k]?.label ?? k), index: new Map(keys.map((k, i) => [k, i])) };
  });
  return { names, primaryName, binary, dims };
}

/** The data's fields before rules, prompts, samples and cells: what the run's result decides. */
function headOf(runNames: string[], layout: Layout): Pick<ViewerData, 'v' | 'runs' | 'outcomes' | 'scores' | 'primary' | 'dims'> {
  const { names, primaryName, dims } = layout;
  return {
    v: 1,
    runs: runNames,
    outcomes: OUTCOMES,
    scores: names.map((name) => ({ name, label: metricLabel(name) })),
    primary: primaryName === undefined ? -1 : names.indexOf(primaryName),
    dims: dims.map(({ name, keys, labels }) => ({ name, keys, labels })),
  };
}

function emptyData(runNames: string[], layout: Layout, codes: Codes): ViewerData {
  return {
    ...headOf(runNames, layout),
    rules: codes.ruleList,
    prompts: [], // filled from codes.promptList once every record is read (promptsOf)
    samples: [],
    cells: runNames.map(() => []),
    unmatched: 0,
    capped: 0,
  };
}

/** The distinct prompts as messages (codes keep each as its JSON text). */
const promptsOf = (codes: Codes): ChatMessage[][] => codes.promptList.map((json) => JSON.parse(json) as ChatMessage[]);

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
  const limit = options.maxSamples ?? Number.POSITIVE_INFINITY;
  if (runs.length === 1) {
    const collector = viewerCollector(limit);
    if (limit > 0) {
      for await (const record of runs[0]!.records) if (!collector.add(record)) break;
    }
    return collector.data(runs[0]!.name, runs[0]!.result);
  }
  const layout = layoutOf(runs[0]!.result);
  const codes = newCodes();
  const data = emptyData(runs.map((r) => r.name), layout, codes);
  const cellOf = (record: EvalRecord): ViewerCell => settleCell(openCell(record, codes), layout);
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
    data.samples.push(settleRow(openRow(record), layout));
    data.cells[0]!.push(cellOf(record));
    others.forEach((r, i) => data.cells[i + 1]!.push(cellOf(r!)));
  }
  data.prompts = promptsOf(codes);
  const sizes = [firstCount, ...later.map((m) => m.size)];
  const common = data.samples.length + data.capped;
  data.unmatched = sizes.reduce((s, n) => s + n - common, 0);
  return data;
}

/**
 * One run's viewer data with every sample row, cell and prompt kept as its JSON text: ~120 bytes a sample of a
 * short-answer run where the arrays of `ViewerData` took ~500. A report read back from a large run's records.jsonl
 * holds 100,000 samples at once, and V8 sizes the old generation after a collection from what was live then: held
 * as arrays (~55 MB), they let the garbage of a next run in the same process pile up to ~4× that before the next
 * full collection. Embedded, it is the same JSON as `viewerData` of the same records (tested).
 */
export interface PackedViewerData extends Omit<ViewerData, 'prompts' | 'samples' | 'cells'> {
  packed: true;
  prompts: string[];
  samples: string[];
  cells: [string[]];
}

/**
 * `viewerData` of one run, packed as it is read (see PackedViewerData).
 *
 * @example
 * const data = await packedViewerData({ name: 'gpt-4o', result, records }, { maxSamples: 100_000 });
 * for (const piece of embedViewerParts(data)) await handle.write(piece);
 */
export async function packedViewerData(run: ViewerRun, options: { maxSamples?: number } = {}): Promise<PackedViewerData> {
  const limit = options.maxSamples ?? Number.POSITIVE_INFINITY;
  const layout = layoutOf(run.result);
  const codes = newCodes();
  const samples: string[] = [];
  const cells: string[] = [];
  if (limit > 0) {
    for await (const record of run.records) {
      samples.push(JSON.stringify(settleRow(openRow(record), layout)));
      cells.push(JSON.stringify(settleCell(openCell(record, codes), layout)));
      if (samples.length >= limit) break;
    }
  }
  return { ...headOf([run.name], layout), rules: codes.ruleList, prompts: codes.promptList, samples, cells: [cells], unmatched: 0, capped: 0, packed: true };
}

/** The viewer's data of one run, fed record by record (a run folder feeds it as it writes them). */
export interface ViewerCollector {
  /** Takes the record unless `maxSamples` are held; false once full (later records are not shown). */
  add(record: EvalRecord): boolean;
  /** The data, laid out by the run's result (metrics, slices); once: the cells are completed in place. */
  data(name: string, result: ResultJson): ViewerData;
}

/**
 * Collects one run's samples for the viewer while its records go by, so a run's report needs no second read of
 * records.jsonl. What depends on the run's result (outcome, score columns, slice codes) is completed by `data`:
 * `viewerData([{ name, result, records }])` gives the same data for the same records.
 *
 * @example
 * const viewer = viewerCollector(100_000);
 * for (const record of records) viewer.add(record);
 * const data = viewer.data('gpt-4o', result);
 */
export function viewerCollector(maxSamples = Number.POSITIVE_INFINITY): ViewerCollector {
  const codes = newCodes();
  const rows: OpenRow[] = [];
  const cells: OpenCell[] = [];
  let done = false;
  return {
    add(record) {
      if (rows.length >= maxSamples) return false;
      rows.push(openRow(record));
      cells.push(openCell(record, codes));
      return rows.length < maxSamples;
    },
    data(name, result) {
      if (done) throw new Error('viewerCollector: data() was already taken');
      done = true;
      const layout = layoutOf(result);
      const data = emptyData([name], layout, codes);
      data.prompts = promptsOf(codes);
      data.samples = rows.map((row) => settleRow(row, layout));
      data.cells[0] = cells.map((cell) => settleCell(cell, layout));
      return data;
    },
  };
}

/** A sample's row before the slices are known: the record's meta where the slice codes go. */
type OpenRow = [id: string, question: string, gold: string, meta: EvalRecord['meta'] | number[]];

function openRow(record: EvalRecord): OpenRow {
  return [record.id, record.input ?? '', displayValue(record.target), record.meta];
}

/** The row with its slice value codes (one per dimension, -1 = absent), in place. */
function settleRow(row: OpenRow, layout: Layout): ViewerData['samples'][number] {
  const meta = row[3] as EvalRecord['meta'];
  row[3] = layout.dims.map((d) => d.index.get(sliceKey(meta?.[d.name])) ?? -1);
  return row as ViewerData['samples'][number];
}

/** A cell before the run's metrics are known: its status where the outcome goes, its scores where the score column goes. */
type OpenCell = [status: Status | number, ...CellText, scores: EvalRecord['scores'] | Array<number | null>, ...CellFacts];

function openCell(record: EvalRecord, codes: Codes): OpenCell {
  let rule = -1;
  if (record.extraction) {
    const name = record.extraction.rule;
    rule = codes.rules.get(name) ?? -1;
    if (rule < 0) {
      rule = codes.ruleList.length;
      codes.rules.set(name, rule);
      codes.ruleList.push(name);
    }
  }
  const prompt = record.prompt?.length ? promptCode(codes.prompts, codes.promptList, record.prompt) : -1;
  const usage = record.usage;
  return [
    record.status,
    displayValue(record.prediction),
    record.output,
    record.reasoning ?? 0,
    rule,
    record.extraction?.span ?? 0,
    record.scores,
    usage ? [usage.prompt_tokens, usage.completion_tokens, usage.reasoning_tokens ?? 0] : 0,
    typeof record.latencyMs === 'number' ? record.latencyMs : -1,
    typeof record.attempts === 'number' ? record.attempts : -1,
    record.cached ? 1 : 0,
    record.status === 'error' ? (record.error ?? 'error') : 0,
    prompt,
  ];
}

/** The cell with its outcome and score column, in place. */
function settleCell(cell: OpenCell, layout: Layout): ViewerCell {
  const status = cell[0] as Status;
  const scores = cell[6] as EvalRecord['scores'];
  cell[0] = OUTCOMES.indexOf(outcomeOf(status, scores, layout));
  cell[6] = layout.names.map((n) => {
    const x = scores?.[n];
    return typeof x === 'number' && Number.isFinite(x) ? x : null;
  });
  return cell as ViewerCell;
}

function outcomeOf(status: Status, scores: EvalRecord['scores'], layout: Layout): Outcome {
  if (status !== 'ok') return status;
  const score = layout.primaryName === undefined ? null : scores?.[layout.primaryName];
  // A non-finite score is null in records.jsonl (JSON has no NaN): the same outcome for records held in memory.
  if (!layout.binary || typeof score !== 'number' || !Number.isFinite(score)) return 'scored';
  return score > 0 ? 'correct' : 'wrong';
}

/** Distinct prompts by the 64-bit hash of their JSON, each listed once as that JSON text (a prompt is often as long as
 * a page, and every question's prompt differs, so a Map keyed by the text held every prompt twice). */
interface Codes {
  rules: Map<string, number>;
  ruleList: string[];
  prompts: HashedTable;
  promptList: string[];
}

const newCodes = (): Codes => ({ rules: new Map(), ruleList: [], prompts: new HashedTable(1), promptList: [] });

/** The index of `prompt` in `list`, added when new. A hash hit is confirmed on the text; a hash twin is kept apart. */
function promptCode(table: HashedTable, list: string[], prompt: ChatMessage[]): number {
  const json = JSON.stringify(prompt);
  const at = table.insert(json);
  if (!table.isNew) {
    const known = table.payload[at]!;
    if (list[known] === json) return known;
    list.push(json); // another prompt with the same 64-bit hash: listed on its own, never deduplicated
    return list.length - 1;
  }
  table.payload[at] = list.length;
  list.push(json);
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

/**
 * The data block's pieces for either form: `embedJsonParts` of a `ViewerData`, and the same text of a packed one
 * (its JSON texts joined into ~64K-character pieces).
 */
export function* embedViewerParts(data: ViewerData | PackedViewerData): Generator<string> {
  if (!('packed' in data)) {
    yield* embedJsonParts(data);
    return;
  }
  const { v, runs, outcomes, scores, primary, dims, rules } = data;
  const head = JSON.stringify({ v, runs, outcomes, scores, primary, dims, rules });
  yield escapeEmbedded(`${head.slice(0, -1)},"prompts":`);
  for (const piece of textArrayParts(data.prompts)) yield escapeEmbedded(piece);
  yield ',"samples":';
  for (const piece of textArrayParts(data.samples)) yield escapeEmbedded(piece);
  yield ',"cells":[';
  for (const piece of textArrayParts(data.cells[0])) yield escapeEmbedded(piece);
  yield `],"unmatched":${data.unmatched},"capped":${data.capped}}`;
}

/** `[` + the JSON texts joined by commas + `]`, in pieces of about PIECE_CHARS. */
function* textArrayParts(texts: readonly string[]): Generator<string> {
  let text = '[';
  for (let i = 0; i < texts.length; i++) {
    text += i > 0 ? `,${texts[i]}` : texts[i];
    if (text.length >= PIECE_CHARS) {
      yield text;
      text = '';
    }
  }
  yield `${text}]`;
}

const PIECE_CHARS = 1 << 16;

/** JSON.stringify(value) in pieces, descending `depth` levels into objects and arrays. */
function* jsonParts(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayParts(value, depth);
    return;
  }
  let text = '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (item !== null && typeof item === 'object' && isLarge(item)) {
      yield text;
      text = '';
      yield* jsonParts(item, depth - 1);
    } else {
      text += JSON.stringify(item) ?? 'null';
      if (text.length >= PIECE_CHARS) {
        yield text;
        text = '';
      }
    }
  }
  yield `${text}}`;
}

/**
 * An array's JSON in pieces: a large element on its own (descending), the small ones between them stringified a
 * batch at a time (one JSON.stringify per ~64K characters of a viewer's rows, not one per row: the end of a
 * 10,000-sample run spent most of its report time on per-row calls). `JSON.stringify([a, b])` is `[` + a + `,` + b
 * + `]`, with null for what JSON leaves out, so a batch without its brackets is the elements' text.
 */
function* arrayParts(items: unknown[], depth: number): Generator<string> {
  let text = '[';
  let batch = 16; // elements per JSON.stringify, then as many as make about half a piece
  for (let i = 0; i < items.length; ) {
    if (i > 0) text += ',';
    if (isLargeObject(items[i])) {
      yield text;
      text = '';
      yield* jsonParts(items[i], depth - 1);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < items.length && end - i < batch && !isLargeObject(items[end])) end++;
    const part = JSON.stringify(items.slice(i, end)).slice(1, -1);
    batch = Math.max(1, Math.min(4096, Math.floor((PIECE_CHARS / 2) * ((end - i) / Math.max(1, part.length)))));
    i = end;
    if (text.length + part.length > PIECE_CHARS) {
      yield text;
      text = '';
    }
    text += part;
  }
  yield `${text}]`;
}

const isLargeObject = (item: unknown): boolean => item !== null && typeof item === 'object' && isLarge(item);

/** Objects, and arrays that are long or hold a long array (cells[run][sample]): written in pieces. */
const isLarge = (value: object): boolean =>
  !Array.isArray(value) || value.length > 256 || value.some((item) => Array.isArray(item) && item.length > 256);

