// The interfaces every medeval package builds on. Read top-down in the order of the data flow:
// dataset → task (prompt, parse) → model → record → metric items → aggregate → result.
// The record types are inferred from the records.jsonl schema (records/record-schema.ts), the one source
// of what a run writes and what readRunFolder() accepts.
import type { ChatMessage, EvalRecord, Extraction, MetaValue, RecordUsage, Status } from './records/record-schema.js';

export type { ChatMessage, EvalRecord, Extraction, MetaValue, RecordUsage, Status };

/** One evaluation item. `id` is stable across runs (CMExam: 0-based data-row index as a string). */
export interface Sample<Input = unknown, Target = unknown> {
  id: string;
  input: Input;
  target: Target;
  /** Annotations and other per-sample facts; slice dimensions are keys of this object. */
  meta?: Record<string, MetaValue>;
}

/** Why rows were skipped while loading, and how many were read. Always reported, never silent. */
export interface LoadSummary {
  source: string;
  read: number;
  loaded: number;
  skipped: number;
  /** reason → count */
  reasons: Record<string, number>;
  /** First few problems with file and row/line, for messages. */
  problems: Array<{ row: number; reason: string }>;
  /** sha256 of the source bytes, when the source was a file. */
  sha256?: string;
  /** Free-form counts a loader wants to report (empty answers, duplicates, full-width spaces...). */
  stats?: Record<string, number>;
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

/** One line of records.jsonl. */

export interface MetricValue {
  /** The corpus value; null when no sample was scorable by this metric (n = 0), since NaN is not JSON. */
  value: number | null;
  ci95: [number, number] | null;
  n: number;
  signature: string;
  /** How `ci95` was computed (absent in results written before this field existed). */
  interval?: 'wilson' | 'bootstrap' | 'none';
  /** The metric's print scale (`Metric.scale`), so reports format values without the metric object. */
  scale?: 'percent' | 'fraction';
}

export interface SliceValue {
  n: number;
  label?: string;
  metrics: Record<string, MetricValue>;
}

export interface Counts {
  samples: number;
  scored: number;
  unparsed: number;
  empty: number;
  /**
   * Outputs cut off before a final answer (an unclosed think block, or max_tokens reached with nothing
   * readable); scored like unparsed ones. Absent in results.json written before this field existed.
   */
  truncated?: number;
  errors: number;
}

/** A record whose answer could not be read, shown in reports (output clipped to its start and end). */
export interface ExtractionExample {
  id: string;
  status: Status;
  output: string;
}

/** results.json `extraction`: the audit of how answers were read. */
export interface ExtractionSummary {
  /** rule name (`Extraction.rule`) → number of records it decided; records without one are not counted. */
  rules: Record<string, number>;
  /** The first few unparsed and truncated outputs, in dataset order. */
  examples: ExtractionExample[];
  /** Present when a judge model read the outputs the rules left unparsed. */
  judge?: {
    model: string;
    promptId: string;
    /** Outputs sent to the judge. */
    asked: number;
    /** Of those, how many the judge gave an answer for (status ok). */
    answered: number;
    /** Of those, how many had no usable reply even after the one re-ask (or whose request failed). */
    failed: number;
  };
}

export interface ResultJson {
  schemaVersion: 1;
  task: {
    name: string;
    version: string;
    promptId: string;
    dataset: { source: string; sha256: string | null; samples: number; load: LoadSummary | null };
  };
  model: { id: string; [k: string]: unknown } | null;
  protocol: { name: string; signature: string };
  metrics: Record<string, MetricValue>;
  slices: Record<string, Record<string, SliceValue>>;
  counts: Counts;
  manifest: {
    medeval: Record<string, string>;
    runtime: string;
    configHash: string;
    metricSignatures: Record<string, string>;
    startedAt: string;
    endedAt: string;
    seed: number;
    bootstrapSamples: number;
  };
  /** How answers were read: records per extraction rule, and a few outputs that could not be read. */
  extraction?: ExtractionSummary;
  /** Runs that asked every question several times (`epochs` > 1): per 0/1 metric, maj@K, pass@K, clustered SE. */
  epochs?: EpochSummary;
  /** A run of one shard (`--shard I/N`): which share, and the --limit applied before sharding (null: none). */
  shard?: { index: number; count: number; limit: number | null };
  /** A run merged from shards (`medeval merge`): how many, which were there, which were missing (--partial). */
  merged?: { count: number; shards: number[]; missing: number[] };
  /** Tokens, cost and latency of the answers (evaluate() with a model that reports usage). */
  usage?: UsageSummary;
  /** score() only: how the predictions file matched the dataset (missing ones are status "error" records). */
  predictions?: {
    source: string;
    read: number;
    matched: number;
    missing: number;
    unknown: number;
    unknownIds: Array<{ id: string; line: number }>;
    /** Set when the prediction ids are the data's ids shifted by this constant (e.g. 1-based ids): an error. */
    shift?: number;
  };
}

/** results.json `epochs`. Values are on each metric's own scale (e.g. 0–100 for accuracy). */
export interface EpochSummary {
  /** K: how often each question was asked (CircularEval: the most rotations of a question). */
  epochs: number;
  /** Set for CircularEval: the repeats are the rotations of the options, not samples of the model. */
  circular?: true;
  questions: number;
  metrics: Record<string, {
    /** The mean over questions of each question's mean over its repeats. */
    mean: number;
    /** Standard error of that mean, clustered by question (null with one question). */
    stderr: number | null;
    /** maj@K: each question scored by the answer given most often (ties: the earliest). */
    majority: number;
    /** pass@K: a question counts when at least one repeat is right. */
    pass: number;
    /** A question counts only when every repeat is right (CircularEval's accuracy). */
    all: number;
    /** Questions with at least one scorable repeat. */
    questions: number;
  }>;
}

/** Token counts summed over records (OpenAI's field names), with the cost when prices are known. */
export interface UsageTotals {
  /** Responses counted (records that carry usage). */
  responses: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Present when the server reported reasoning tokens for some response. */
  reasoning_tokens?: number;
  /** In `currency`, from the prices: prompt_tokens × input + completion_tokens × output, per million. */
  cost?: number;
}

/** results.json `usage`. */
export interface UsageSummary extends UsageTotals {
  /** Answered records whose server reported no usage (their tokens are unknown, so not in the sums). */
  missing: number;
  /** Prices per million tokens the cost was computed with. */
  prices?: { input: number; output: number; currency: string };
  /** What this run actually sent: records not answered from the cache. A rerun from the cache shows 0. */
  new: UsageTotals;
  /** Latency of the requests sent in this run, in ms (absent when none was sent). */
  latencyMs?: { mean: number; p50: number; p95: number; max: number };
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
