import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  charTokenize,
  getTokenizer,
  loadJieba,
  rougeDefaultTokenize,
  porterStem,
  sacrebleuTokenizeString,
  tokenizers,
  zhTokens,
  pySplit,
  tokenizeZhString,
  pyRstrip,
} from './index.js';

const golden = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${name}`, import.meta.url), 'utf8'));

interface Side {
  sacrebleu_input: string;
  sacrebleu_zh: string;
  sacrebleu_13a: string;
  sacrebleu_char: string;
  sacrebleu_intl: string;
  jieba_raw: string[];
  jieba_nows: string[];
  chars_nows: string[];
  rouge_score_default: string[];
  rouge_score_default_stem: string[];
  len_codepoints: number;
  len_utf16: number;
}
const tok = golden('tokenization.json') as { cases: Array<{ id: string; hyp: string; ref: string; hyp_tok: Side; ref_tok: Side }> };
const texts: Array<[string, string, Side]> = [];
for (const c of tok.cases) {
  texts.push([`${c.id}/hyp`, c.hyp, c.hyp_tok]);
  texts.push([`${c.id}/ref`, c.ref, c.ref_tok]);
}

describe('tokenization.json (every case, both sides)', () => {
  it('has 672 texts', () => expect(texts.length).toBe(672));
  it('sacrebleu none/zh/13a/char/intl strings are identical', () => {
    for (const [id, text, s] of texts) {
      expect(sacrebleuTokenizeString('none', text), id).toBe(s.sacrebleu_input);
      expect(sacrebleuTokenizeString('zh', text), id).toBe(s.sacrebleu_zh);
      expect(sacrebleuTokenizeString('13a', text), id).toBe(s.sacrebleu_13a);
      expect(sacrebleuTokenizeString('char', text), id).toBe(s.sacrebleu_char);
      expect(sacrebleuTokenizeString('intl', text), id).toBe(s.sacrebleu_intl);
    }
  });
  it('token-list tokenizers equal str.split() of the strings; zh fast path equals the exact path', () => {
    for (const [id, text, s] of texts) {
      expect(tokenizers.zh(text), id).toEqual(pySplit(s.sacrebleu_zh));
      expect(zhTokens(text), id).toEqual(pySplit(tokenizeZhString(pyRstrip(text))));
      expect(tokenizers['13a'](text), id).toEqual(pySplit(s.sacrebleu_13a));
      expect(tokenizers.intl(text), id).toEqual(pySplit(s.sacrebleu_intl));
      expect(tokenizers.none(text), id).toEqual(pySplit(s.sacrebleu_input));
      // sacrebleu char's token list equals medeval char
      expect(charTokenize(text), id).toEqual(pySplit(s.sacrebleu_char));
    }
  });
  it('char = chars_nows', () => {
    for (const [id, text, s] of texts) expect(charTokenize(text), id).toEqual(s.chars_nows);
  });
  it('rouge-score default tokenizer, without and with the Porter stemmer', () => {
    for (const [id, text, s] of texts) {
      expect(rougeDefaultTokenize(text), id).toEqual(s.rouge_score_default);
      expect(rougeDefaultTokenize(text, true), id).toEqual(s.rouge_score_default_stem);
      expect(tokenizers['rouge-default-stem'](text), id).toEqual(s.rouge_score_default_stem);
    }
  });
  it('Porter stemmer (nltk NLTK_EXTENSIONS) on textbook words', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'tie', cats: 'cat', feed: 'feed', agreed: 'agre',
      plastered: 'plaster', motoring: 'motor', sing: 'sing', hopping: 'hop', falling: 'fall', filing: 'file',
      happy: 'happi', relational: 'relat', conditional: 'condit', generalization: 'gener', dying: 'die',
      skies: 'sky', controll: 'control', roll: 'roll', hopefulness: 'hope', radically: 'radic',
    };
    for (const [w, want] of Object.entries(cases)) expect(porterStem(w), w).toBe(want);
  });
  it('jieba raw and without whitespace tokens', async () => {
    const j = await loadJieba();
    for (const [id, text, s] of texts) {
      expect(j.cut(text), id).toEqual(s.jieba_raw);
      expect(j.cutNoSpace(text), id).toEqual(s.jieba_nows);
      expect(getTokenizer('jieba')(text), id).toEqual(s.jieba_raw);
    }
  });
});

describe('jieba_seg.json (333 texts)', () => {
  const seg = golden('jieba_seg.json') as { texts: Array<{ text: string; tokens: string[]; tokens_hmm_false: string[] }> };
  it('equals Python jieba 0.42.1 with HMM on and off', async () => {
    expect(seg.texts.length).toBe(333);
    const j = await loadJieba();
    let ok = 0;
    for (const t of seg.texts) {
      expect(j.cut(t.text), t.text).toEqual(t.tokens);
      expect(j.cutNoHmm(t.text), t.text).toEqual(t.tokens_hmm_false);
      ok++;
    }
    expect(ok).toBe(333);
  });
});

describe('edge cases', () => {
  it('Python whitespace set, not JS \\s', () => {
    expect(pySplit('a\ufeffb')).toEqual(['a\ufeffb']);
    expect(pySplit('a\u001cb\u0085c\u200bd')).toEqual(['a', 'b', 'c\u200bd']);
    expect(charTokenize('𠮷 a\u3000b')).toEqual(['𠮷', 'a', 'b']);
  });
  it('zh range bug: ≤ and ℃ split, 𠮷 not', () => {
    expect(tokenizers.zh('≤-2.5')).toEqual(['≤', '-2.5']);
    expect(tokenizers.zh('37℃')).toEqual(['37', '℃']);
    expect(tokenizers.zh('a𠮷b')).toEqual(['a𠮷b']);
  });
  it('getTokenizer names the valid tokenizers', () => {
    expect(() => getTokenizer('nope')).toThrow(/valid names: char, zh, 13a/);
  });
});

describe('zh one-pass tokenizer = exact string path (fuzz)', () => {
  it('20,000 random strings over a tricky alphabet', () => {
    const alphabet = [
      ...'中文病≤≥①℃…—“”、，。．０１ＡＢ',
      ...'abcXYZ0123456789',
      ...'.,-~?!/()[]{}<>:;@#$%^&*_+=|\\\'"` ',
      '\t', '\n', '\r', '\u3000', '\u00a0', '\u2002', '\u2028', '\u200b', '\ufeff', '\u0085', '\u001c',
      '𠮷', '😀', 'é', 'β', 'μ', '²', '\u0301',
    ];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      const len = rand(14);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      const exact = pySplit(tokenizeZhString(pyRstrip(s)));
      expect(zhTokens(s), JSON.stringify(s)).toEqual(exact);
    }
  });
});
