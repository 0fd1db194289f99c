// Overall and per-slice metrics of one run, fed one record at a time by the pipeline.
// Memory is O(items): one compact column of items per metric and one small integer code per record and
// slice dimension; nothing else of a record (output, target, not even its id) is kept. Unique ids are the
// pipeline's guarantee (datasets number their rows; score() refuses duplicate prediction ids).
import type { Counts, MetaValue, Metric, MetricValue, ResultJson, Status } from '../types.js';
import { metricValue, type IntervalSettings } from './metric-value.js';
import { IntColumn, ItemColumn } from './chunked-column.js';
import { compareSliceKeys, sliceKey } from './slice-key.js';

export interface RunAggregatorOptions {
  metrics: Metric[];
  /**
   * `sample.meta` keys to slice by, in display order; or a function read when the first record arrives,
   * so that the data decides (a loader knows its columns once it has read the header, not from the file
   * name). A dimension no record has a value for (absent or empty everywhere) gives no table.
   */
  sliceDimensions: string[] | (() => string[]);
  /** Human label for a slice value (the paper's abbreviation); stored as `SliceValue.label`. */
  sliceLabel?: (dimension: string, value: MetaValue) => string;
  seed: number;
  bootstrapSamples: number;
}

export interface AggregatorRecord {
  id: string;
  status: Status;
  /** metric name → per-sample item; null (or absent) = not scorable by that metric. */
  items: Record<string, unknown | null>;
  meta: Record<string, MetaValue>;
  /** The question this record repeats (runs with epochs): intervals then resample questions, not records. */
  cluster?: string;
}

export interface AggregateResult {
  metrics: Record<string, MetricValue>;
  slices: ResultJson['slices'];
  counts: Counts;
}

const STATUSES: ReadonlySet<string> = new Set<Status>(['ok', 'unparsed', 'empty', 'truncated', 'error']);

interface Dimension {
  name: string;
  codes: IntColumn;
  keys: string[];
  index: Map<string, number>;
  raw: MetaValue[];
}

export class RunAggregator {
  private readonly metrics: Metric[];
  private readonly columns: ItemColumn[];
  private dimensions: Dimension[] | undefined;
  private readonly counts: Counts = { samples: 0, scored: 0, unparsed: 0, empty: 0, truncated: 0, errors: 0 };
  private readonly settings: IntervalSettings;
  /** Cluster code per record, once a record names a cluster. */
  private clusterCodes: IntColumn | undefined;
  private readonly clusterIndex = new Map<string, number>();

  constructor(private readonly options: RunAggregatorOptions) {
    const names = new Set<string>();
    for (const metric of options.metrics) {
      if (names.has(metric.name)) throw new Error(`RunAggregator: two metrics are named "${metric.name}"`);
      names.add(metric.name);
    }
    if (!Number.isInteger(options.bootstrapSamples) || options.bootstrapSamples < 1) {
      throw new RangeError(`RunAggregator: bootstrapSamples must be a positive integer, got ${options.bootstrapSamples}`);
    }
    this.metrics = options.metrics;
    this.columns = options.metrics.map(() => new ItemColumn());
    this.settings = { seed: options.seed, bootstrapSamples: options.bootstrapSamples };
  }

  add(record: AggregatorRecord): void {
    if (!STATUSES.has(record.status)) {
      throw new Error(`RunAggregator: sample "${record.id}" has unknown status "${String(record.status)}"`);
    }
    const dimensions = this.resolveDimensions();
    if (record.cluster !== undefined) {
      if (!this.clusterCodes) {
        this.clusterCodes = new IntColumn();
        for (let i = 0; i < this.counts.samples; i++) this.clusterCodes.push(this.code(`record:${i}`));
      }
      this.clusterCodes.push(this.code(record.cluster));
    } else this.clusterCodes?.push(this.code(`record:${this.counts.samples}`));
    this.countStatus(record.status);
    this.metrics.forEach((metric, m) => {
      const item = record.items[metric.name];
      this.columns[m]!.push(item === undefined ? null : item);
    });
    for (const dim of dimensions) {
      const value = record.meta?.[dim.name];
      const key = sliceKey(value);
      let code = dim.index.get(key);
      if (code === undefined) {
        code = dim.keys.length;
        dim.index.set(key, code);
        dim.keys.push(key);
        dim.raw.push(value ?? null);
      }
      dim.codes.push(code);
    }
  }

