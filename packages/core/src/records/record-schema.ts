// The schema of one line of records.jsonl, and the single source of the record types: `EvalRecord`,
// `Status`, `Extraction`, `ChatMessage`, `RecordUsage` and `MetaValue` are inferred from it (types.ts
// re-exports them), so what a run writes, what readRunFolder() accepts and what TypeScript checks are one
// definition. Nothing here imports types.ts.
import { z } from 'zod';

/** A `meta` value: what annotations and slice keys hold. */
export const metaValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** How a sample ended: scored (`ok`), no answer read (`unparsed` / `empty` / `truncated`), or no output (`error`). */
export const statusSchema = z.enum(['ok', 'unparsed', 'empty', 'truncated', 'error']);

/** How an answer was read from an output: the rule's name and the substring it matched (audit trail). */
export const extractionSchema = z.object({
  /** e.g. `answer-statement`, `boxed`, `option-text`, `judge:<model id>`. */
  rule: z.string(),
  /** The substring of the output the rule matched; null when nothing was read. */
  span: z.string().nullable(),
});

/** One chat message, as sent to a model. */
export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

/** Tokens of one response as the server reported them. */
export const recordUsageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative(),
  reasoning_tokens: z.number().int().nonnegative().optional(),
});

/** One line of records.jsonl. */
export const evalRecordSchema = z.object({
  id: z.string(),
  target: z.unknown(),
  output: z.string().nullable(),
  prediction: z.unknown(),
  status: statusSchema,
  /** How the prediction was read from the output (rule and matched span). */
  extraction: extractionSchema.optional(),
  /** The model's reasoning (reasoning_content, or a stripped think block); never scored. */
  reasoning: z.string().optional(),
  error: z.string().optional(),
  scores: z.record(z.string(), z.number().nullable()),
  /** Metric items (sufficient statistics) so runs can be re-aggregated and compared without re-scoring. */
  items: z.record(z.string(), z.unknown()),
  meta: z.record(z.string(), metaValueSchema),
  cached: z.boolean(),
  /** The question text, for reports. */
  input: z.string().optional(),
  /** The messages sent to the model (runs only; `score` makes no request). */
  prompt: z.array(chatMessageSchema).optional(),
  attempts: z.number().int().nonnegative().optional(),
  /** Tokens of the response as the server reported them (also for a cached answer: what it cost then). */
  usage: recordUsageSchema.optional(),
  /** Wall time of the request that answered, in ms (for a cached answer: when it was asked). */
  latencyMs: z.number().nonnegative().optional(),
  /** Sharded runs only: the sample's 0-based position in the whole data, so a merge restores the order. */
  position: z.number().int().nonnegative().optional(),
  /** Runs with epochs: which repeat of the question this is (1-based); the id is then `<sample id>#<epoch>`. */
  epoch: z.number().int().min(1).optional(),
});

export type MetaValue = z.infer<typeof metaValueSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Extraction = z.infer<typeof extractionSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type RecordUsage = z.infer<typeof recordUsageSchema>;
export type EvalRecord = z.infer<typeof evalRecordSchema>;
