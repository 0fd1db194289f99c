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
      expect(ids.add(id)).toBe(false);
      exact.add(id);
    }
    expect(ids.size).toBe(exact.size);
    for (let i = 0; i < 1000; i++) expect(ids.has(shapes(i * 97))).toBe(true);
    for (let i = 0; i < 1000; i++) expect(ids.has(`absent-${i}`)).toBe(false);
  });

  it('says when an id comes again', () => {
    const ids = new HashedIdSet();
    expect(ids.add('a')).toBe(false);
    expect(ids.add('b')).toBe(false);
    expect(ids.add('a')).toBe(true);
    expect(ids.add('')).toBe(false);
    expect(ids.add('')).toBe(true);
    expect(ids.size).toBe(3);
  });
});
