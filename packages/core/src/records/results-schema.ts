// results.json as read back from a run folder (`readRunFolder`, `medeval report`, `compare`): every field a
// report prints is checked for its type, so a damaged or hostile file is refused with the field's path
// instead of being rendered (a "count" that is really `<script>` never reaches the HTML).
import { z } from 'zod';

const count = z.number().int().nonnegative();

const usageTotals = {
  responses: count,
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: count,
  reasoning_tokens: count.optional(),
  cost: z.number().nonnegative().optional(),
};

const metricValueSchema = z
  .object({
    value: z.number().nullable(),
    ci95: z.tuple([z.number(), z.number()]).nullable(),
    n: count,
    signature: z.string(),
    interval: z.enum(['wilson', 'bootstrap', 'none']).optional(),
    scale: z.enum(['percent', 'fraction']).optional(),
  })
  .passthrough();

const sliceValueSchema = z.object({ n: count, label: z.string().optional(), metrics: z.record(z.string(), metricValueSchema) }).passthrough();

export const resultJsonSchema = z
  .object({
    schemaVersion: z.literal(1),
    task: z
      .object({
        name: z.string(),
        version: z.string(),
        promptId: z.string(),
        dataset: z.object({ source: z.string(), sha256: z.string().nullable(), samples: count, load: z.unknown() }).passthrough(),
      })
      .passthrough(),
    model: z.object({ id: z.string() }).passthrough().nullable(),
    protocol: z.object({ name: z.string(), signature: z.string() }).passthrough(),
    metrics: z.record(z.string(), metricValueSchema),
    slices: z.record(z.string(), z.record(z.string(), sliceValueSchema)),
    counts: z.object({ samples: count, scored: count, unparsed: count, empty: count, errors: count, truncated: count.optional() }).passthrough(),
    manifest: z.object({ startedAt: z.string(), endedAt: z.string(), seed: z.number(), bootstrapSamples: z.number() }).passthrough(),
    extraction: z
      .object({
        rules: z.record(z.string(), count),
        examples: z.array(z.object({ id: z.string(), status: z.enum(['ok', 'unparsed', 'empty', 'truncated', 'error']), output: z.string() }).passthrough()),
        judge: z.object({ model: z.string(), promptId: z.string(), asked: count, answered: count, failed: count }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    epochs: z
      .object({
        epochs: count.min(1),
        questions: count,
        metrics: z.record(z.string(), z.object({ mean: z.number(), stderr: z.number().nullable(), majority: z.number(), pass: z.number(), all: z.number().optional(), questions: count }).passthrough()),
      })
      .passthrough()
      .optional(),
    shard: z.object({ index: count, count: count.min(1), limit: count.nullable() }).passthrough().optional(),
    merged: z.object({ count: count.min(1), shards: z.array(count), missing: z.array(count) }).passthrough().optional(),
    usage: z
      .object({
        ...usageTotals,
        missing: count,
        prices: z.object({ input: z.number().nonnegative(), output: z.number().nonnegative(), currency: z.string() }).optional(),
        new: z.object(usageTotals).passthrough(),
        latencyMs: z.object({ mean: z.number(), p50: z.number(), p95: z.number(), max: z.number() }).optional(),
      })
      .passthrough()
      .optional(),
    predictions: z
      .object({ source: z.string(), read: count, matched: count, missing: count, unknown: count, unknownIds: z.array(z.object({ id: z.string(), line: count })) })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** The first problem of a results.json, as `field.path: what is wrong`, or null when it is valid. */
export function resultJsonProblem(value: unknown): string | null {
  const parsed = resultJsonSchema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  return `${path}: ${issue.message}`;
}
