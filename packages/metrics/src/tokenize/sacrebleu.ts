// sacrebleu 2.6.0 tokenizers reproduced exactly: `13a`, `zh`, `intl`, `char`, `none`.
// `sacrebleuTokenizeString` returns the tokenized STRING that sacrebleu's BLEU splits with `str.split()`
// (input already lowercased by the caller if requested; this applies `rstrip()` like BLEU._preprocess_segment).
import { isPySpace, pyRstrip, pySplit, pyStrip } from './whitespace.js';

export type SacrebleuTokenizerName = '13a' | 'zh' | 'intl' | 'char' | 'none';
export const SACREBLEU_TOKENIZERS: readonly SacrebleuTokenizerName[] = ['13a', 'zh', 'intl', 'char', 'none'];

// TokenizerRegexp (tokenizer_re.py). `[^0-9]` is ASCII digits in Python 3 `re` too; the `u` flag makes
// `[^0-9]` consume a whole astral code point as Python does.
const RE_PUNCT = /([\x7B-\x7E\x5B-\x60\x20-\x26\x28-\x2B\x3A-\x40\x2F])/gu;
const RE_PERIOD_AFTER_NONDIGIT = /([^0-9])([.,])/gu;
const RE_PERIOD_BEFORE_NONDIGIT = /([.,])([^0-9])/gu;
const RE_DASH_AFTER_DIGIT = /([0-9])(-)/gu;

/** TokenizerRegexp.__call__ (the part `13a` and `zh` share). */
export function regexpPost(line: string): string {
  line = line.replace(RE_PUNCT, ' $1 ');
  line = line.replace(RE_PERIOD_AFTER_NONDIGIT, '$1 $2 ');
  line = line.replace(RE_PERIOD_BEFORE_NONDIGIT, ' $1 $2');
  line = line.replace(RE_DASH_AFTER_DIGIT, '$1 $2 ');
  return pySplit(pyStrip(line)).join(' ');
}

/** mteval-v13a (Tokenizer13a). */
export function tokenize13aString(line: string): string {
  line = line.replaceAll('<skipped>', '');
  line = line.replaceAll('-\n', '');
  line = line.replaceAll('\n', ' ');
  line = line.replaceAll('&quot;', '"');
  line = line.replaceAll('&amp;', '&');
  line = line.replaceAll('&lt;', '<');
  line = line.replaceAll('&gt;', '>');
  return regexpPost(` ${line} `);
}

/**
 * `_is_chinese_char` of tokenizer_zh.py INCLUDING its range bug: Python compares the one-character string
 * with two-character bounds '\u20000'/'\u2a6d6' and '\u2f800'/'\u2fa1d', so the effective ranges are
 * (U+2000, U+2A6D] and (U+2F80, U+2FA1], and CJK Extension B (U+20000+) is not Chinese.
 */
export function isSacrebleuChineseChar(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4db5) ||
    (cp >= 0x4e00 && cp <= 0x9fa5) ||
    (cp >= 0x9fa6 && cp <= 0x9fbb) ||
    (cp >= 0xf900 && cp <= 0xfa2d) ||
    (cp >= 0xfa30 && cp <= 0xfa6a) ||
    (cp >= 0xfa70 && cp <= 0xfad9) ||
    (cp > 0x2000 && cp <= 0x2a6d) ||
    (cp > 0x2f80 && cp <= 0x2fa1) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2e80 && cp <= 0x2eff) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0x31c0 && cp <= 0x31ef) ||
    (cp >= 0x2f00 && cp <= 0x2fdf) ||
    (cp >= 0x2ff0 && cp <= 0x2fff) ||
    (cp >= 0x3100 && cp <= 0x312f) ||
    (cp >= 0x31a0 && cp <= 0x31bf) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0x2600 && cp <= 0x26ff) ||
    (cp >= 0x2700 && cp <= 0x27bf) ||
    (cp >= 0x3200 && cp <= 0x32ff) ||
    (cp >= 0x3300 && cp <= 0x33ff)
  );
}

/** TokenizerZh: strip, pad every "Chinese" code point with spaces, then the 13a regexes. */
export function tokenizeZhString(line: string): string {
  line = pyStrip(line);
  let out = '';
  let runStart = 0;
  for (let i = 0; i < line.length; i++) {
    const cp = line.charCodeAt(i);
    // Every range above is in the BMP; a surrogate half is never Chinese here.
    if (isSacrebleuChineseChar(cp)) {
      out += line.slice(runStart, i) + ' ' + line[i] + ' ';
      runStart = i + 1;
    }
  }
  out += line.slice(runStart);
  return regexpPost(out);
}

// TokenizerV14International (uses the `regex` module's Unicode properties).
const RE_INTL_1 = /(\P{N})(\p{P})/gu;
const RE_INTL_2 = /(\p{P})(\P{N})/gu;
const RE_INTL_3 = /(\p{S})/gu;

export function tokenizeIntlString(line: string): string {
  line = line.replace(RE_INTL_1, '$1 $2 ');
  line = line.replace(RE_INTL_2, ' $1 $2');
  line = line.replace(RE_INTL_3, ' $1 ');
  return pySplit(line).join(' ');
}

