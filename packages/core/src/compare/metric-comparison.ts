// One metric compared between two runs on a set of paired samples.
import { allBinary, asBinary } from '../stats/binary.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import { pairedBootstrap } from '../stats/paired.js';
import { deriveSeed } from '../stats/prng.js';
import type { Metric } from '../types.js';
import type { MetricComparison } from './types.js';

export interface PairSettings {
  seed: number;
  bootstrapSamples: number;
}

/** Which p-value a metric gets: McNemar when declared or when every item is 0/1, else the paired bootstrap. */
export function pairedTestFor(metric: Metric, itemsA: readonly unknown[], itemsB: readonly unknown[]): 'mcnemar' | 'bootstrap' {
  if (metric.pairedTest === 'bootstrap') return 'bootstrap';
  const binary = allBinary(itemsA) && allBinary(itemsB);
  if (metric.pairedTest === 'mcnemar') {
    if (!binary) throw new Error(`compare: metric "${metric.name}" asks for McNemar's test but its items are not all 0/1`);
    return 'mcnemar';
  }
  return binary && itemsA.length > 0 ? 'mcnemar' : 'bootstrap';
}

/**
 * `test` is decided once per metric over all shared samples (pairedTestFor), so a slice never switches test.
 * a and b are the metric over the samples both runs can score (a sample one run drops, e.g. an unparsed
 * answer under cmexam-gpt, is left out of both), so the difference is a paired one.
 */
export function compareMetric(
  metric: Metric,
  indices: readonly number[],
  columnA: readonly unknown[],
  columnB: readonly unknown[],
  settings: PairSettings,
  where: readonly string[],
  test: 'mcnemar' | 'bootstrap',
): MetricComparison {
  const itemsA: unknown[] = [], itemsB: unknown[] = [];
  for (const i of indices) {
    const a = columnA[i], b = columnB[i];
    if (a !== null && a !== undefined && b !== null && b !== undefined) { itemsA.push(a); itemsB.push(b); }
  }
  if (itemsA.length === 0) return { a: null, b: null, delta: null, ci95: null, p: null };
  const resampleA = metric.resampler?.(itemsA);
  const resampleB = resampleA && metric.resampler?.(itemsB);
  const boot = pairedBootstrap(itemsA, itemsB, (xs) => metric.aggregate(xs), {
    seed: deriveSeed(settings.seed, 'compare', metric.name, ...where),
    samples: settings.bootstrapSamples,
    resample: resampleA && resampleB ? { a: resampleA, b: resampleB } : undefined,
  });
  let p: number = boot.p;
  if (test === 'mcnemar') {
    let onlyA = 0, onlyB = 0;
    for (let k = 0; k < itemsA.length; k++) {
      const a = asBinary(itemsA[k]), b = asBinary(itemsB[k]);
      if (a === 1 && b === 0) onlyA++;
      else if (a === 0 && b === 1) onlyB++;
    }
    p = mcnemarExact(onlyA, onlyB);
  }
  return { a: finite(boot.a), b: finite(boot.b), delta: finite(boot.delta), ci95: boot.ci95, p: finite(p) };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
