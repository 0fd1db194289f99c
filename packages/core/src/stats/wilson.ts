// Wilson score interval for a binomial proportion (Wilson 1927; Brown, Cai & DasGupta 2001 recommend it
// over the normal/Wald interval, which collapses at 0% and 100% and undercovers for small n).

/** z for a central 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/**
 * Wilson interval for `successes` out of `n` as fractions in [0, 1]; null when n = 0.
 *
 * @example
 * wilsonInterval(60, 100); // ≈ [0.502, 0.691], the 95 % Wilson score interval of 60/100
 * wilsonInterval(0, 0);    // null
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] | null {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need integers 0 ≤ successes ≤ n, got ${successes}/${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp only rounding noise: mathematically the interval lies in [0, 1] and touches 0 (1) at p = 0 (1).
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}