/** TokenizerChar: `" ".join(code points)`. */
export function tokenizeCharString(line: string): string {
  return Array.from(line).join(' ');
}

/** What sacrebleu's BLEU splits: `tokenizer(sent.rstrip())`. */
export function sacrebleuTokenizeString(name: SacrebleuTokenizerName, text: string): string {
  const line = pyRstrip(text);
  switch (name) {
    case '13a':
      return tokenize13aString(line);
    case 'zh':
      return tokenizeZhString(line);
    case 'intl':
      return tokenizeIntlString(line);
    case 'char':
      return tokenizeCharString(line);
    case 'none':
      return line;
    default:
      throw new Error(`unknown sacrebleu tokenizer "${String(name)}"; valid: ${SACREBLEU_TOKENIZERS.join(', ')}`);
  }
}

/**
 * Token list = `sacrebleuTokenizeString(...).split()`.
 *
 * @example
 * sacrebleuTokenize('zh', '血压140/90'); // the tokens sacrebleu's TokenizerZh gives, split on whitespace
 */
export function sacrebleuTokenize(name: SacrebleuTokenizerName, text: string): string[] {
  if (name === 'zh') return zhTokens(text);
  return pySplit(sacrebleuTokenizeString(name, text));
}

// ASCII characters the 13a regexes touch (punctuation class, '.', ',', '-') plus ASCII whitespace.
// A non-Chinese run without any of them (and without Python whitespace) is one token, untouched.
export const ZH_SPECIAL_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x7b && c <= 0x7e) || (c >= 0x5b && c <= 0x60) || (c >= 0x20 && c <= 0x26) || (c >= 0x28 && c <= 0x2b)) ZH_SPECIAL_ASCII[c] = 1;
  if ((c >= 0x3a && c <= 0x40) || c === 0x2f || c === 0x2e || c === 0x2c || c === 0x2d) ZH_SPECIAL_ASCII[c] = 1;
  if ((c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) ZH_SPECIAL_ASCII[c] = 1;
}

/**
 * Tokens of one maximal non-Chinese run of a `zh` line. In the padded line every Chinese character is
 * surrounded by its own spaces, and the 13a regexes look at most one character either side, so a run
 * is tokenized exactly as `regexpPost(pad + run + pad)`, where the pad is a space when a Chinese
 * character is adjacent (always on the left unless the run starts the line; on the right unless it ends it).
 */
export function zhRunTokens(run: string, leftPad: boolean, rightPad: boolean): string[] {
  return pySplit(regexpPost((leftPad ? ' ' : '') + run + (rightPad ? ' ' : '')));
}

/** True when the run needs the regexes (contains a special ASCII character or Python whitespace). */
export function zhRunIsSpecial(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c < 128 ? ZH_SPECIAL_ASCII[c] === 1 : isPySpace(c)) return true;
  }
  return false;
}

/**
 * `zh` token list in one pass: each Chinese code point is a token (dropped if it is whitespace, like
 * U+3000), each non-Chinese run is one token unless it needs the regexes (see zhRunTokens).
 * Equal to `tokenizeZhString(text.rstrip()).split()`; checked on the golden texts and by a fuzz test.
 */
export function zhTokens(text: string): string[] {
  const line = pyStrip(text);
  const out: string[] = [];
  const n = line.length;
  let runStart = -1;
  let special = false;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x2001 && isSacrebleuChineseChar(c)) {
      if (runStart >= 0) {
        const run = line.slice(runStart, i);
        if (special) out.push(...zhRunTokens(run, runStart > 0, true));
        else out.push(run);
        runStart = -1;
        special = false;
      }
      if (!isPySpace(c)) out.push(line[i]!);
    } else {
      if (runStart < 0) runStart = i;
      if (c < 128 ? ZH_SPECIAL_ASCII[c] === 1 : isPySpace(c)) special = true;
    }
  }
  if (runStart >= 0) {
    const run = line.slice(runStart);
    if (special) out.push(...zhRunTokens(run, runStart > 0, false));
    else out.push(run);
  }
  return out;
}

/** Character classes of BMP code units for the one-pass `zh` paths (see zhCharClasses). */
export const ZH_OTHER = 0;
export const ZH_CHINESE = 1;
export const ZH_CHINESE_SPACE = 2;
export const ZH_SPECIAL = 3;
let zhClasses: Uint8Array | null = null;

/**
 * A 64 KB table, built on first use: ZH_CHINESE / ZH_CHINESE_SPACE (a "Chinese" character that is also
 * Python whitespace, e.g. U+3000: padded, then dropped by split), ZH_SPECIAL (special ASCII or other
 * Python whitespace: the run needs the regexes), ZH_OTHER. Surrogate halves are ZH_OTHER.
 */
export function zhCharClasses(): Uint8Array {
  if (zhClasses !== null) return zhClasses;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (isSacrebleuChineseChar(c)) t[c] = isPySpace(c) ? ZH_CHINESE_SPACE : ZH_CHINESE;
    else if (c < 128 ? ZH_SPECIAL_ASCII[c] === 1 : isPySpace(c)) t[c] = ZH_SPECIAL;
  }
  return (zhClasses = t);
}
