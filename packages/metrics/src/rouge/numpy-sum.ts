// numpy's float64 summation, so means equal `np.mean(...)` bit for bit (CMEXAM_PROTOCOL.md §5).
// `np.add.reduce` on a contiguous float64 array uses pairwise summation: a plain loop below 8
// elements, 8 strided accumulators up to 128, otherwise a split at n/2 rounded down to a multiple of 8.

function pairwise(a: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[start]!, r1 = a[start + 1]!, r2 = a[start + 2]!, r3 = a[start + 3]!;
    let r4 = a[start + 4]!, r5 = a[start + 5]!, r6 = a[start + 6]!, r7 = a[start + 7]!;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const k = start + i;
      r0 += a[k]!; r1 += a[k + 1]!; r2 += a[k + 2]!; r3 += a[k + 3]!;
      r4 += a[k + 4]!; r5 += a[k + 5]!; r6 += a[k + 6]!; r7 += a[k + 7]!;
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
}

/** `np.add.reduce(np.asarray(values, float64))`. */
export function numpySum(values: ArrayLike<number>): number {
  return pairwise(values, 0, values.length);
}

/** `np.mean(values)`: pairwise sum divided by n (NaN for an empty array, as numpy). */
export function numpyMean(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  return numpySum(values) / values.length;
}
