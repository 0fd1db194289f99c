import { describe, expect, it } from 'vitest';
import { LONG_LINE, SlotIndex } from './slot-index.js';

const words = (index: SlotIndex) => (index as unknown as { words: Uint32Array }).words;

describe('SlotIndex (the file cache index)', () => {
  it('round-trips offsets up to 1 TiB and lengths up to 16 MiB; a longer line reads as LONG_LINE', () => {
    const index = new SlotIndex();
    const offsets = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32 + 5, 3 * 2 ** 38 + 12345, 2 ** 40 - 1];
    const lengths = [0, 1, 100, 2 ** 16, LONG_LINE - 1];
    offsets.forEach((offset, i) => index.add(`k${i}`, { offset, length: lengths[i % lengths.length]! }));
    offsets.forEach((offset, i) => expect(index.candidates(`k${i}`)).toContainEqual({ offset, length: lengths[i % lengths.length] }));
    index.add('long', { offset: 7, length: LONG_LINE + 5 });
    expect(index.candidates('long')).toContainEqual({ offset: 7, length: LONG_LINE });
    expect(index.size).toBe(offsets.length + 1);
    expect(() => index.add('far', { offset: 2 ** 40, length: 1 })).toThrow(RangeError);
  });

  it('adds the same line once, and another line of the same key beside it', () => {
    const index = new SlotIndex();
    index.add('k', { offset: 10, length: 5 });
    index.add('k', { offset: 10, length: 5 }); // the file indexed anew
    expect(index.size).toBe(1);
    index.add('k', { offset: 99, length: 7 });
    expect(index.candidates('k')).toEqual([
      { offset: 10, length: 5 },
      { offset: 99, length: 7 },
    ]);
    expect(index.candidates('absent')).toEqual([]);
  });

  it('finds each of 300,000 keys through growth; other keys show up only as fingerprint twins', () => {
    const index = new SlotIndex();
    const key = (i: number) => (i * 2654435761).toString(16).padStart(64, 'a');
    for (let i = 0; i < 300_000; i++) index.add(key(i), { offset: i * 131, length: i % 997 });
    expect(index.size).toBe(300_000);
    let extra = 0;
    for (let i = 0; i < 300_000; i++) {
      const found = index.candidates(key(i));
      expect(found).toContainEqual({ offset: i * 131, length: i % 997 });
      for (const other of found) if (other.offset !== i * 131) extra++;
    }
    // 32-bit fingerprints: ~n²/2³³ ≈ 10 twin pairs expected among 300,000 keys, each seen from both sides.
    expect(extra).toBeLessThan(100);
  });

  it('skips a removed line, keeps the probe chains through it, and drops it when the table grows', () => {
    const index = new SlotIndex();
    const keys = Array.from({ length: 700 }, (_, i) => `key-${i}`); // 70 % of the first table: no growth yet
    keys.forEach((k, i) => index.add(k, { offset: i, length: 1 }));
    keys.forEach((k, i) => i % 3 === 0 && index.remove(k, { offset: i, length: 1 }));
    keys.forEach((k, i) => {
      const here = index.candidates(k).some((slot) => slot.offset === i);
      expect(here, k).toBe(i % 3 !== 0);
    });
    expect(index.size).toBe(700 - Math.ceil(700 / 3));
    for (let i = 700; i < 2000; i++) index.add(`key-${i}`, { offset: i, length: 1 });
    expect(index.candidates('key-0').some((slot) => slot.offset === 0)).toBe(false);
    expect(index.candidates('key-1')).toContainEqual({ offset: 1, length: 1 });
  });

  it('reserve makes the table once: 100,000 adds after reserve(100,000) copy nothing', () => {
    const index = new SlotIndex();
    index.add('early', { offset: 3, length: 4 });
    index.reserve(100_000);
    const table = words(index);
    expect(table.length).toBeLessThan(3 * 150_000); // ~70 % full, not the next power of two
    for (let i = 1; i < 100_000; i++) index.add(`k${i}`, { offset: i, length: 1 });
    expect(words(index)).toBe(table);
    expect(index.candidates('early')).toContainEqual({ offset: 3, length: 4 });
    expect(index.candidates('k99999')).toContainEqual({ offset: 99999, length: 1 });
  });
});
