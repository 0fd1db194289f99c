// Paired bootstrap between two runs on the same samples: every resample draws the same indices for A and
// B, so the per-sample correlation between the runs is kept (Koehn 2004; sacrebleu's paired_bs).
import { checkSamples, DEFAULT_BOOTSTRAP_SAMPLES } from './bootstrap.js';
import { percentileInterval } from './percentile.js';
import { createRng } from './prng.js';

export interface PairedBootstrapResult {
  a: number;
  b: number;
  /** b − a on the full paired set. */
  delta: number;
  /** Percentile interval of the resampled deltas. */
  ci95: [number, number] | null;
  /**
   * Two-sided p-value for H0: delta = 0 from the same resampled deltas as `ci95` (percentilePValue), so the
   * two never disagree: p < 1 − level exactly when the interval excludes 0.
   */
  p: number;
}

/**
 * Paired bootstrap of `aggregate(B) − aggregate(A)` over the same samples: one set of drawn indices per
 * resample for both runs. Returns the delta, its percentile interval and the dual p-value.
 *
 * @example
 * const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
 * const { delta, ci95, p } = pairedBootstrap([1, 0, 1, 0], [1, 1, 1, 0], mean, { seed: 7 });
 */
export function pairedBootstrap<Item>(
  itemsA: readonly Item[],
  itemsB: readonly Item[],
  aggregate: (items: readonly Item[]) => number,
  options: {
    seed: number;
    samples?: number;
    level?: number;
    /** Each run's resample aggregate from drawn indices (a metric's `resampler`), instead of gathering items. */
    resample?: { a: (picks: Uint32Array) => number; b: (picks: Uint32Array) => number } | undefined;
  },
): PairedBootstrapResult {
  if (itemsA.length !== itemsB.length) {
    throw new RangeError(`pairedBootstrap: runs must have the same number of items (${itemsA.length} ≠ ${itemsB.length})`);
  }
  const n = itemsA.length;
  const a = n === 0 ? NaN : aggregate(itemsA);
  const b = n === 0 ? NaN : aggregate(itemsB);
  const delta = b - a;
  if (n === 0) return { a, b, delta, ci95: null, p: NaN };
  const samples = checkSamples(options.samples ?? DEFAULT_BOOTSTRAP_SAMPLES);
  const rng = createRng(options.seed);
  const resample = options.resample;
  if (resample) {
    const drawn = new Uint32Array(n);
    const out = new Float64Array(samples);
    for (let r = 0; r < samples; r++) {
      rng.fillInts(drawn, n);
      out[r] = resample.b(drawn) - resample.a(drawn);
    }
    return { a, b, delta, ci95: percentileInterval(out, options.level ?? 0.95), p: percentilePValue(out) };
  }
  const bufA = new Array<Item>(n);
  const bufB = new Array<Item>(n);
  const picks = new Uint32Array(n);
  const deltas = new Float64Array(samples);
  for (let r = 0; r < samples; r++) {
    rng.fillInts(picks, n);
    for (let i = 0; i < n; i++) {
      const j = picks[i]!;
      bufA[i] = itemsA[j]!;
      bufB[i] = itemsB[j]!;
    }
    deltas[r] = aggregate(bufB) - aggregate(bufA);
  }
  return { a, b, delta, ci95: percentileInterval(deltas, options.level ?? 0.95), p: percentilePValue(deltas) };
}

/**
 * The p-value dual to the percentile interval: the smallest α at which the central (1 − α) percentile
 * interval of `deltas` (quantiles α/2 and 1 − α/2, interpolated as percentileInterval does) excludes 0, so
 * `p < α ⟺ 0 ∉ interval` at every level. A delta distribution entirely on one side of 0 gives the resolution
 * limit 1/B instead of 0 (which keeps the equivalence for B > 1/α, e.g. more than 20 resamples at 95 %).
 * Non-finite deltas are ignored, as by percentileInterval; NaN when none is finite.
 *
 * @example
 * percentilePValue([-0.2, -0.1, 0.1, 0.3, 0.5]); // 0.75: the 25 % interval [0, 0.2] just touches 0
 */
export function percentilePValue(deltas: ArrayLike<number>): number {
  const finite: number[] = [];
  for (let i = 0; i < deltas.length; i++) if (Number.isFinite(deltas[i]!)) finite.push(deltas[i]!);
  const m = finite.length;
  if (m === 0) return NaN;
  const s = Float64Array.from(finite).sort();
  const last = m - 1;
  // Position (0 … m−1, as in quantileSorted) past which the interpolated quantile is > 0, and before which < 0.
  let above = Infinity; // the lower end excludes 0 for quantile positions > above
  if (s[0]! > 0) above = 0;
  else if (s[last]! > 0) {
    let j = last;
    while (s[j]! > 0) j--;
    above = j + -s[j]! / (s[j + 1]! - s[j]!);
  }
  let below = -Infinity; // the upper end excludes 0 for quantile positions < below
  if (s[last]! < 0) below = last;
  else if (s[0]! < 0) {
    let i = 0;
    while (s[i]! < 0) i++;
    below = i - 1 + -s[i - 1]! / (s[i]! - s[i - 1]!);
  }
  if (last === 0) return s[0] === 0 ? 1 : 1 / m;
  // lower quantile q = α/2 at position q·last; upper 1 − α/2.
  const alphaLower = (2 * above) / last;
  const alphaUpper = 2 * (1 - below / last);
  const p = Math.min(alphaLower, alphaUpper, 1);
  return Math.max(p, 1 / m);
}

/**
 * Shifted-null two-sided p-value: (1 + #{|δ* − mean δ*| ≥ |δ|}) / (B + 1); 1 when the observed delta is 0 or
 * not finite. Kept for callers that want it; `compare` uses percentilePValue, which never disagrees with
 * the interval it prints.
 */
export function bootstrapPValue(deltas: ArrayLike<number>, observed: number): number {
  if (!Number.isFinite(observed) || observed === 0) return 1;
  let sum = 0, count = 0;
  for (let i = 0; i < deltas.length; i++) if (Number.isFinite(deltas[i]!)) { sum += deltas[i]!; count++; }
  if (count === 0) return NaN;
  const mean = sum / count;
  const threshold = Math.abs(observed);
  let extreme = 0;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i]!;
    if (Number.isFinite(d) && Math.abs(d - mean) >= threshold) extreme++;
  }
  return (1 + extreme) / (1 + count);
}
