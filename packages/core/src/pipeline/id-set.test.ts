import { describe, expect, it } from 'vitest';
import { HashedIdSet } from './id-set.js';

describe('HashedIdSet', () => {
  it('answers like a Set<string> on 1,100,000 distinct ids of several shapes, through 11 tables', () => {
    const ids = new HashedIdSet();
    // Distinct by construction (each shape carries i, and the shapes differ in form).
    const shapes = (i: number) => [String(i), `q-${i}`, `病例${i}`, `${i}`.padStart(8, '0') + 'x'][i % 4]!;
    const n = 1_100_000;
    let twins = 0;
    for (let i = 0; i < n; i++) if (ids.add(shapes(i))) twins++;
    // A fingerprint twin is expected ~0.003 times in a million; the caller confirms any. None for these ids.
    expect(twins).toBe(0);
    expect(ids.size).toBe(n);
    // Ids from every table (the first 512 ids sit in the first table, the last ~576,000 in the 11th).
    for (let i = 0; i < n; i += 997) expect(ids.has(shapes(i))).toBe(true);
    for (const i of [0, 511, 512, 1535, 1536, n - 1]) expect(ids.add(shapes(i))).toBe(true);
    for (let i = 0; i < 5000; i++) expect(ids.has(`absent-${i}`)).toBe(false);
    expect(ids.size).toBe(n);
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
