// results.json: the schema is the single source of its types (`ResultJson`, `MetricValue`, `SliceValue`,
// `Counts`, `LoadSummary`, `ExtractionSummary`, `EpochSummary`, `UsageSummary`… are inferred here and
// re-exported by types.ts) and the check applied when a run folder is read back (`readRunFolder`,
// `medeval report`, `compare`): every field is checked for its type, so a damaged or hostile file is refused
// with the field's path instead of being rendered (a "count" that is really `<script>` never reaches the
// HTML). Unknown fields are allowed (a newer medeval may add some). Nothing here imports types.ts.
import { z } from 'zod';
import { statusSchema } from './record-schema.js';

const count = z.number().int().nonnegative();

/** What a dataset loader read, kept and skipped, and why. */
export const loadSummarySchema = z.object({
  source: z.string(),
  read: count,
  loaded: count,
  skipped: count,
  /** reason → count */
  reasons: z.record(z.string(), count),
  /** First few problems with file and row/line, for messages. */
  problems: z.array(z.object({ row: z.number(), reason: z.string() })),
  /** sha256 of the source bytes, when the source was a file. */
  sha256: z.string().optional(),
  /** Free-form counts a loader wants to report (empty answers, duplicates, full-width spaces...). */
  stats: z.record(z.string(), z.number()).optional(),
});

/** One metric's corpus value and interval, overall or in one slice. */
export const metricValueSchema = z.object({
  /** The corpus value; null when no sample was scorable by this metric (n = 0), since NaN is not JSON. */
  value: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  n: count,
  signature: z.string(),
  /** How `ci95` was computed (absent in results written before this field existed). */
  interval: z.enum(['wilson', 'bootstrap', 'none']).optional(),
  /** The metric's print scale (`Metric.scale`), so reports format values without the metric object. */
  scale: z.enum(['percent', 'fraction']).optional(),
});

/** One value of a slice dimension: its sample count, label and metrics. */
export const sliceValueSchema = z.object({
  n: count,
  label: z.string().optional(),
  metrics: z.record(z.string(), metricValueSchema),
});

/** How the samples ended. */
export const countsSchema = z.object({
  samples: count,
  scored: count,
  unparsed: count,
  empty: count,
  /**
   * Outputs cut off before a final answer (an unclosed think block, or max_tokens reached with nothing
   * readable); scored like unparsed ones. Absent in results.json written before this field existed.
   */
  truncated: count.optional(),
  errors: count,
});

/** A record whose answer could not be read, shown in reports (output clipped to its start and end). */
export const extractionExampleSchema = z.object({ id: z.string(), status: statusSchema, output: z.string() });

/** results.json `extraction`: the audit of how answers were read. */
export const extractionSummarySchema = z.object({
  /** rule name (`Extraction.rule`) → number of records it decided; records without one are not counted. */
  rules: z.record(z.string(), count),
  /** The first few unparsed and truncated outputs, in dataset order. */
  examples: z.array(extractionExampleSchema),
  /** Present when a judge model read the outputs the rules left unparsed. */
  judge: z
    .object({
      model: z.string(),
      promptId: z.string(),
      /** Outputs sent to the judge. */
      asked: count,
      /** Of those, how many the judge gave an answer for (status ok). */
      answered: count,
      /** Of those, how many had no usable reply even after the one re-ask (or whose request failed). */
      failed: count,
    })
    .optional(),
});

/** results.json `epochs`. Values are on each metric's own scale (e.g. 0–100 for accuracy). */
export const epochSummarySchema = z.object({
  /** K: how often each question was asked (CircularEval: the most rotations of a question). */
  epochs: count.min(1),
  /** Set for CircularEval: the repeats are the rotations of the options, not samples of the model. */
  circular: z.literal(true).optional(),
  questions: count,
  metrics: z.record(
    z.string(),
    z.object({
      /** The mean over questions of each question's mean over its repeats. */
      mean: z.number(),
      /** Standard error of that mean, clustered by question (null with one question). */
      stderr: z.number().nullable(),
      /** maj@K: each question scored by the answer given most often (ties: the earliest). */
      majority: z.number(),
      /** pass@K: a question counts when at least one repeat is right. */
      pass: z.number(),
      /** A question counts only when every repeat is right (CircularEval's accuracy; absent in older results). */
      all: z.number().optional(),
      /** Questions with at least one scorable repeat. */
      questions: count,
    }),
  ),
});

