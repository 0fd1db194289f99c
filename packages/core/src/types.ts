// The interfaces every medeval package builds on. Read top-down in the order of the data flow:
// dataset → task (prompt, parse) → model → record → metric items → aggregate → result.
// The record and results types are inferred from the zod schemas of records.jsonl and results.json
// (records/record-schema.ts, records/results-schema.ts), the one source of what a run writes and what
// readRunFolder() accepts.
import type { ChatMessage, EvalRecord, Extraction, MetaValue, RecordUsage, Status } from './records/record-schema.js';
import type {
  Counts,
  EpochSummary,
  ExtractionExample,
  ExtractionSummary,
  LoadSummary,
  MetricValue,
  ResultJson,
  SliceValue,
  UsageSummary,
  UsageTotals,
} from './records/results-schema.js';

export type { ChatMessage, EvalRecord, Extraction, MetaValue, RecordUsage, Status };
export type { Counts, EpochSummary, ExtractionExample, ExtractionSummary, LoadSummary, MetricValue, ResultJson, SliceValue, UsageSummary, UsageTotals };

/** One evaluation item. `id` is stable across runs (CMExam: 0-based data-row index as a string). */
export interface Sample<Input = unknown, Target = unknown> {
  id: string;
  input: Input;
  target: Target;
  /** Annotations and other per-sample facts; slice dimensions are keys of this object. */
  meta?: Record<string, MetaValue>;
}


/** A stream of samples. Iterating twice re-reads the source; nothing requires all samples in memory. */
export interface Dataset<S extends Sample = Sample> {
  name: string;
  /** Where the samples come from (file path, URL, or "bundled:<name>"). */
  source: string;
  samples(options?: { signal?: AbortSignal }): AsyncIterable<S>;
  /** Filled in as `samples()` is consumed; final once the iteration has ended. */
  summary(): LoadSummary;
  /**
   * How many records the source holds, counted in a separate pass without building samples (optional).
   * The run starts without waiting for it; once known it gives progress a total and an ETA.
   */
  count?(): Promise<number>;
}

/** What a task asks a model. Chat messages are the lingua franca; `sample` lets offline baselines see structure. */
export interface ModelRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  seed?: number;
}

export interface ModelResponse {
  text: string;
  /**
   * The model's reasoning, kept apart from `text`: `reasoning_content` / `reasoning` of OpenAI-compatible
   * responses, or a `<think>` block stripped from the text. Recorded, never read by extraction.
   */
  reasoning?: string;
  finishReason?: string;
  usage?: ResponseUsage;
  /** Wall time of the request in ms; evaluate() measures it and keeps it with a cached answer. */
  latencyMs?: number;
}

/** Tokens the server reports for one response (OpenAI's `usage`; absent fields were not reported). */
export interface ResponseUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  /** Reasoning tokens (`completion_tokens_details.reasoning_tokens`): part of completionTokens at OpenAI. */
  reasoningTokens?: number;
}

/** A record's `usage`, in the server's (OpenAI's) field names. */
export interface GenerateContext {
  signal?: AbortSignal;
  /** The sample being asked about. Real models ignore it; offline baselines (BM25, random) use it. */
  sample?: Sample;
}

export interface Model {
  /** Stable identity used in cache keys and results, e.g. "openai-compatible:http://host/v1#qwen2.5". Never a secret. */
  id: string;
  generate(request: ModelRequest, context: GenerateContext): Promise<ModelResponse>;
  /** Public description for results.json (no secrets). */
  describe?(): Record<string, unknown>;
  /**
   * The JSON body this model would POST to `/v1/chat/completions` for a request (OpenAI-compatible models):
   * what a Batch input file holds (`medeval batch export`).
   */
  requestBody?(request: ModelRequest): Record<string, unknown>;
  /** The official `openai` SDK client this model talks through (OpenAI-compatible models): for the Batch API. */
  openaiClient?(): Promise<unknown>;
}

/** `truncated`: the output was cut off before a final answer (e.g. an unclosed `<think>` block). */
export interface Parsed<Prediction = unknown> {
  prediction: Prediction | null;
  status: Exclude<Status, 'error'> | 'truncated';
  /** How the prediction was read, when the task's extractor says so. */
  extraction?: Extraction;
  /** Reasoning the parser stripped from the output (a `<think>` block), recorded and never scored. */
  reasoning?: string;
}

/** What a metric sees for one sample. */
export interface MetricInput<S extends Sample = Sample, Prediction = unknown> {
  sample: S;
  output: string | null;
  prediction: Prediction | null;
  status: Status;
  /**
   * Asks a model (a judge) through the run's scheduler and response cache — retries, the concurrency
   * limit, and a rerun that replays cached replies — for metrics whose item() asks a model. Set inside
   * evaluate() and score(); absent when item() is called directly (then ask `model.generate` yourself).
   */
  ask?: (model: Model, request: ModelRequest) => Promise<ModelResponse>;
}

