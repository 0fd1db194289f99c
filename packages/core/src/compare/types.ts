// The shape of a comparison. For two runs, JSON.stringify(comparison) is exactly CONTRACT.md's
// `{"n", "metrics": {name: {"a","b","delta","ci95","p"}}, "slices": {dimension: {value: {"n","metrics"}}}}`;
// everything else (run names, labels, which test was used) is kept under a symbol, out of the JSON.
import type { UsageSummary } from '../types.js';

export interface MetricComparison {
  /** Baseline (first run) value on the paired samples; null when no sample is scorable by both runs. */
  a: number | null;
  b: number | null;
  /** b − a. */
  delta: number | null;
  /** Paired-bootstrap percentile 95% interval of delta. */
  ci95: [number, number] | null;
  /** Two-sided p-value: exact McNemar for 0/1 items, paired bootstrap otherwise. */
  p: number | null;
}

export interface SliceComparison {
  n: number;
  metrics: Record<string, MetricComparison>;
}

export interface Comparison {
  /** Samples both runs have (joined by id). */
  n: number;
  metrics: Record<string, MetricComparison>;
  slices: Record<string, Record<string, SliceComparison>>;
}

/** Three or more runs: every run after the first compared with the first (the baseline). */
export interface MultiComparison {
  baseline: string;
  comparisons: Record<string, Comparison>;
}

export interface ComparisonInfo {
  baseline: string;
  candidate: string;
  task: string;
  protocol: { name: string; signature: string };
  /** Samples present in only one of the two runs (not compared). */
  onlyA: number;
  onlyB: number;
  metrics: Record<string, { signature: string; scale?: 'percent' | 'fraction'; test: 'mcnemar' | 'bootstrap'; higherIsBetter: boolean }>;
  /** dimension → slice key → the paper's label. */
  labels: Record<string, Record<string, string>>;
  seed: number;
  bootstrapSamples: number;
  /** What each run's answers cost (results.json `usage`), when either run has it. */
  usage?: { a: UsageSummary | undefined; b: UsageSummary | undefined };
}

export const COMPARISON_INFO = Symbol.for('medeval.comparison.info');

export function comparisonInfo(comparison: Comparison): ComparisonInfo | undefined {
  return (comparison as unknown as Record<symbol, ComparisonInfo | undefined>)[COMPARISON_INFO];
}

export function isMultiComparison(value: Comparison | MultiComparison): value is MultiComparison {
  return 'comparisons' in value && 'baseline' in value;
}
