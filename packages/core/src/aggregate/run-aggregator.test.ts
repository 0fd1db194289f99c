import { describe, expect, it } from 'vitest';
import type { Metric, MetaValue, Status } from '../types.js';
import { wilsonInterval } from '../stats/wilson.js';
import { RunAggregator } from './run-aggregator.js';

const accuracy: Metric<number> = {
  name: 'accuracy',
  signature: 'accuracy|test|scale:100',
  higherIsBetter: true,
  scale: 'percent',
  interval: 'wilson',
  pairedTest: 'mcnemar',
  item: () => 0,
  aggregate: (xs) => (100 * xs.reduce((s, x) => s + x, 0)) / xs.length,
};
const meanLen: Metric<number> = {
  name: 'mean_len',
  signature: 'mean_len|test',
  higherIsBetter: true,
  scale: 'fraction',
  item: () => 0,
  aggregate: (xs) => xs.reduce((s, x) => s + x, 0) / xs.length,
};

function makeAggregator(sliceLabel?: (d: string, v: MetaValue) => string) {
  return new RunAggregator({ metrics: [accuracy, meanLen], sliceDimensions: ['Difficulty level', 'Discipline'], sliceLabel, seed: 7, bootstrapSamples: 200 });
}

function feed(agg: RunAggregator) {
  const rows: Array<[Status, number | null, number | null, MetaValue | undefined, MetaValue | undefined]> = [
    ['ok', 1, 3, 1, '临床医学'],
    ['ok', 1, 5, 1, '临床医学'],
    ['ok', 0, 4, 2, '中医学'],
    ['unparsed', 0, null, 2, '临床医学'],
    ['empty', 0, null, 3, null],
    ['error', null, null, 3, undefined],
    ['ok', 1, 2, 1, '中医学'],
    ['ok', 1, 6, 10, '临床医学'],
  ];
  rows.forEach(([status, acc, len, diff, disc], i) => {
    const meta: Record<string, MetaValue> = { 'Difficulty level': diff ?? null };
    if (disc !== undefined) meta['Discipline'] = disc;
    agg.add({ id: String(i), status, items: { accuracy: acc, ...(len === null ? {} : { mean_len: len }) }, meta });
  });
}

