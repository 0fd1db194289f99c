import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cacheKey, memoryCache } from './cache.js';
import { canonicalJson, sha256Hex } from './hash.js';

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches node:crypto on edge inputs (empty, block boundaries, CJK, astral)', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), '医学考试𠀀😀', '\u3000全角'];
    for (const s of inputs) expect(sha256Hex(s)).toBe(nodeSha(s));
  });
  it('known vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonicalJson / cacheKey', () => {
  it('is independent of key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('gives a stable key for the same (model, request, sample)', () => {
    const r1 = { messages: [{ role: 'user' as const, content: '问题' }], temperature: 0, maxTokens: 5 };
    const r2 = { maxTokens: 5, temperature: 0, messages: [{ content: '问题', role: 'user' as const }] };
    const k = cacheKey('m', r1, '0');
    expect(cacheKey({ id: 'm' }, r2, '0')).toBe(k);
    // The documented recipe, pinned: if this changes, bump CACHE_KEY_VERSION.
    expect(k).toBe(nodeSha(canonicalJson({ model: 'm', request: r1, sample: '0', v: 1 })));
    expect(cacheKey('m', r1, '1')).not.toBe(k);
    expect(cacheKey('m2', r1, '0')).not.toBe(k);
    expect(cacheKey('m', { ...r1, temperature: 1 }, '0')).not.toBe(k);
  });
  it('memoryCache stores and returns', () => {
    const c = memoryCache();
    c.set('k', { text: 'A' });
    expect(c.get('k')).toEqual({ text: 'A' });
    expect(c.get('x')).toBeUndefined();
    expect(c.size).toBe(1);
  });
});