/**
 * A metric: a per-sample item (sufficient statistics) and a pure corpus aggregate over items.
 * Bootstrap intervals and paired tests resample items and re-run only `aggregate`. Generic over the item
 * and over what it reads (`MetricInput` of the task's sample and prediction types); `item()` may return a
 * promise (a judge metric asks a model), which evaluate() and score() await.
 */
export interface Metric<Item = unknown, Input extends MetricInput<any, any> = MetricInput> { // eslint-disable-line @typescript-eslint/no-explicit-any
  name: string;
  /** Versioned recipe, e.g. "bleu4|nmt-compute_bleu|tok:char|smooth:none|scale:100|v1". */
  signature: string;
  higherIsBetter: boolean;
  /** How the value prints: 0–100 or a fraction. */
  scale?: 'percent' | 'fraction';
  /** `null` means this sample is not scorable by this metric (dropped from its denominator). */
  item(input: Input): Item | null | Promise<Item | null>;
  aggregate(items: readonly Item[]): number;
  /** Optional per-sample score written to records.jsonl. */
  sampleScore?(item: Item): number | null;
  /** Interval method: bootstrap (default) or Wilson for a proportion item (item must be 0 or 1). */
  interval?: 'bootstrap' | 'wilson' | 'none';
  /** Paired test used by compare(): McNemar for 0/1 items, paired bootstrap otherwise. */
  pairedTest?: 'mcnemar' | 'bootstrap';
  /** Async set-up (e.g. loading jieba's WebAssembly) that evaluate()/score() await before the first item. */
  prepare?(): Promise<void>;
  /**
   * Optional fast path for the bootstrap and the paired bootstrap, which re-aggregate ~1000 resamples: given
   * the items once, a function of the drawn indices that returns exactly (bit for bit)
   * `aggregate(Array.from(picks, (i) => items[i]))`. Undefined when there is none for these items.
   */
  resampler?(items: readonly Item[]): ((picks: Uint32Array) => number) | undefined;
}

/** A Metric whose `item()` is synchronous (every built-in metric), so its items can be read without await. */
export interface SyncMetric<Item = unknown, Input extends MetricInput<any, any> = MetricInput> extends Metric<Item, Input> { // eslint-disable-line @typescript-eslint/no-explicit-any
  item(input: Input): Item | null;
}

/**
 * What a judge model said about one output: the answer it read (null: the output commits to none) and the
 * JSON it returned, or why its reply could not be used (the pipeline re-asks once).
 */
export type JudgeVerdict<Prediction = unknown> = { prediction: Prediction | null; span: string } | { malformed: string };

/**
 * A task's judge fallback: how to ask a judge model to read the answer out of an output the task's rules
 * left `unparsed`, and how to read its reply. Tasks offer it only under protocols that allow it (never the
 * papers' protocols). Used by evaluate()/score() with a `judge` model.
 */
export interface TaskJudge<S extends Sample = Sample, Prediction = unknown> {
  /** Versioned id of the fixed judge prompt, e.g. "cmexam-judge@1"; part of the protocol signature. */
  promptId: string;
  /** The request that shows the judge the question, the options and the output. */
  request(output: string, sample: S): ModelRequest;
  /** Reads the judge's reply; `parsed` is what the task's rules made of the output (for the other fields). */
  read(reply: string, sample: S, parsed: Parsed<Prediction>): JudgeVerdict<Prediction>;
  /** The follow-up asked once after a malformed reply (appended to the conversation). */
  retry(problem: string): string;
}

export interface Task<S extends Sample = Sample, Prediction = unknown> {
  name: string;
  version: string;
  dataset: Dataset<S>;
  /** Protocol name and its full signature, stored with every number. */
  protocol: { name: string; signature: string };
  /** Versioned prompt id, e.g. "cmexam-zero-shot@1". */
  promptId: string;
  /** May be async (few-shot retrieval, knowledge seeds from a callback). */
  render(sample: S): ModelRequest | Promise<ModelRequest>;
  parse(output: string, sample: S): Parsed<Prediction>;
  metrics: Metric[];
  /** meta keys to slice by, in display order. */
  sliceDimensions?: string[];
  /** Human label for a slice value (e.g. the paper's abbreviation). */
  sliceLabel?(dimension: string, value: MetaValue): string;
  /** A short text shown in reports' sample browser (the question). */
  describeInput?(sample: S): string;
  /** Target as stored in records.jsonl (JSON-serializable). */
  serializeTarget?(sample: S): unknown;
  /** The judge fallback for unparsed outputs, when the task's protocol allows one. */
  judge?: TaskJudge<S, Prediction>;
  /**
   * CircularEval (multiple choice): the question once per rotation of its options, the sample itself first;
   * each rotation has its target in its own letters, so scoring it is scoring the answer mapped back.
   */
  rotations?(sample: S): S[];
}










export interface Progress {
  done: number;
  total: number | null;
  cached: number;
  errors: number;
  retries: number;
  inFlight: number;
  elapsedMs: number;
}
