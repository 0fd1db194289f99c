// What every reference-based text metric reads from a sample, with one rule for all of them: a null
// hypothesis or reference list means "not scorable" (the item is null and the sample leaves that metric's
// denominator); an EMPTY reference list is a dataset bug and an error naming the metric and the sample.
import type { MetricInput } from '@medeval/core';

export interface TextPairSource {
  hypothesis: (input: MetricInput) => string | null;
  references: (input: MetricInput) => string[] | null;
}

export function readTextPair(metric: string, source: TextPairSource, input: MetricInput): { hyp: string; refs: string[] } | null {
  const hyp = source.hypothesis(input);
  const refs = source.references(input);
  if (hyp === null || refs === null) return null;
  if (refs.length === 0) throw new Error(`${metric}: sample ${input.sample.id} has an empty reference list`);
  return { hyp, refs };
}
