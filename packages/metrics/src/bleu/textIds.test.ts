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
});
