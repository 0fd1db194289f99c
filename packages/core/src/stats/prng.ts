// A small seeded PRNG so intervals and tests are reproducible on every runtime (Math.random is not seedable).
// xoshiro128** (Blackman & Vigna, 2018): 128-bit state, 32-bit output, passes BigCrush; seeded through
// splitmix32 so that nearby seeds (0, 1, 2...) give unrelated streams.

/** A stream of uniform numbers. Not cryptographic. */
export interface Rng {
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n) (n ≤ 2^32). Bias is at most n / 2^32, negligible for resampling. */
  int(n: number): number;
  /** Uniform unsigned 32-bit integer. */
  uint32(): number;
  /** Fills `out` with uniform integers in [0, n): the same values as `out.length` calls of `int(n)`. */
  fillInts(out: Uint32Array, n: number): void;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * xoshiro128** seeded with a 32-bit integer (non-integers and negatives are reduced modulo 2^32).
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // a float in [0, 1), the same sequence for the same seed on every runtime
 * rng.int(4); // an integer in [0, 4)
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
  const mix = splitmix32(Math.trunc(seed) >>> 0);
  return xoshiro128ss([mix(), mix(), mix(), mix()]);
}

/** xoshiro128** from an explicit 128-bit state (four uint32 words); exported for reference-vector tests. */
export function xoshiro128ss(state: readonly [number, number, number, number]): Rng {
  let [a, b, c, d] = state.map((x) => x >>> 0) as [number, number, number, number];
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point
  const uint32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    a >>>= 0; b >>>= 0;
    return result;
  };
  const next = () => uint32() / 4294967296;
  // The resampling hot loop: same stream as calling int(n) out.length times, without per-call overhead.
  const fillInts = (out: Uint32Array, n: number) => {
    let s0 = a, s1 = b, s2 = c, s3 = d;
    for (let i = 0; i < out.length; i++) {
      const x = Math.imul(s1, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = Math.floor((result / 4294967296) * n);
    }
    a = s0 >>> 0; b = s1 >>> 0; c = s2 >>> 0; d = s3 >>> 0;
  };
  return { uint32, next, int: (n: number) => Math.floor(next() * n), fillInts };
}

/**
 * A 32-bit seed derived from a base seed and names (metric, slice...), so each interval gets its own
 * stream and the result does not depend on the order in which intervals are computed. FNV-1a over UTF-16.
 *
 * @example
 * const seed = deriveSeed(0, 'cmmlu-fallback', 'anatomy/12'); // one independent stream per (run seed, purpose, sample)
 * const rng = createRng(seed);
 */
export function deriveSeed(seed: number, ...parts: string[]): number {
  let h = (0x811c9dc5 ^ (Math.trunc(seed) >>> 0)) >>> 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ 0x1f, 0x01000193) >>> 0; // separator, so ("ab","c") ≠ ("a","bc")
  }
  return splitmix32(h)();
}
