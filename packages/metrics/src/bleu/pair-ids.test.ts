// Pair ids assigned while tokenizing (TextIds.zhUtf8 with the matcher, NgramMatcher.countLocal) give the statistics
// of the token lists counted the usual way, on one engine that also serves other paths in between (the pair's ids
// must not leak into them), for golden texts and a fuzz corpus with 4-byte characters and 13a runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhTokens } from '../tokenize/index.js';
import { BleuStatsEngine } from './stats.js';

const tok = JSON.parse(readFileSync(new URL('../../../../fixtures/golden/tokenization.json', import.meta.url), 'utf8')) as {
  cases: Array<{ hyp: string; ref: string }>;
};
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('BLEU pair ids assigned while reading UTF-8', () => {
  it('equal the token-list statistics, pair after pair, interleaved with the other paths on one engine', () => {
    const texts = tok.cases.flatMap((c) => [c.hyp, c.ref]);
    const alphabet = [...'中文医患发热头痛，。ａ1b.,-~ /()\u3000', '𠮷', '😀', 'ab12', '3.5mg', 'CT', '。'];
    let seed = 11;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = 0; i < (k % 40) + 1; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        s += alphabet[seed % alphabet.length];
      }
      texts.push(s);
    }
    const shared = new BleuStatsEngine(true);
    for (let i = 0; i + 2 < texts.length; i += 2) {
      const [hyp, ref, ref2] = [texts[i]!, texts[i + 1]!, texts[i + 2]!];
      const expected = new BleuStatsEngine().stats(zhTokens(hyp), [zhTokens(ref)], 4, 'sacrebleu');
      expect(shared.statsOfUtf8(utf8(hyp), [utf8(ref)], 4, 'sacrebleu'), JSON.stringify([hyp, ref])).toEqual(expected);
      // The other paths on the same engine right after: no pair id may leak into them.
      expect(shared.stats(zhTokens(hyp), [zhTokens(ref)], 4, 'sacrebleu')).toEqual(expected);
      const two = new BleuStatsEngine().stats(zhTokens(hyp), [zhTokens(ref), zhTokens(ref2)], 4, 'sacrebleu');
      expect(shared.statsOfUtf8(utf8(hyp), [utf8(ref), utf8(ref2)], 4, 'sacrebleu')).toEqual(two);
      expect(shared.statsOfTexts('zh', hyp, [ref, ref2], 4, 'sacrebleu')).toEqual(two);
    }
  });
});
