import { describe, expect, it } from 'vitest';
import {
  bootstrapDistribution,
  bootstrapInterval,
  bootstrapPValue,
  clusteredBootstrapInterval,
  percentilePValue,
  createRng,
  deriveSeed,
  mcnemarExact,
  pairedBootstrap,
  percentileInterval,
  quantileSorted,
  wilsonInterval,
  Z95,
} from './index.js';
import { xoshiro128ss } from './prng.js';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('prng', () => {
  it('reproduces the xoshiro128** reference vector (state 1,2,3,4)', () => {
    const rng = xoshiro128ss([1, 2, 3, 4]);
    const out = Array.from({ length: 10 }, () => rng.uint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it('is deterministic per seed, different across seeds, and uniform enough', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
    const r = createRng(7);
    const counts = new Array(10).fill(0);
    let bad = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.int(10);
      if (!(x >= 0 && x < 10 && Number.isInteger(x))) bad++;
      else counts[x]++;
    }
    expect(bad).toBe(0);
    for (const k of counts) expect(Math.abs(k - 10_000)).toBeLessThan(500); // ~5 sd
  });

  it('fillInts gives the same stream as int()', () => {
    const a = createRng(11), b = createRng(11);
    const out = new Uint32Array(1000);
    a.fillInts(out, 37);
    expect(Array.from(out)).toEqual(Array.from({ length: 1000 }, () => b.int(37)));
    expect(a.uint32()).toBe(b.uint32()); // state advanced identically
  });

  it('derives distinct, order-independent seeds from names', () => {
    expect(deriveSeed(1, 'accuracy', 'overall')).toBe(deriveSeed(1, 'accuracy', 'overall'));
    expect(deriveSeed(1, 'accuracy', 'overall')).not.toBe(deriveSeed(2, 'accuracy', 'overall'));
    expect(deriveSeed(1, 'ab', 'c')).not.toBe(deriveSeed(1, 'a', 'bc'));
    expect(Number.isInteger(deriveSeed(0))).toBe(true);
  });
});

describe('percentiles', () => {
  it('matches numpy linear interpolation', () => {
    // np.percentile([1,2,3,4,10], [2.5, 97.5]) → [1.1, 9.4]
    const [lo, hi] = percentileInterval([10, 3, 1, 4, 2])!;
    expect(lo).toBeCloseTo(1.1, 12);
    expect(hi).toBeCloseTo(9.4, 12);
    expect(quantileSorted([5], 0.3)).toBe(5);
    expect(percentileInterval([NaN, Infinity])).toBeNull();
  });
});

describe('wilsonInterval', () => {
  // Reference values: scipy 1.17 binomtest(k, n).proportion_ci(method='wilson').
  it('8/10 at 95% is [0.4901624, 0.9433178]', () => {
    const [lo, hi] = wilsonInterval(8, 10, 1.959963984540054)!;
    expect(Math.trunc(lo * 1e7)).toBe(4901624);
    expect(Math.trunc(hi * 1e7)).toBe(9433178);
    expect(rel(lo, 0.4901624715366418)).toBeLessThan(1e-12);
    expect(rel(hi, 0.9433178485456248)).toBeLessThan(1e-12);
    const [l2, h2] = wilsonInterval(4615, 6811)!;
    expect(rel(l2, 0.6663826855468665)).toBeLessThan(1e-12);
    expect(rel(h2, 0.6885778831790575)).toBeLessThan(1e-12);
  });

  it('handles 0 and n successes, n = 0 and bad input', () => {
    expect(wilsonInterval(0, 10)![0]).toBe(0);
    expect(rel(wilsonInterval(0, 10)![1], 0.27753279986288926)).toBeLessThan(1e-12);
    expect(wilsonInterval(10, 10)![1]).toBe(1);
    expect(rel(wilsonInterval(10, 10)![0], 0.7224672001371109)).toBeLessThan(1e-12);
    expect(rel(wilsonInterval(1, 1)![0], 0.20654931437723745)).toBeLessThan(1e-12);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(/successes/);
    expect(() => wilsonInterval(1.5, 2)).toThrow();
    expect(Z95).toBe(1.959963984540054);
  });
});

describe('mcnemarExact', () => {
  it('matches exact binomial sums computed with Python integers', () => {
    expect(mcnemarExact(10, 2)).toBe(0.03857421875);
    expect(mcnemarExact(2, 10)).toBe(0.03857421875);
    expect(mcnemarExact(0, 5)).toBe(0.0625);
    expect(mcnemarExact(3, 3)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(rel(mcnemarExact(480, 520), 0.21744829320414094)).toBeLessThan(1e-12);
    // n > 1000 goes through log space
    expect(rel(mcnemarExact(1500, 1620), 0.033118547219138525)).toBeLessThan(1e-10);
    expect(mcnemarExact(40, 2000)).toBeGreaterThanOrEqual(0);
    expect(mcnemarExact(40, 2000)).toBeLessThan(1e-300);
    expect(mcnemarExact(100_000, 100_000)).toBe(1);
  });

  it('is continuous across the direct/log switch at n = 1000', () => {
    // 500 vs 501 → n = 1001 (log path) ≈ n = 1000 (direct path) neighbour values
    const direct = mcnemarExact(480, 520);
    const viaLog = mcnemarExact(480, 521);
    expect(viaLog).toBeLessThan(direct);
    expect(viaLog).toBeGreaterThan(direct * 0.8);
  });

  it('rejects bad counts', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(/non-negative integers/);
    expect(() => mcnemarExact(1.5, 2)).toThrow();
  });
});

describe('bootstrap', () => {
  const items = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 1 : 0));

  it('is deterministic for a seed and close to the normal interval for a mean', () => {
    const a = bootstrapInterval(items, mean, { seed: 1 })!;
    const b = bootstrapInterval(items, mean, { seed: 1 })!;
    const c = bootstrapInterval(items, mean, { seed: 2 })!;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const half = 1.96 * Math.sqrt(0.25 / 400); // 0.049
    expect(Math.abs(a[0] - (0.5 - half))).toBeLessThan(0.01);
    expect(Math.abs(a[1] - (0.5 + half))).toBeLessThan(0.01);
  });

  it('uses 1000 resamples by default and re-runs only the aggregate', () => {
    let calls = 0;
    const dist = bootstrapDistribution(items, (xs) => { calls++; return mean(xs); }, { seed: 3 });
    expect(dist.length).toBe(1000);
    expect(calls).toBe(1000);
    expect(bootstrapDistribution(items, mean, { seed: 3, samples: 10 }).length).toBe(10);
    expect(() => bootstrapDistribution(items, mean, { seed: 3, samples: 0 })).toThrow(/positive integer/);
  });

  it('with a resample function: the same draws, so the same distribution as gathering the items', () => {
    const values = Array.from({ length: 301 }, (_, i) => (i * 7919) % 13 / 10);
    const sum = (xs: ArrayLike<number>) => { let s = 0; for (let i = 0; i < xs.length; i++) s += xs[i]!; return s / xs.length; };
    const resample = (picks: Uint32Array) => sum(Array.from(picks, (i) => values[i]!));
    const plain = bootstrapDistribution(values, sum, { seed: 9, samples: 50 });
    const fast = bootstrapDistribution(values, sum, { seed: 9, samples: 50, resample });
    expect(Array.from(fast)).toEqual(Array.from(plain));
    const paired = pairedBootstrap(values, values.map((v) => v * 2), sum, { seed: 4, samples: 50 });
    const pairedFast = pairedBootstrap(values, values.map((v) => v * 2), sum, {
      seed: 4,
      samples: 50,
      resample: { a: resample, b: (picks) => sum(Array.from(picks, (i) => values[i]! * 2)) },
    });
    expect(pairedFast).toEqual(paired);
  });

  it('gives a degenerate interval for constant items and null for none', () => {
    expect(bootstrapInterval([1, 1, 1], mean, { seed: 0 })).toEqual([1, 1]);
    expect(bootstrapInterval([], mean, { seed: 0 })).toBeNull();
  });
});

