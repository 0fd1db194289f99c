// A third-party metric is a plain object; defineMetric only checks it early (with the same schema that
// evaluate() and the CLI use) and keeps its types.
import type { Metric, MetricInput, Sample } from '../types.js';
import { metricProblems } from './metric-schema.js';

/**
 * Checks a metric and returns it, typed. `item()` may be async (a judge metric asks a model).
 *
 * @example
 * const answerLength = defineMetric<number>({
 *   name: 'answer_length', signature: 'answer_length|chars|v1', higherIsBetter: false,
 *   item: ({ output }) => (output === null ? null : [...output].length),
 *   aggregate: (items) => items.reduce((a, b) => a + b, 0) / items.length,
 * });
 */
export function defineMetric<Item, S extends Sample = Sample, Prediction = unknown>(
  metric: Metric<Item, MetricInput<S, Prediction>>,
): Metric<Item, MetricInput<S, Prediction>> {
  const problems = metricProblems(metric);
  if (problems.length) throw new TypeError(`defineMetric(${String((metric as { name?: unknown } | undefined)?.name ?? '?')}): ${problems.join('; ')}`);
  return metric;
}