/** Token counts summed over records (OpenAI's field names), with the cost when prices are known. */
export const usageTotalsSchema = z.object({
  /** Responses counted (records that carry usage). */
  responses: count,
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: count,
  /** Present when the server reported reasoning tokens for some response. */
  reasoning_tokens: count.optional(),
  /** In `currency`, from the prices: prompt_tokens × input + completion_tokens × output, per million. */
  cost: z.number().nonnegative().optional(),
});

/** results.json `usage`. */
export const usageSummarySchema = usageTotalsSchema.extend({
  /** Answered records whose server reported no usage (their tokens are unknown, so not in the sums). */
  missing: count,
  /** Prices per million tokens the cost was computed with. */
  prices: z.object({ input: z.number().nonnegative(), output: z.number().nonnegative(), currency: z.string() }).optional(),
  /** What this run actually sent: records not answered from the cache. A rerun from the cache shows 0. */
  new: usageTotalsSchema,
  /** Latency of the requests sent in this run, in ms (absent when none was sent). */
  latencyMs: z.object({ mean: z.number(), p50: z.number(), p95: z.number(), max: z.number() }).optional(),
});

/** results.json, schema version 1. */
export const resultJsonSchema = z.object({
  schemaVersion: z.literal(1),
  task: z.object({
    name: z.string(),
    version: z.string(),
    promptId: z.string(),
    dataset: z.object({ source: z.string(), sha256: z.string().nullable(), samples: count, load: loadSummarySchema.nullable() }),
  }),
  /** The model's id and whatever describes it (endpoint, parameters); null for `score` without `--model-id`. */
  model: z.looseObject({ id: z.string() }).nullable(),
  protocol: z.object({ name: z.string(), signature: z.string() }),
  metrics: z.record(z.string(), metricValueSchema),
  slices: z.record(z.string(), z.record(z.string(), sliceValueSchema)),
  counts: countsSchema,
  manifest: z.object({
    // Always written by medeval; optional when reading, as results.json files made by other tools may lack them.
    medeval: z.record(z.string(), z.string()).optional(),
    runtime: z.string().optional(),
    configHash: z.string().optional(),
    metricSignatures: z.record(z.string(), z.string()).optional(),
    startedAt: z.string(),
    endedAt: z.string(),
    seed: z.number(),
    bootstrapSamples: z.number(),
  }),
  /** How answers were read: records per extraction rule, and a few outputs that could not be read. */
  extraction: extractionSummarySchema.optional(),
  /** Runs that asked every question several times (`epochs` > 1): per 0/1 metric, maj@K, pass@K, clustered SE. */
  epochs: epochSummarySchema.optional(),
  /** A run of one shard (`--shard I/N`): which share, and the --limit applied before sharding (null: none). */
  shard: z.object({ index: count, count: count.min(1), limit: count.nullable() }).optional(),
  /** A run merged from shards (`medeval merge`): how many, which were there, which were missing (--partial). */
  merged: z.object({ count: count.min(1), shards: z.array(count), missing: z.array(count) }).optional(),
  /** Tokens, cost and latency of the answers (evaluate() with a model that reports usage). */
  usage: usageSummarySchema.optional(),
  /** score() only: how the predictions file matched the dataset (missing ones are status "error" records). */
  predictions: z
    .object({
      source: z.string(),
      read: count,
      matched: count,
      missing: count,
      unknown: count,
      unknownIds: z.array(z.object({ id: z.string(), line: count })),
      /** Set when the prediction ids are the data's ids shifted by this constant (e.g. 1-based ids): an error. */
      shift: z.number().optional(),
    })
    .optional(),
});

export type LoadSummary = z.infer<typeof loadSummarySchema>;
export type MetricValue = z.infer<typeof metricValueSchema>;
export type SliceValue = z.infer<typeof sliceValueSchema>;
export type Counts = z.infer<typeof countsSchema>;
export type ExtractionExample = z.infer<typeof extractionExampleSchema>;
export type ExtractionSummary = z.infer<typeof extractionSummarySchema>;
export type EpochSummary = z.infer<typeof epochSummarySchema>;
export type UsageTotals = z.infer<typeof usageTotalsSchema>;
export type UsageSummary = z.infer<typeof usageSummarySchema>;
export type ResultJson = z.infer<typeof resultJsonSchema>;

/** The first problem of a results.json, as `field.path: what is wrong`, or null when it is valid. */
export function resultJsonProblem(value: unknown): string | null {
  const parsed = resultJsonSchema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  return `${path}: ${issue.message}`;
}