describe('pairedBootstrap', () => {
  it('identical runs: delta 0, interval [0, 0], p = 1', () => {
    const xs = [1, 0, 1, 1, 0, 1];
    const r = pairedBootstrap(xs, xs, mean, { seed: 5, samples: 200 });
    expect(r.delta).toBe(0);
    expect(r.ci95).toEqual([0, 0]);
    expect(r.p).toBe(1);
  });

  it('a large consistent improvement: tiny p, interval excludes 0', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 25%
    const b = Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? 0 : 1)); // 75%
    const r = pairedBootstrap(a, b, mean, { seed: 5, samples: 500 });
    expect(r.a).toBe(0.25);
    expect(r.b).toBe(0.75);
    expect(r.delta).toBe(0.5);
    expect(r.ci95![0]).toBeGreaterThan(0.4);
    expect(r.ci95![1]).toBeLessThan(0.6);
    // Every resampled delta is above 0: the resolution limit 1/B.
    expect(r.p).toBe(1 / 500);
  });

  it('keeps pairing: a shift that is constant per sample has a degenerate interval', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = a.map((x) => x + 1);
    const r = pairedBootstrap(a, b, mean, { seed: 9, samples: 300 });
    expect(r.ci95![0]).toBeCloseTo(1, 12);
    expect(r.ci95![1]).toBeCloseTo(1, 12);
  });

  it('rejects runs of different lengths, p-value helper edge cases', () => {
    expect(() => pairedBootstrap([1], [1, 0], mean, { seed: 0 })).toThrow(/same number/);
    expect(bootstrapPValue([0.1, -0.1], 0)).toBe(1);
    expect(bootstrapPValue([0.5, -0.5, 0.1, -0.1], 0.3)).toBe(3 / 5);
  });
});

