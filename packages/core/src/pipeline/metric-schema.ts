// The one check of what a Metric is, used by defineMetric(), evaluate()/score() options and the CLI's
// --metric plugins alike, so a plugin accepted in one place is accepted in all of them.
import { z } from 'zod';

const fn = (what: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: `must be a function${what}` });

const NAME = 'must be a word like "char_f1" (letters, digits, _ . -)';
const SIGNATURE = 'must be a non-empty string (the versioned recipe, e.g. "char_f1|v1")';

/**
 * A Metric's shape. `item()` may return its item or a promise of it (a judge metric asks a model); the
 * name is a word (it becomes a column, a JSON key and a CLI label).
 */
export const metricSchema = z
  .object({
    name: z.string({ message: NAME }).regex(/^[A-Za-z][\w.-]*$/, { message: NAME }),
    signature: z.string({ message: SIGNATURE }).min(1, { message: SIGNATURE }),
    higherIsBetter: z.boolean({ message: 'must be true or false (is a bigger value better?)' }),
    item: fn(' (input) => item | null, or a promise of it'),
    aggregate: fn(' (items) => number'),
    sampleScore: fn(' (item) => number | null').optional(),
    prepare: fn(' () => Promise<void>').optional(),
    resampler: fn(' (items) => ((picks) => number) | undefined').optional(),
    scale: z.enum(['percent', 'fraction'], { message: 'must be "percent" or "fraction"' }).optional(),
    interval: z.enum(['bootstrap', 'wilson', 'none'], { message: 'must be "bootstrap", "wilson" or "none"' }).optional(),
    pairedTest: z.enum(['mcnemar', 'bootstrap'], { message: 'must be "mcnemar" or "bootstrap"' }).optional(),
  })
  .passthrough();

/**
 * What is wrong with a would-be Metric, one `field: problem` per entry; empty when it is a valid Metric.
 *
 * @example
 * metricProblems({ name: 'x', item: () => 1 })
 * // → ['signature: missing; must be a non-empty string …', 'higherIsBetter: missing; must be true or false …', 'aggregate: missing; must be a function (items) => number']
 */
export function metricProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['must be an object { name, signature, higherIsBetter, item(), aggregate() }'];
  const parsed = metricSchema.safeParse(value);
  if (parsed.success) return [];
  const fields = value as Record<string, unknown>;
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? 'metric');
    return `${field}: ${fields[field] === undefined ? 'missing; ' : ''}${issue.message}`;
  });
}
