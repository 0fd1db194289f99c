// A third-party metric is a plain object; defineMetric only checks it early and keeps its types.
import type { Metric } from '../types.js';

export function defineMetric<Item>(metric: Metric<Item>): Metric<Item> {
  const problems: string[] = [];
  if (typeof metric?.name !== 'string' || !metric.name) problems.push('name must be a non-empty string');
  if (typeof metric?.signature !== 'string' || !metric.signature) problems.push('signature must be a non-empty string');
  if (typeof metric?.higherIsBetter !== 'boolean') problems.push('higherIsBetter must be true or false');
  if (typeof metric?.item !== 'function') problems.push('item(input) must be a function');
  if (typeof metric?.aggregate !== 'function') problems.push('aggregate(items) must be a function');
  if (problems.length) throw new TypeError(`defineMetric(${String(metric?.name ?? '?')}): ${problems.join('; ')}`);
  return metric;
}
