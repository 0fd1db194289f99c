// The integer-id n-gram matcher against a plain Map-of-strings implementation, on random texts with
// many repeats (small alphabets), one to three references, orders 1–6.
import { describe, expect, it } from 'vitest';
import { NgramMatcher, TokenVocab } from './ngrams.js';

function naive(hyp: string[], refs: string[][], maxOrder: number) {
  const matches: number[] = [];
  const hypNgrams: number[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const count = (xs: string[]) => {
      const m = new Map<string, number>();
      for (let i = 0; i + n <= xs.length; i++) {
        const key = xs.slice(i, i + n).join('\u0000');
        m.set(key, (m.get(key) ?? 0) + 1);
      }
      return m;
    };
    const h = count(hyp);
    const max = new Map<string, number>();
    for (const r of refs) for (const [key, c] of count(r)) max.set(key, Math.max(max.get(key) ?? 0, c));
    let m = 0;
    let t = 0;
    for (const [key, c] of h) {
      m += Math.min(c, max.get(key) ?? 0);
      t += c;
    }
    matches.push(m);
    hypNgrams.push(t);
  }
  return { matches, hypNgrams };
}

describe('NgramMatcher', () => {
  it.each([
    ['direct table', undefined],
    ['per-prefix lists', 0],
  ])('equals naive clipped counting on 5,000 random cases (%s)', (_name, directLimit) => {
    let seed = 99;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const vocab = new TokenVocab(true);
    const matcher = new NgramMatcher(directLimit);
    for (let k = 0; k < 5000; k++) {
      const alphabet = 1 + rand(6);
      const text = () => Array.from({ length: rand(30) }, () => String.fromCharCode(97 + rand(alphabet)) + (rand(4) === 0 ? 'x' : ''));
      const hyp = text();
      const refs = Array.from({ length: 1 + rand(3) }, text);
      const maxOrder = 1 + rand(6);
      const got = matcher.count(vocab.ids(hyp), refs.map((r) => vocab.ids(r)), maxOrder);
      const want = naive(hyp, refs, maxOrder);
      expect(got.matches, JSON.stringify({ hyp, refs, maxOrder })).toEqual(want.matches);
      expect(got.hypNgrams).toEqual(want.hypNgrams);
    }
  });
});
