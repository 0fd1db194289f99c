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
   * Two-sided p-value for H0: delta = 0, from the resampled deltas shifted to mean 0:
   * (1 + #{|δ* − mean δ*| ≥ |δ|}) / (B + 1).
   */
  p: number;
}

export function pairedBootstrap<Item>(
  itemsA: readonly Item[],
  itemsB: readonly Item[],
  aggregate: (items: readonly Item[]) => number,
  options: { seed: number; samples?: number; level?: number },
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
  return { a, b, delta, ci95: percentileInterval(deltas, options.level ?? 0.95), p: bootstrapPValue(deltas, delta) };
}

/** Shifted-null two-sided p-value; 1 when the observed delta is 0 or not finite. */
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