describe('percentilePValue: the p-value dual to the percentile interval', () => {
  it('is the level at which the interval starts to exclude 0 (worked by hand)', () => {
    // Sorted deltas -0.2 -0.1 0.1 0.3 0.5 (positions 0…4). The interpolated quantile crosses 0 at position
    // 1.5 = q·4, q = 0.375: the lower end excludes 0 for α/2 > 0.375, i.e. α > 0.75; the upper end never
    // does (it would need 1 − α/2 < 0.375). So p = 0.75, and the 25 % interval [q .375, q .625] = [0, 0.2].
    expect(percentilePValue([0.5, -0.1, 0.3, -0.2, 0.1])).toBeCloseTo(0.75, 14);
    expect(percentileInterval([0.5, -0.1, 0.3, -0.2, 0.1], 0.25)![0]).toBeCloseTo(0, 14);
    // Mirror image: the same p from the upper end.
    expect(percentilePValue([-0.5, 0.1, -0.3, 0.2, -0.1])).toBeCloseTo(0.75, 14);
  });

  it('edge cases: all zero, one side only, one value, nothing finite', () => {
    expect(percentilePValue([0, 0, 0])).toBe(1);
    expect(percentilePValue([0.1, 0.2, 0.3, 0.4])).toBe(1 / 4);
    expect(percentilePValue([-0.1, -0.2])).toBe(1 / 2);
    expect(percentilePValue([0.3])).toBe(1);
    expect(percentilePValue([0])).toBe(1);
    expect(percentilePValue([NaN, Infinity])).toBeNaN();
    // Zeros count as "not above 0": positions 0 and 1 are 0, so the lower end leaves 0 only for α/2 > 1/4.
    expect(percentilePValue([0, 0, 1, 1, 1])).toBeCloseTo(0.5, 14);
    expect(percentileInterval([0, 0, 1, 1, 1], 0.5)![0]).toBe(0);
  });

  // A skewed, non-linear statistic (macro-F1 over five classes with a rare class) is where a shifted-null
  // p-value and a percentile interval part ways; the dual p-value must agree with the interval every time.
  it('never disagrees with the 95 % interval on macro-F1 of random paired runs', () => {
    const random = createRng(20261205);
    const rng = () => random.next();
    const macroF1 = (items: readonly { gold: number; pred: number }[]) => {
      let sum = 0;
      for (let c = 0; c < 5; c++) {
        let tp = 0, fp = 0, fn = 0;
        for (const { gold, pred } of items) {
          if (pred === c && gold === c) tp++;
          else if (pred === c) fp++;
          else if (gold === c) fn++;
        }
        sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      }
      return sum / 5;
    };
    let checked = 0, significant = 0;
    for (let trial = 0; trial < 60; trial++) {
      const n = 30 + Math.floor(rng() * 60);
      const skill = [0.3 + 0.4 * rng(), 0.3 + 0.4 * rng()];
      const gold = Array.from({ length: n }, () => (rng() < 0.1 ? 4 : Math.floor(rng() * 4)));
      const run = (k: number) => gold.map((g) => ({ gold: g, pred: rng() < skill[k]! ? g : Math.floor(rng() * 5) }));
      const r = pairedBootstrap(run(0), run(1), macroF1, { seed: trial, samples: 400 });
      const excludes = r.ci95![0] > 0 || r.ci95![1] < 0;
      expect(r.p < 0.05, `trial ${trial}: p ${r.p}, ci95 ${r.ci95}`).toBe(excludes);
      checked++;
      if (excludes) significant++;
    }
    // The property is only tested if both outcomes occur.
    expect(checked).toBe(60);
    expect(significant).toBeGreaterThan(5);
    expect(significant).toBeLessThan(55);
  });
});

describe('clusteredBootstrapInterval', () => {
  it('resamples whole clusters: clusters of identical items give the bootstrap of the cluster values', () => {
    const values = [1, 0, 1, 1, 0, 0, 1, 1, 1, 0];
    const clusters = values.map((v) => [v, v, v]);
    const clustered = clusteredBootstrapInterval(clusters, mean, { seed: 11, samples: 300 });
    // Same draws (one index per cluster per resample) and the same means: exactly the plain bootstrap.
    expect(clustered).toEqual(bootstrapInterval(values, mean, { seed: 11, samples: 300 }));
  });

  it('is wider than the naive interval when repeats agree within a question', () => {
    const values = [1, 0, 1, 1, 0, 0, 1, 1, 1, 0];
    const items = values.flatMap((v) => [v, v, v]);
    const naive = bootstrapInterval(items, mean, { seed: 3, samples: 500 })!;
    const clustered = clusteredBootstrapInterval(values.map((v) => [v, v, v]), mean, { seed: 3, samples: 500 })!;
    expect(clustered[1] - clustered[0]).toBeGreaterThan(1.3 * (naive[1] - naive[0]));
    expect(clusteredBootstrapInterval([], mean, { seed: 0 })).toBeNull();
  });
});
