// IntegerIdSet against a plain Set<string> of the same ids: the same answers for canonical integers, nothing
// kept for other ids, and a clean give-up on ids too sparse to keep as bits.
import { describe, expect, it } from 'vitest';
import { IntegerIdSet } from './integer-ids.js';

describe('IntegerIdSet', () => {
  it('answers like a Set<string> for canonical integers, across pages and below zero', () => {
    const ids = ['0', '1', '65535', '65536', '131071', '-1', '-65537', '999999', '1000000'];
    const set = new IntegerIdSet();
    for (const id of ids) set.add(id);
    const exact = new Set(ids);
    for (const probe of [...ids, '2', '65537', '-2', '1000001', '07', '1.0', '1e3', 'q1', '', '-0']) expect(set.has(probe), probe).toBe(exact.has(probe));
    expect(set.count).toBe(ids.length);
    expect(set.min).toBe(-65537);
    expect(set.all).toBe(true);
    expect([...set.ids()].sort()).toEqual([...ids].sort());
  });

  it('keeps no non-integer id and says so', () => {
    const set = new IntegerIdSet();
    for (const id of ['3', 'q7', '007', '3']) set.add(id);
    expect(set.all).toBe(false);
    expect(set.count).toBe(1);
    expect(set.has('7')).toBe(false);
    expect(set.has('3')).toBe(true);
  });

  it('gives up on sparse ids (a page per id) instead of growing without bound', () => {
    const set = new IntegerIdSet();
    for (let k = 0; k < 100; k++) set.add(String(k * 1_000_003_017));
    expect(set.tracking).toBe(false);
    expect(set.has('0')).toBe(false);
    expect([...set.ids()]).toEqual([]);
    const dense = new IntegerIdSet();
    for (let k = 0; k < 1_000_000; k++) dense.add(String(k));
    expect(dense.tracking).toBe(true);
    expect(dense.count).toBe(1_000_000);
    expect(dense.has('999999')).toBe(true);
    expect(dense.has('1000000')).toBe(false);
  });
});
