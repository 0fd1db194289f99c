// Percentile bootstrap for any corpus metric: resample the per-sample items with replacement and re-run
// only the metric's aggregate. Items are sufficient statistics, so nothing is re-scored.
import { percentileInterval } from './percentile.js';
import { createRng } from './prng.js';

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  samples?: number;
  seed: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /**
   * The aggregate of a resample given its drawn indices (a metric's `resampler(items)`), used instead of
   * gathering the items and calling `aggregate`; the same draws, so the same numbers.
   */
  resample?: ((picks: Uint32Array) => number) | undefined;
}

export const DEFAULT_BOOTSTRAP_SAMPLES = 1000;

/** The resampled statistics themselves (length = samples). Deterministic for a given seed. */
export function bootstrapDistribution<Item>(
  items: readonly Item[],
  aggregate: (items: readonly Item[]) => number,
  options: BootstrapOptions,
): Float64Array {
  const b = checkSamples(options.samples ?? DEFAULT_BOOTSTRAP_SAMPLES);
  const n = items.length;
  const out = new Float64Array(b);
  if (n === 0) return out.fill(NaN);
  const rng = createRng(options.seed);
  const picks = new Uint32Array(n);
  const resample = options.resample;
  if (resample) {
    for (let r = 0; r < b; r++) {
      rng.fillInts(picks, n);
      out[r] = resample(picks);
    }
    return out;
  }
  // One buffer reused for every resample: aggregate functions are pure and do not keep their input.
  const buffer = new Array<Item>(n);
  for (let r = 0; r < b; r++) {
    rng.fillInts(picks, n);
    for (let i = 0; i < n; i++) buffer[i] = items[picks[i]!]!;
    out[r] = aggregate(buffer);
  }
  return out;
}

/**
 * Percentile bootstrap interval of `aggregate(items)`; null when there are no items.
 *
 * @example
 * const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
 * bootstrapInterval([1, 0, 1, 1, 0, 1], mean, { seed: 1 }); // the 95 % percentile interval, 1000 resamples
 */
export function bootstrapInterval<Item>(
  items: readonly Item[],
  aggregate: (items: readonly Item[]) => number,
  options: BootstrapOptions,
): [number, number] | null {
  if (items.length === 0) return null;
  return percentileInterval(bootstrapDistribution(items, aggregate, options), options.level ?? 0.95);
}

export function checkSamples(samples: number): number {
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`bootstrap: the number of resamples must be a positive integer, got ${samples}`);
  }
  return samples;
}

/**
 * Percentile bootstrap that resamples whole clusters (all repeats of one question together), for runs
 * that ask each question several times: items of one cluster are not independent, so resampling items
 * would give too narrow an interval. Null when there are no items.
 *
 * @example
 * clusteredBootstrapInterval([[1, 1, 0], [0, 0, 0], [1, 1, 1]], mean, { seed: 0 })
 */
export function clusteredBootstrapInterval<Item>(
  clusters: readonly (readonly Item[])[],
  aggregate: (items: readonly Item[]) => number,
  options: BootstrapOptions,
): [number, number] | null {
  const k = clusters.length;
  if (k === 0 || clusters.every((c) => c.length === 0)) return null;
  const b = checkSamples(options.samples ?? DEFAULT_BOOTSTRAP_SAMPLES);
  const rng = createRng(options.seed);
  const picks = new Uint32Array(k);
  const out = new Float64Array(b);
  const buffer: Item[] = [];
  for (let r = 0; r < b; r++) {
    rng.fillInts(picks, k);
    buffer.length = 0;
    for (let i = 0; i < k; i++) for (const item of clusters[picks[i]!]!) buffer.push(item);
    out[r] = aggregate(buffer);
  }
  return percentileInterval(out, options.level ?? 0.95);
}
