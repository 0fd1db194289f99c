import { describe, expect, it } from 'vitest';
import { HashedTable } from './hashed-table.js';

describe('HashedTable', () => {
  it('keeps a payload per key like a Map, through growth, for 200,000 hex keys', () => {
    const table = new HashedTable(2);
    const exact = new Map<string, [number, number]>();
    const key = (i: number) => (i * 2654435761).toString(16).padStart(64, 'a');
    for (let i = 0; i < 200_000; i++) {
      const at = table.insert(key(i));
      expect(table.isNew).toBe(true);
      table.payload[at] = i;
      table.payload[at + 1] = i ^ 0x5555;
      exact.set(key(i), [i, i ^ 0x5555]);
    }
    expect(table.size).toBe(exact.size);
    for (let i = 0; i < 200_000; i += 997) {
      const at = table.find(key(i));
      expect([table.payload[at], table.payload[at + 1]]).toEqual(exact.get(key(i)));
    }
    expect(table.find('not a key')).toBe(-1);
    const again = table.insert(key(5));
    expect(table.isNew).toBe(false);
    expect(table.payload[again]).toBe(5);
  });
});

describe('HashedTable.reserve', () => {
  it('makes room at once: 100,000 inserts after reserve(100,000) copy no table and keep every key', () => {
    const table = new HashedTable(1);
    const early = table.insert('early');
    table.payload[early] = 42;
    table.reserve(100_000);
    const payload = table.payload;
    expect(table.payload[table.find('early')]).toBe(42); // kept through the one rehash
    for (let i = 0; i < 100_000 - 1; i++) table.payload[table.insert(`key ${i}`)] = i;
    expect(table.payload).toBe(payload); // no growth copied it
    for (let i = 0; i < 100_000 - 1; i += 101) expect(table.payload[table.find(`key ${i}`)]).toBe(i);
  });

  it('does not shrink: reserve below the size is a no-op', () => {
    const table = new HashedTable(1);
    for (let i = 0; i < 5000; i++) table.payload[table.insert(`k${i}`)] = i;
    const payload = table.payload;
    table.reserve(10);
    expect(table.payload).toBe(payload);
  });
});
