import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charTokenize, zhTokens } from '../tokenize/index.js';
import { TokenVocab } from './ngrams.js';
import { TextIds } from './textIds.js';

const tok = JSON.parse(readFileSync(new URL('../../../../fixtures/golden/tokenization.json', import.meta.url), 'utf8')) as {
  cases: Array<{ hyp: string; ref: string }>;
};

describe('TextIds one-pass ids = ids of the token lists', () => {
  it('golden texts and a fuzz corpus, zh and char', () => {
    const vocab = new TokenVocab(true);
    const t = new TextIds(vocab);
    const texts = tok.cases.flatMap((c) => [c.hyp, c.ref]);
    const alphabet = [...'中文≤①℃…，。ａ1b.,-~ /()\t\u3000\u00a0\u2028\u0085é²', '𠮷', '😀', '\ud800', '\udc00', 'ab12', '\u2000'];
    let seed = 7;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let i = 0; i < k % 17; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        s += alphabet[seed % alphabet.length];
      }
      texts.push(s);
    }
    for (const s of texts) {
      expect(Array.from(t.zh(s, 0)), JSON.stringify(s)).toEqual(Array.from(vocab.ids(zhTokens(s))));
      expect(Array.from(t.char(s, 1)), JSON.stringify(s)).toEqual(Array.from(vocab.ids(charTokenize(s))));
      // From UTF-8 bytes, with no string in between: the ids of the text those bytes decode to (a lone
      // surrogate has no UTF-8 form; it is written as U+FFFD, as any file holding it would).
      const bytes = new TextEncoder().encode(s);
      const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(Array.from(t.zhUtf8(bytes, 2)), JSON.stringify(s)).toEqual(Array.from(vocab.ids(zhTokens(decoded))));
      // …also as a view into a larger shared buffer, as the CLI's worker threads read their lines.
      const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 4));
      shared.set(bytes, 2);
      expect(Array.from(t.zhUtf8(shared.subarray(2, 2 + bytes.length), 3)), JSON.stringify(s)).toEqual(Array.from(vocab.ids(zhTokens(decoded))));
    }
  });

  it('UTF-8 runs looked up by their bytes: many distinct ASCII runs, the same run with and without padding', () => {
    const vocab = new TokenVocab(true);
    // The default cache, and one that starts over every 7 runs.
    const cached = [new TextIds(vocab), new TextIds(vocab, { runCacheLimit: 7 })];
    // '5.', '.5', ',x' and 'a,' tokenize differently at the end or start of a line than between Chinese characters.
    const pieces = ['中', '，', 'CT', 'FEV1', '2.5mg', '-', '/', 'a-b', '3', 'x', '(1)', '~', 'T值-2', ' ', 'mmHg', '10^9/L', '5.', '.5', ',x', 'a,'];
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n; // the high bits: an LCG's low bits repeat with a short period
    };
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let i = 0; i < 1 + (k % 9); i++) s += pieces[next(pieces.length)]! + (next(6) === 0 ? String(next(97)) : '');
      const expected = Array.from(vocab.ids(zhTokens(s)));
      for (const t of cached) expect(Array.from(t.zhUtf8(new TextEncoder().encode(s), 0)), JSON.stringify(s)).toEqual(expected);
    }
  });
});
