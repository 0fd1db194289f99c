// Chunked columns read back what was pushed, across chunk boundaries (65,536 values a chunk).
import { describe, expect, it } from 'vitest';
import { ChunkedColumn, IntColumn } from './chunked-column.js';

describe('ChunkedColumn / IntColumn', () => {
  it('give back every value by index across chunk boundaries', () => {
    const values = new ChunkedColumn<unknown>();
    const codes = new IntColumn();
    const n = 3 * 65_536 + 17;
    for (let i = 0; i < n; i++) {
      values.push(i % 5 === 0 ? null : { i });
      codes.push(i % 7);
    }
    expect(values.length).toBe(n);
    expect(codes.length).toBe(n);
    for (const i of [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, n - 1]) {
      expect(values.get(i)).toEqual(i % 5 === 0 ? null : { i });
      expect(codes.get(i)).toBe(i % 7);
    }
  });
});
