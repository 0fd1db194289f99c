// Percentiles of a bootstrap distribution.

/**
 * The q-quantile (0 ≤ q ≤ 1) of an ascending-sorted array by linear interpolation between order
 * statistics (numpy's default `linear`, Hyndman–Fan type 7).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  const a = sorted[lo]!, b = sorted[hi]!;
  return frac === 0 ? a : a + (b - a) * frac;
}

/** Central percentile interval of a set of statistics; non-finite values are ignored. */
export function percentileInterval(values: ArrayLike<number>, level = 0.95): [number, number] | null {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(values[i]!);
  if (finite.length === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  const alpha = (1 - level) / 2;
  return [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
}
