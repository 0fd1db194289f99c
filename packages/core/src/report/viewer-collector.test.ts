// viewerCollector (the run folder feeds it while it writes records) against viewerData on the same records read
// back from JSON, as a report rendered later from records.jsonl sees them.
import { describe, expect, it } from 'vitest';
import type { EvalRecord } from '../types.js';
import { fixtureRun, iterate } from './test-fixture.js';
import { viewerCollector, viewerData } from './viewer-data.js';

const readBack = (records: EvalRecord[]) => records.map((r) => JSON.parse(JSON.stringify(r)) as EvalRecord);

describe('viewerCollector', () => {
  it('gives the data viewerData reads from the written records: outcomes, scores, slices, rules, prompts', async () => {
    const { result, records } = fixtureRun(2300);
    // What only a round trip through JSON changes: a score that is not a number, a field that is undefined.
    records[8] = { ...records[8]!, scores: { accuracy: Number.NaN, distinct1: Number.POSITIVE_INFINITY }, reasoning: undefined };
    const collector = viewerCollector();
    for (const record of records) expect(collector.add(record)).toBe(true);
    const collected = collector.data('m', result);
    const read = await viewerData([{ name: 'm', result, records: iterate(readBack(records)) }]);
    expect(JSON.stringify(collected)).toBe(JSON.stringify(read));
    expect(collected.samples).toHaveLength(2300);
    expect(collected.rules.length).toBeGreaterThan(1);
    expect(collected.dims.length).toBe(3);
  });

  it('keeps the first maxSamples records, as viewerData does', async () => {
    const { result, records } = fixtureRun(300);
    const collector = viewerCollector(120);
    const taken = records.map((record) => collector.add(record));
    expect(taken.indexOf(false)).toBe(119); // the 120th is taken, and says the collector is full
    const collected = collector.data('m', result);
    expect(collected.samples).toHaveLength(120);
    const read = await viewerData([{ name: 'm', result, records: iterate(readBack(records)) }], { maxSamples: 120 });
    expect(JSON.stringify(collected)).toBe(JSON.stringify(read));
  });

  it('gives its data once (the cells are completed in place)', () => {
    const { result, records } = fixtureRun(5);
    const collector = viewerCollector();
    records.forEach((record) => collector.add(record));
    collector.data('m', result);
    expect(() => collector.data('m', result)).toThrow(/already/);
  });
});
