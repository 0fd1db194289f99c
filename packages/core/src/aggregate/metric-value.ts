// One metric's value and 95% interval over a set of non-null items (overall or one slice).
import { allBinary, asBinary } from '../stats/binary.js';
import { bootstrapInterval, clusteredBootstrapInterval } from '../stats/bootstrap.js';
import { deriveSeed } from '../stats/prng.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { Metric, MetricValue } from '../types.js';

export interface IntervalSettings {
  seed: number;
  bootstrapSamples: number;
}

/**
 * `value` is `metric.aggregate(items)`; null when there is no item (n = 0) or the aggregate is not finite.
 * Interval: `metric.interval` ('bootstrap' when absent). 'wilson' is used only when every item is 0/1 and
 * the metric is a plain proportion of them (checked: value = aggregate([1]) · k / n, so the interval is put
 * on the metric's own scale, 0–1 or 0–100); otherwise it falls back to the bootstrap and says so in
 * `interval`. Each bootstrap has its own seed derived from (seed, metric, ...where), so values do not depend
 * on the order of computation.
 */
export function metricValue(
  metric: Metric,
  items: readonly unknown[],
  settings: IntervalSettings,
  where: readonly string[],
  /** Cluster code of each item (repeats of one question), when a run asked questions several times. */
  clusters?: readonly number[],
): MetricValue {
  const n = items.length;
  const method = metric.interval ?? 'bootstrap';
  const base = { signature: metric.signature, n, ...(metric.scale ? { scale: metric.scale } : {}) };
  if (n === 0) return { value: null, ci95: null, ...base, interval: method };
  const raw = metric.aggregate(items);
  const value = Number.isFinite(raw) ? raw : null;
  if (method === 'none' || value === null) return { value, ci95: null, ...base, interval: method };
  if (clusters) {
    // Repeats of one question are not independent: resample questions (Wilson would assume they are).
    const groups = new Map<number, unknown[]>();
    items.forEach((item, i) => {
      const code = clusters[i]!;
      let group = groups.get(code);
      if (!group) groups.set(code, (group = []));
      group.push(item);
    });
    const ci95 = clusteredBootstrapInterval([...groups.values()], (xs) => metric.aggregate(xs), {
      seed: deriveSeed(settings.seed, metric.name, ...where),
      samples: settings.bootstrapSamples,
    });
    return { value, ci95, ...base, interval: 'bootstrap' };
  }
  if (method === 'wilson') {
    const wilson = wilsonOnScale(metric, items, value);
    if (wilson) return { value, ci95: wilson, ...base, interval: 'wilson' };
  }
  const ci95 = bootstrapInterval(items, (xs) => metric.aggregate(xs), {
    seed: deriveSeed(settings.seed, metric.name, ...where),
    samples: settings.bootstrapSamples,
    resample: metric.resampler?.(items),
  });
  return { value, ci95, ...base, interval: 'bootstrap' };
}

function wilsonOnScale(metric: Metric, items: readonly unknown[], value: number): [number, number] | null {
  if (!allBinary(items)) return null;
  let successes = 0;
  for (const item of items) successes += asBinary(item)!;
  const scale = metric.aggregate([1]);
  if (!Number.isFinite(scale) || scale <= 0) return null;
  const expected = (scale * successes) / items.length;
  if (Math.abs(expected - value) > 1e-9 * Math.max(1, Math.abs(value))) return null;
  const [lo, hi] = wilsonInterval(successes, items.length)!;
  return [lo * scale, hi * scale];
}
