// Chunked columns read back exactly what was pushed (Object.is: -0, NaN and null included), across chunk
// boundaries (65,536 values a chunk) and across the widening of a chunk by its first value that does not fit.
import { describe, expect, it } from 'vitest';
import { IntColumn, ItemColumn } from './chunked-column.js';

const CHUNK = 65_536;

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectSame(column: ItemColumn, values: unknown[]) {
  expect(column.length).toBe(values.length);
  for (let i = 0; i < values.length; i++) {
    const got = column.get(i);
    if (!Object.is(got, values[i]) && !(typeof got === 'object' && got === values[i])) {
      throw new Error(`index ${i}: pushed ${String(values[i])} (${typeof values[i]}), read ${String(got)}`);
    }
  }
}

describe('ItemColumn', () => {
  it('gives back 0/1 items and nulls across chunk boundaries', () => {
    const column = new ItemColumn();
    const values: unknown[] = [];
    for (let i = 0; i < 3 * CHUNK + 17; i++) {
      const value = i % 5 === 0 ? null : i % 2;
      column.push(value);
      values.push(value);
    }
    expectSame(column, values);
  });

  it('keeps every value exactly when a chunk meets one it cannot hold in a byte', () => {
    // The first 254/255 and null: 254 is the largest byte integer, 255 is the byte that means null.
    const edge: unknown[] = [0, 254, null, 255, 1];
    const column = new ItemColumn();
    for (const value of edge) column.push(value);
    expectSame(column, edge);

    // Each kind of value that does not fit, arriving after bytes with and without nulls before it.
    const misfits: unknown[] = [255, 256, -1, 0.5, -0, Number.NaN, 1e300, { bleu: [1, 2] }, 'B', true, undefined];
    for (const misfit of misfits) {
      for (const withNull of [false, true]) {
        for (const at of [0, 1, 1000, CHUNK - 1]) {
          const c = new ItemColumn();
          const values: unknown[] = [];
          for (let i = 0; i < at; i++) values.push(withNull && i === at - 1 ? null : i % 3);
          values.push(misfit);
          // After the widening: small integers, nulls, fractions and the misfit again, into the next chunk.
          for (let i = 0; i < 300; i++) values.push([1, null, 0.75, misfit][i % 4]);
          for (const value of values) c.push(value);
          expectSame(c, values);
        }
      }
    }
  });

  it('agrees with a plain array on 200,000 random items of mixed kinds', () => {
    const next = random(18);
    const column = new ItemColumn();
    const values: unknown[] = [];
    // Runs of one kind, so that some chunks stay bytes, some become numbers and some arrays.
    let kind = 0;
    for (let i = 0; i < 200_000; i++) {
      if (i % 20_000 === 0) kind = Math.floor(next() * 4);
      const r = next();
      const value =
        kind === 0 ? (r < 0.1 ? null : r < 0.55 ? 0 : 1)
          : kind === 1 ? (r < 0.5 ? Math.floor(r * 600) : r)
            : kind === 2 ? (r < 0.2 ? null : r < 0.6 ? r * 100 : Math.floor(r * 10))
              : r < 0.3 ? null : r < 0.6 ? { value: r } : Math.floor(r * 300);
      column.push(value);
      values.push(value);
    }
    expectSame(column, values);
  });
});

describe('IntColumn', () => {
  it('gives back codes across chunk boundaries, below and above 255', () => {
    const codes = new IntColumn();
    const values: number[] = [];
    for (let i = 0; i < 3 * CHUNK + 17; i++) {
      // The second chunk meets a large code halfway; the third only at its last value.
      const value = i === CHUNK + CHUNK / 2 ? 70_000 : i === 3 * CHUNK - 1 ? 256 : i >= CHUNK + CHUNK / 2 && i < 2 * CHUNK ? i : i % 7;
      codes.push(value);
      values.push(value);
    }
    expect(codes.length).toBe(values.length);
    for (let i = 0; i < values.length; i++) if (codes.get(i) !== values[i]) throw new Error(`index ${i}: pushed ${values[i]}, read ${codes.get(i)}`);
  });
});
