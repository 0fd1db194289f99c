import { describe, expect, it } from 'vitest';
import { HashedIdSet } from './id-set.js';

describe('HashedIdSet', () => {
  it('answers like a Set<string> on 300,000 distinct ids of several shapes, through growth', () => {
    const ids = new HashedIdSet();
    const exact = new Set<string>();
    const shapes = (i: number) => [String(i), `q-${i}`, `病例${i}`, `${i}`.padStart(8, '0')][i % 4]!;
    for (let i = 0; i < 300_000; i++) {
      const id = shapes(i);
      expect(exact.has(id)).toBe(false);
      expect(ids.add(id, i + 1)).toBe(-1);
      exact.add(id);
    }
    expect(ids.size).toBe(exact.size);
    for (let i = 0; i < 1000; i++) expect(ids.has(shapes(i * 97))).toBe(true);
    for (let i = 0; i < 1000; i++) expect(ids.has(`absent-${i}`)).toBe(false);
  });

  it('returns the line of the first occurrence on a repeat', () => {
    const ids = new HashedIdSet();
    expect(ids.add('a', 3)).toBe(-1);
    expect(ids.add('b', 4)).toBe(-1);
    expect(ids.add('a', 9)).toBe(3);
    expect(ids.add('', 10)).toBe(-1);
    expect(ids.add('', 11)).toBe(10);
  });
});