describe('RunAggregator', () => {
  it('computes overall values, n over non-null items, counts, and Wilson intervals on the metric scale', () => {
    const agg = makeAggregator();
    feed(agg);
    const r = agg.finish();
    expect(r.counts).toEqual({ samples: 8, scored: 5, unparsed: 1, empty: 1, truncated: 0, errors: 1 });
    expect(r.metrics.accuracy!.n).toBe(7);
    expect(r.metrics.accuracy!.value).toBeCloseTo((100 * 4) / 7, 12);
    const [lo, hi] = wilsonInterval(4, 7)!;
    expect(r.metrics.accuracy!.ci95![0]).toBeCloseTo(lo * 100, 10);
    expect(r.metrics.accuracy!.ci95![1]).toBeCloseTo(hi * 100, 10);
    expect(r.metrics.accuracy!.interval).toBe('wilson');
    expect(r.metrics.accuracy!.signature).toBe('accuracy|test|scale:100');
    expect(r.metrics.mean_len!.n).toBe(5);
    expect(r.metrics.mean_len!.value).toBe(4);
    expect(r.metrics.mean_len!.interval).toBe('bootstrap');
    const [blo, bhi] = r.metrics.mean_len!.ci95!;
    expect(blo).toBeGreaterThanOrEqual(2);
    expect(bhi).toBeLessThanOrEqual(6);
    expect(blo).toBeLessThan(4);
    expect(bhi).toBeGreaterThan(4);
  });

  it('slices by meta keys with N/A for missing values, numeric order, labels and per-slice n', () => {
    const agg = makeAggregator((dim, v) => (dim === 'Discipline' && v === '临床医学' ? 'ClinMed' : String(v ?? 'N/A')));
    feed(agg);
    const { slices } = agg.finish();
    expect(Object.keys(slices)).toEqual(['Difficulty level', 'Discipline']);
    expect(Object.keys(slices['Difficulty level']!)).toEqual(['1', '2', '3', '10']);
    expect(Object.keys(slices['Discipline']!)).toEqual(['临床医学', '中医学', 'N/A']);
    const d1 = slices['Difficulty level']!['1']!;
    expect(d1.n).toBe(3);
    expect(d1.label).toBeUndefined(); // label equal to the key is not repeated
    expect(d1.metrics.accuracy!.value).toBe(100);
    expect(d1.metrics.accuracy!.ci95![1]).toBe(100);
    const d3 = slices['Difficulty level']!['3']!;
    expect(d3.n).toBe(2);
    expect(d3.metrics.accuracy!.n).toBe(1);
    expect(d3.metrics.mean_len).toEqual({ value: null, ci95: null, n: 0, signature: 'mean_len|test', interval: 'bootstrap', scale: 'fraction' });
    expect(slices['Discipline']!['临床医学']!.label).toBe('ClinMed');
    expect(slices['Discipline']!['临床医学']!.n).toBe(4);
    expect(slices['Discipline']!['N/A']!.n).toBe(2);
    // the JSON round trip keeps every number (no NaN anywhere)
    expect(JSON.parse(JSON.stringify(slices))).toEqual(slices);
  });

  it('puts values labelled N/A (CMExam 不符合) last', () => {
    const agg = new RunAggregator({
      metrics: [accuracy], sliceDimensions: ['g'], seed: 1, bootstrapSamples: 10,
      sliceLabel: (_d, v) => (v === '不符合' ? 'N/A' : String(v)),
    });
    ['不符合', '不符合', '不符合', 'x', 'y', 'y', null].forEach((g, i) => agg.add({ id: String(i), status: 'ok', items: { accuracy: 1 }, meta: { g } }));
    const { slices } = agg.finish();
    expect(Object.keys(slices.g!)).toEqual(['y', 'x', '不符合', 'N/A']);
    expect(slices.g!['不符合']!.label).toBe('N/A');
  });

  it('is deterministic for a seed and independent of how many dimensions are sliced', () => {
    const a = makeAggregator(); feed(a);
    const b = makeAggregator(); feed(b);
    expect(a.finish()).toEqual(b.finish());
    const c = new RunAggregator({ metrics: [meanLen, accuracy], sliceDimensions: [], seed: 7, bootstrapSamples: 200 });
    feed(c);
    expect(c.finish().metrics.mean_len).toEqual(a.finish().metrics.mean_len);
  });

  it('falls back to the bootstrap when a Wilson metric is not a plain proportion of 0/1 items', () => {
    const weird: Metric<number> = { ...accuracy, name: 'weird', aggregate: (xs) => xs.length };
    const agg = new RunAggregator({ metrics: [weird], sliceDimensions: [], seed: 1, bootstrapSamples: 50 });
    agg.add({ id: 'a', status: 'ok', items: { weird: 1 }, meta: {} });
    agg.add({ id: 'b', status: 'ok', items: { weird: 0 }, meta: {} });
    expect(agg.finish().metrics.weird!.interval).toBe('bootstrap');
  });

  it("honours interval 'none', turns a non-finite aggregate into null, and handles an empty run", () => {
    const none: Metric<number> = { ...meanLen, name: 'none', interval: 'none' };
    const nan: Metric<number> = { ...meanLen, name: 'nan', aggregate: () => NaN };
    const agg = new RunAggregator({ metrics: [none, nan], sliceDimensions: ['x'], seed: 1, bootstrapSamples: 10 });
    expect(agg.finish()).toEqual({
      metrics: {
        none: { value: null, ci95: null, n: 0, signature: 'mean_len|test', interval: 'none', scale: 'fraction' },
        nan: { value: null, ci95: null, n: 0, signature: 'mean_len|test', interval: 'bootstrap', scale: 'fraction' },
      },
      slices: {}, // a dimension no record has a value for gives no table
      counts: { samples: 0, scored: 0, unparsed: 0, empty: 0, truncated: 0, errors: 0 },
    });
    agg.add({ id: 'a', status: 'ok', items: { none: 2, nan: 1 }, meta: {} });
    const r = agg.finish();
    expect(r.metrics.none).toMatchObject({ value: 2, ci95: null, n: 1 });
    expect(r.metrics.nan).toMatchObject({ value: null, ci95: null, n: 1 });
  });

  it('counts truncated outputs apart, and their items stay in the denominators like unparsed ones', () => {
    const agg = new RunAggregator({ metrics: [accuracy], sliceDimensions: [], seed: 1, bootstrapSamples: 20 });
    const statuses: Status[] = ['ok', 'truncated', 'unparsed', 'truncated', 'error'];
    statuses.forEach((status, i) => agg.add({ id: String(i), status, items: { accuracy: status === 'ok' ? 1 : 0 }, meta: {} }));
    const r = agg.finish();
    expect(r.counts).toEqual({ samples: 5, scored: 1, unparsed: 1, empty: 0, truncated: 2, errors: 1 });
    expect(r.metrics.accuracy!.n).toBe(5);
    expect(r.metrics.accuracy!.value).toBe(20);
  });

  it('rejects unknown statuses, duplicate metric names and bad resample counts', () => {
    const agg = makeAggregator();
    agg.add({ id: 'x', status: 'ok', items: {}, meta: {} });
    expect(() => agg.add({ id: 'y', status: 'weird' as Status, items: {}, meta: {} })).toThrow(/unknown status "weird"/);
    expect(agg.finish().counts.samples).toBe(1);
    expect(() => new RunAggregator({ metrics: [accuracy, accuracy], sliceDimensions: [], seed: 0, bootstrapSamples: 10 })).toThrow(/two metrics/);
    expect(() => new RunAggregator({ metrics: [], sliceDimensions: [], seed: 0, bootstrapSamples: 0 })).toThrow(/bootstrapSamples/);
  });
});
