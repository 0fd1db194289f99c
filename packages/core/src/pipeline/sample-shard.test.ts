import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../cache/hash.js';
import { parseShard, shardOf, shardSamples } from './sample-shard.js';

describe('shardOf', () => {
  it('is the first four bytes of sha256(id) as an unsigned integer, mod N', () => {
    // sha256("0") = 5feceb66… → 0x5feceb66 = 1609362278; mod 4 = 2, mod 7 = 1609362278 % 7.
    expect(sha256Hex('0').slice(0, 8)).toBe('5feceb66');
    expect(shardOf('0', 4)).toBe(1609362278 % 4);
    expect(shardOf('0', 7)).toBe(1609362278 % 7);
    expect(shardOf('anything', 1)).toBe(0);
  });

  it('spreads 6,811 CMExam-like ids over 8 shards within a few percent of even', () => {
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 6811; i++) counts[shardOf(String(i), 8)]++;
    for (const c of counts) expect(Math.abs(c - 6811 / 8)).toBeLessThan(80);
  });
});

describe('shardSamples', () => {
  it('keeps the samples of one shard with their position in the whole stream', async () => {
    async function* samples() {
      for (let i = 0; i < 20; i++) yield { id: String(i), input: i, target: i };
    }
    const got: Array<{ id: string; position: number }> = [];
    for await (const { sample, position } of shardSamples(samples(), { index: 2, count: 3 })) got.push({ id: sample.id, position });
    expect(got.map((g) => g.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).filter((id) => shardOf(id, 3) === 2));
    expect(got.every((g) => g.position === Number(g.id))).toBe(true);
  });
});

describe('parseShard', () => {
  it('reads I/N, 0-based, and says what is wrong otherwise', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
    expect(parseShard('4/4')).toBe('"4/4": the shard index is 0-based, so it must be below 4');
    expect(parseShard('1/0')).toBe('"1/0": the number of shards must be at least 1');
    expect(parseShard('a/b')).toMatch(/is not I\/N/);
  });
});
