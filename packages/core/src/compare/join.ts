// Reading the runs' records into compact per-metric item columns, joined by sample id on the baseline.
import { sliceKey } from '../aggregate/slice-key.js';
import type { EvalRecord, Metric } from '../types.js';

export interface BaselineColumns {
  index: Map<string, number>;
  /** metric → items (null = not scorable), in baseline record order. */
  items: unknown[][];
  /** dimension → slice key per baseline record. */
  keys: string[][];
}

export async function readBaseline(
  name: string,
  records: AsyncIterable<EvalRecord>,
  metrics: Metric[],
  dimensions: string[],
): Promise<BaselineColumns> {
  const columns: BaselineColumns = { index: new Map(), items: metrics.map(() => []), keys: dimensions.map(() => []) };
  const seen = metrics.map(() => false);
  for await (const record of records) {
    checkRecord(name, record, columns.index.size);
    if (columns.index.has(record.id)) throw new Error(`compare: run "${name}" has sample id "${record.id}" twice in its records`);
    columns.index.set(record.id, columns.index.size);
    metrics.forEach((metric, m) => {
      const item = record.items[metric.name];
      if (item !== undefined) seen[m] = true;
      columns.items[m]!.push(item ?? null);
    });
    dimensions.forEach((dim, d) => columns.keys[d]!.push(sliceKey(record.meta?.[dim])));
  }
  requireItems(name, metrics, seen, columns.index.size);
  return columns;
}

/** Items of another run placed at the baseline's indices (null where that run lacks the sample). */
export async function readAligned(
  name: string,
  records: AsyncIterable<EvalRecord>,
  metrics: Metric[],
  baseline: BaselineColumns,
): Promise<{ items: unknown[][]; present: Uint8Array; onlyHere: number }> {
  const size = baseline.index.size;
  const items = metrics.map(() => new Array<unknown>(size).fill(null));
  const present = new Uint8Array(size);
  const seen = metrics.map(() => false);
  const ids = new Set<string>();
  let onlyHere = 0, count = 0;
  for await (const record of records) {
    checkRecord(name, record, count++);
    if (ids.has(record.id)) throw new Error(`compare: run "${name}" has sample id "${record.id}" twice in its records`);
    ids.add(record.id);
    metrics.forEach((metric, m) => { if (record.items[metric.name] !== undefined) seen[m] = true; });
    const i = baseline.index.get(record.id);
    if (i === undefined) { onlyHere++; continue; }
    present[i] = 1;
    metrics.forEach((metric, m) => { items[m]![i] = record.items[metric.name] ?? null; });
  }
  requireItems(name, metrics, seen, count);
  return { items, present, onlyHere };
}

function checkRecord(name: string, record: EvalRecord, line: number): void {
  if (typeof record?.id !== 'string' || typeof record.items !== 'object' || record.items === null) {
    throw new Error(`compare: run "${name}", record ${line + 1}: expected an object with a string "id" and an "items" object`);
  }
}

function requireItems(name: string, metrics: Metric[], seen: boolean[], count: number): void {
  if (count === 0) return;
  metrics.forEach((metric, m) => {
    if (!seen[m]) {
      throw new Error(`compare: run "${name}" has no per-sample items for metric "${metric.name}" in its records (was it evaluated with this metric?)`);
    }
  });
}
