// compare(): runs side by side on the samples they share. The first run is the baseline A; each other run
// B is compared with it: metric values, delta = b − a with a paired-bootstrap 95% interval, and a p-value
// (exact McNemar for 0/1 items, paired bootstrap otherwise), overall and per slice.
import { compareSliceKeys } from '../aggregate/slice-key.js';
import { DEFAULT_BOOTSTRAP_SAMPLES } from '../stats/bootstrap.js';
import type { EvalRecord, Metric, ResultJson } from '../types.js';
import { readAligned, readBaseline, type BaselineColumns } from './join.js';
import { compareMetric, pairedTestFor, type PairSettings } from './metric-comparison.js';
import { attachComparisonDisplay } from './display.js';
import {
  COMPARISON_INFO, type Comparison, type ComparisonInfo, type MetricComparison, type MultiComparison, type SliceComparison,
} from './types.js';

export interface CompareRun {
  name: string;
  results: ResultJson;
  records: AsyncIterable<EvalRecord>;
}

export interface CompareOptions {
  runs: CompareRun[];
  metrics: Metric[];
  /** Default: the baseline's manifest seed. */
  seed?: number;
  /** Default: the baseline's manifest bootstrapSamples (1000 when absent). */
  bootstrapSamples?: number;
}

/**
 * Two runs give a Comparison (CONTRACT.md's JSON); three or more give a MultiComparison.
 *
 * @example
 * const runs = await Promise.all(['runs/a', 'runs/b'].map(async (dir) => {
 *   const folder = await readRunFolder(dir); // from '@medeval/core/node'
 *   return { name: dir, results: folder.results, records: folder.records() };
 * }));
 * const comparison = await compare({ runs, metrics: task.metrics });
 */
export async function compare(options: CompareOptions): Promise<Comparison | MultiComparison> {
  const { runs } = options;
  if (runs.length < 2) throw new Error(`compare: needs at least two runs, got ${runs.length}`);
  const names = new Set<string>();
  for (const run of runs) {
    if (names.has(run.name)) throw new Error(`compare: two runs are named "${run.name}"; give each run a distinct name`);
    names.add(run.name);
  }
  const [base, ...others] = runs as [CompareRun, ...CompareRun[]];
  for (const other of others) checkComparable(base, other, options.metrics);
  const settings: PairSettings = {
    seed: options.seed ?? base.results.manifest?.seed ?? 0,
    bootstrapSamples: options.bootstrapSamples ?? base.results.manifest?.bootstrapSamples ?? DEFAULT_BOOTSTRAP_SAMPLES,
  };
  const dimensions = Object.keys(base.results.slices ?? {});
  const baseline = await readBaseline(base.name, base.records, options.metrics, dimensions);
  const comparisons: Record<string, Comparison> = {};
  for (const other of others) {
    comparisons[other.name] = await comparePair(base, other, baseline, options.metrics, dimensions, settings);
  }
  if (others.length === 1) return comparisons[others[0]!.name]!;
  const multi: MultiComparison = { baseline: base.name, comparisons };
  return attachComparisonDisplay(multi);
}

/**
 * compare() for exactly two runs, typed as a single Comparison.
 *
 * @example
 * const c = await compareTwo({ runs: [runA, runB], metrics: task.metrics });
 * console.log(c.overall.accuracy?.delta, c.overall.accuracy?.p);
 */
export async function compareTwo(options: CompareOptions): Promise<Comparison> {
  if (options.runs.length !== 2) throw new Error(`compareTwo: needs exactly two runs, got ${options.runs.length}`);
  return (await compare(options)) as Comparison;
}

