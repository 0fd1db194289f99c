// Exact two-sided McNemar test: on the discordant pairs, b (only A right) ~ Bin(b + c, 1/2) under H0.

/**
 * p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, 1/2). Exact for small counts; for n > 1000 the terms are
 * summed in log space (log-binomial coefficients built iteratively), so nothing underflows to 0 early.
 *
 * @example
 * mcnemarExact(3, 12); // two-sided exact p for 3 samples only A got right and 12 only B got right
 */
export function mcnemarExact(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`mcnemarExact: discordant counts must be non-negative integers, got b=${b}, c=${c}`);
  }
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  const tail = n <= 1000 ? binomialHalfTailDirect(n, k) : binomialHalfTailLog(n, k);
  return Math.min(1, 2 * tail);
}

/** P(X ≤ k) for X ~ Bin(n, 1/2), n ≤ 1000 so 2^-n is a normal double. */
function binomialHalfTailDirect(n: number, k: number): number {
  let term = Math.pow(2, -n);
  let sum = term;
  for (let i = 0; i < k; i++) {
    term = (term * (n - i)) / (i + 1);
    sum += term;
  }
  return sum;
}

function binomialHalfTailLog(n: number, k: number): number {
  const logHalfN = -n * Math.LN2;
  const logs = new Float64Array(k + 1);
  let logC = 0;
  logs[0] = logHalfN;
  for (let i = 0; i < k; i++) {
    logC += Math.log(n - i) - Math.log(i + 1);
    logs[i + 1] = logC + logHalfN;
  }
  // log-sum-exp around the largest term (the last one, since k ≤ n/2).
  const max = logs[k]!;
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += Math.exp(logs[i]! - max);
  return Math.exp(max + Math.log(sum));
}