  finish(): AggregateResult {
    const metrics = this.metricsOver(null, ['overall']);
    const slices: ResultJson['slices'] = {};
    for (const dim of this.resolveDimensions()) {
      if (dim.raw.every((value) => value === null)) continue; // present nowhere, or never filled: no table
      // Exact-size index arrays (counted first): a million records grow no arrays and leave no garbage here.
      const sizes = new Int32Array(dim.keys.length);
      const n = dim.codes.length;
      for (let i = 0; i < n; i++) sizes[dim.codes.get(i)]!++;
      const members = Array.from(sizes, (size) => new Int32Array(size));
      sizes.fill(0);
      for (let i = 0; i < n; i++) {
        const code = dim.codes.get(i);
        members[code]![sizes[code]!++] = i;
      }
      const labels = dim.keys.map((key, code) => {
        const label = this.options.sliceLabel?.(dim.name, dim.raw[code]!);
        return label !== undefined && label !== key ? label : undefined;
      });
      const order = dim.keys
        .map((key, code) => ({ key, code }))
        .sort((x, y) =>
          compareSliceKeys(x.key, y.key, (k) => members[dim.index.get(k)!]!.length, (k) => labels[dim.index.get(k)!]),
        );
      const values: ResultJson['slices'][string] = {};
      for (const { key, code } of order) {
        const label = labels[code];
        values[key] = {
          n: members[code]!.length,
          ...(label !== undefined ? { label } : {}),
          metrics: this.metricsOver(members[code]!, ['slice', dim.name, key]),
        };
      }
      slices[dim.name] = values;
    }
    return { metrics, slices, counts: { ...this.counts } };
  }

  private resolveDimensions(): Dimension[] {
    if (!this.dimensions) {
      const names = typeof this.options.sliceDimensions === 'function' ? this.options.sliceDimensions() : this.options.sliceDimensions;
      this.dimensions = [...new Set(names)].map((name) => ({ name, codes: new IntColumn(), keys: [], index: new Map(), raw: [] }));
    }
    return this.dimensions;
  }

  private code(cluster: string): number {
    let code = this.clusterIndex.get(cluster);
    if (code === undefined) this.clusterIndex.set(cluster, (code = this.clusterIndex.size));
    return code;
  }

  /** The metrics over the records at `indices` (null: every record), their unscorable (null) items left out. */
  private metricsOver(indices: ArrayLike<number> | null, where: readonly string[]): Record<string, MetricValue> {
    const out: Record<string, MetricValue> = {};
    const codes = this.clusterCodes;
    const count = indices ? indices.length : this.counts.samples;
    const at = indices ? (k: number) => indices[k]! : (k: number) => k;
    this.metrics.forEach((metric, m) => {
      const column = this.columns[m]!;
      // Counted first, then filled: each metric gets its own exact-size copy (an aggregate may sort its input).
      let scorable = 0;
      for (let k = 0; k < count; k++) if (column.get(at(k)) !== null) scorable++;
      const items: unknown[] = new Array(scorable);
      const clusters: number[] | undefined = codes ? new Array<number>(scorable) : undefined;
      for (let k = 0, j = 0; k < count; k++) {
        const i = at(k);
        const item = column.get(i);
        if (item === null) continue;
        items[j] = item;
        if (clusters) clusters[j] = codes!.get(i);
        j++;
      }
      out[metric.name] = metricValue(metric, items, this.settings, where, clusters);
    });
    return out;
  }

  /** Statuses partition the samples: samples = scored (status ok) + unparsed + empty + truncated + errors. */
  private countStatus(status: Status): void {
    this.counts.samples++;
    if (status === 'ok') this.counts.scored++;
    else if (status === 'unparsed') this.counts.unparsed++;
    else if (status === 'empty') this.counts.empty++;
    else if (status === 'truncated') this.counts.truncated = (this.counts.truncated ?? 0) + 1;
    else this.counts.errors++;
  }
}