function checkComparable(a: CompareRun, b: CompareRun, metrics: Metric[]): void {
  const ta = a.results.task?.name, tb = b.results.task?.name;
  if (ta !== tb) {
    throw new Error(`compare: runs of different tasks cannot be compared: "${a.name}" is task "${ta}", "${b.name}" is task "${tb}"`);
  }
  // Sample ids are row indexes, so runs on different files would pair different questions by id.
  const da = a.results.task?.dataset?.sha256, db = b.results.task?.dataset?.sha256;
  if (da && db && da !== db) {
    throw new Error(
      `compare: runs on different data cannot be compared: "${a.name}" read ${a.results.task.dataset.source} (sha256 ${da.slice(0, 12)}…), ` +
        `"${b.name}" read ${b.results.task.dataset.source} (sha256 ${db.slice(0, 12)}…)`,
    );
  }
  const pa = a.results.protocol, pb = b.results.protocol;
  if (pa?.name !== pb?.name) {
    throw new Error(`compare: runs under different protocols cannot be compared: "${a.name}" used "${pa?.name}", "${b.name}" used "${pb?.name}"`);
  }
  if (pa.signature !== pb.signature) {
    throw new Error(
      `compare: runs under different versions of protocol "${pa.name}" cannot be compared: "${a.name}" has signature "${pa.signature}", "${b.name}" has "${pb.signature}"`,
    );
  }
  for (const metric of metrics) {
    const sa = a.results.metrics?.[metric.name]?.signature, sb = b.results.metrics?.[metric.name]?.signature;
    if (sa !== undefined && sb !== undefined && sa !== sb) {
      throw new Error(`compare: metric "${metric.name}" was computed differently: "${a.name}" has "${sa}", "${b.name}" has "${sb}"`);
    }
    const stored = sa ?? sb;
    if (stored !== undefined && stored !== metric.signature) {
      throw new Error(`compare: metric "${metric.name}" given to compare() has signature "${metric.signature}" but the runs stored "${stored}"`);
    }
  }
}

async function comparePair(
  base: CompareRun,
  other: CompareRun,
  baseline: BaselineColumns,
  metrics: Metric[],
  dimensions: string[],
  settings: PairSettings,
): Promise<Comparison> {
  const aligned = await readAligned(other.name, other.records, metrics, baseline);
  const shared: number[] = [];
  aligned.present.forEach((p, i) => { if (p) shared.push(i); });
  if (shared.length === 0) {
    throw new Error(`compare: runs "${base.name}" and "${other.name}" have no sample id in common`);
  }
  const tests = metrics.map((metric, m) => testOver(metric, shared, baseline.items[m]!, aligned.items[m]!));
  const over = (indices: readonly number[], where: readonly string[]): Record<string, MetricComparison> => {
    const out: Record<string, MetricComparison> = {};
    metrics.forEach((metric, m) => {
      out[metric.name] = compareMetric(metric, indices, baseline.items[m]!, aligned.items[m]!, settings, where, tests[m]!);
    });
    return out;
  };
  const slices: Comparison['slices'] = {};
  const labels: ComparisonInfo['labels'] = {};
  dimensions.forEach((dim, d) => {
    const groups = new Map<string, number[]>();
    for (const i of shared) {
      const key = baseline.keys[d]![i]!;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    }
    const labelOf = (key: string) => base.results.slices[dim]?.[key]?.label ?? other.results.slices?.[dim]?.[key]?.label;
    const keys = [...groups.keys()].sort((x, y) => compareSliceKeys(x, y, (k) => groups.get(k)!.length, labelOf));
    const values: Record<string, SliceComparison> = {};
    labels[dim] = {};
    for (const key of keys) {
      values[key] = { n: groups.get(key)!.length, metrics: over(groups.get(key)!, ['slice', dim, key]) };
      const label = labelOf(key);
      if (label !== undefined) labels[dim]![key] = label;
    }
    slices[dim] = values;
  });
  const comparison: Comparison = { n: shared.length, metrics: over(shared, ['overall']), slices };
  const info: ComparisonInfo = {
    baseline: base.name,
    candidate: other.name,
    task: base.results.task.name,
    protocol: { ...base.results.protocol },
    onlyA: baseline.index.size - shared.length,
    onlyB: aligned.onlyHere,
    metrics: Object.fromEntries(
      metrics.map((metric, m) => {
        const scale = metric.scale ?? base.results.metrics?.[metric.name]?.scale;
        return [metric.name, { signature: metric.signature, test: tests[m]!, higherIsBetter: metric.higherIsBetter, ...(scale ? { scale } : {}) }];
      }),
    ),
    labels,
    seed: settings.seed,
    bootstrapSamples: settings.bootstrapSamples,
    ...(base.results.usage || other.results.usage ? { usage: { a: base.results.usage, b: other.results.usage } } : {}),
  };
  Object.defineProperty(comparison, COMPARISON_INFO, { value: info, enumerable: false });
  return attachComparisonDisplay(comparison);
}

function testOver(metric: Metric, indices: readonly number[], a: readonly unknown[], b: readonly unknown[]): 'mcnemar' | 'bootstrap' {
  const xs: unknown[] = [], ys: unknown[] = [];
  for (const i of indices) if (a[i] != null && b[i] != null) { xs.push(a[i]); ys.push(b[i]); }
  return pairedTestFor(metric, xs, ys);
}
