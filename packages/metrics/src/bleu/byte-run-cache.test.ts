import { describe, expect, it } from 'vitest';
import { ByteRunCache } from './byte-run-cache.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const idsOf = (cache: ByteRunCache, entry: number) => Array.from(cache.ids().subarray(cache.idsStart(entry), cache.idsStart(entry) + cache.idsLength(entry)));

describe('ByteRunCache', () => {
  it('finds a run by its bytes and flags, anywhere in a buffer', () => {
    const cache = new ByteRunCache();
    const line = bytes('xxFEV1yyFEV1');
    expect(cache.find(line, 2, 6, 0)).toBe(-1);
    const entry = cache.add(line, 2, 6, 0, [7, 8]);
    expect(cache.find(line, 8, 12, 0)).toBe(entry); // the same bytes elsewhere
    expect(cache.find(line, 8, 12, 1)).toBe(-1); // other flags: another key
    expect(cache.find(line, 8, 11, 0)).toBe(-1); // a prefix: another key
    expect(idsOf(cache, entry)).toEqual([7, 8]);
  });

  it('keeps every run through growth, and starts over at its limit', () => {
    const cache = new ByteRunCache(5_000);
    const runs = Array.from({ length: 4_000 }, (_, i) => bytes(`r${i.toString(36)}`));
    const entries = runs.map((run, i) => cache.add(run, 0, run.length, i % 3, [i, i + 1, i + 2].slice(0, 1 + (i % 3))));
    runs.forEach((run, i) => {
      expect(cache.find(run, 0, run.length, i % 3)).toBe(entries[i]);
      expect(idsOf(cache, entries[i]!)).toEqual([i, i + 1, i + 2].slice(0, 1 + (i % 3)));
      expect(cache.find(run, 0, run.length, (i % 3) + 4)).toBe(-1);
    });
    // 1,000 more reach the limit: the cache starts over, and what it holds afterwards is still right.
    const more = Array.from({ length: 1_500 }, (_, i) => bytes(`s${i}`));
    more.forEach((run, i) => cache.add(run, 0, run.length, 0, [i]));
    expect(cache.find(runs[0]!, 0, runs[0]!.length, 0)).toBe(-1);
    const last = more.at(-1)!;
    expect(idsOf(cache, cache.find(last, 0, last.length, 0))).toEqual([1_499]);
  });
});
