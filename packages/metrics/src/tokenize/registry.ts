// Named tokenizers: `(text) => string[]` token lists. No import-time work; jieba needs `await loadJieba()`.
import { charTokenize } from './char.js';
import { loadedJieba } from './jieba.js';
import { rougeDefaultTokenize } from './rougeDefault.js';
import { sacrebleuTokenize, zhTokens } from './sacrebleu.js';
import { pySplit } from './whitespace.js';

export type Tokenizer = (text: string) => string[];

export type TokenizerName =
  | 'char'
  | 'zh'
  | '13a'
  | 'intl'
  | 'none'
  | 'whitespace'
  | 'rouge-default'
  | 'rouge-default-stem'
  | 'jieba'
  | 'jieba-nows';

function requireJieba() {
  const j = loadedJieba();
  if (j === null) throw new Error('the jieba tokenizer is not loaded yet: `await loadJieba()` first (Metric.prepare() does this)');
  return j;
}

/**
 * All tokenizers by name.
 * - `char`: code points, whitespace (Python `str.isspace`) removed. Equals sacrebleu `char`'s token list.
 * - `zh`, `13a`, `intl`, `none`: sacrebleu 2.6.0 (`tokenizer(s.rstrip()).split()`).
 * - `whitespace`: Python `s.split()`.
 * - `rouge-default`: rouge-score's default tokenizer (drops all non-[a-z0-9]); `rouge-default-stem`
 *   with its Porter stemmer (use_stemmer=True).
 * - `jieba`: `list(jieba.cut(s))` incl. whitespace tokens (CMExam GPT scripts); `jieba-nows`: without them.
 */
export const tokenizers: Readonly<Record<TokenizerName, Tokenizer>> = Object.freeze({
  char: charTokenize,
  zh: zhTokens,
  '13a': (s: string) => sacrebleuTokenize('13a', s),
  intl: (s: string) => sacrebleuTokenize('intl', s),
  none: (s: string) => sacrebleuTokenize('none', s),
  whitespace: pySplit,
  'rouge-default': (s: string) => rougeDefaultTokenize(s),
  'rouge-default-stem': (s: string) => rougeDefaultTokenize(s, true),
  jieba: (s: string) => requireJieba().cut(s),
  'jieba-nows': (s: string) => requireJieba().cutNoSpace(s),
});

export const TOKENIZER_NAMES = Object.keys(tokenizers) as TokenizerName[];

export function isTokenizerName(name: string): name is TokenizerName {
  return Object.prototype.hasOwnProperty.call(tokenizers, name);
}

/**
 * True for tokenizers that need `await loadJieba()` before use.
 *
 * @example
 * if (needsJieba('jieba')) await loadJieba();
 */
export function needsJieba(name: TokenizerName): boolean {
  return name === 'jieba' || name === 'jieba-nows';
}

/**
 * A tokenizer by name (`char`, `zh`, `13a`, `intl`, `none`, `jieba`, …); jieba needs `await loadJieba()` first.
 *
 * @example
 * getTokenizer('zh')('血压140/90mmHg'); // sacrebleu zh tokens
 */
export function getTokenizer(name: string): Tokenizer {
  if (!isTokenizerName(name)) {
    throw new Error(`unknown tokenizer "${name}"; valid names: ${TOKENIZER_NAMES.join(', ')}`);
  }
  return tokenizers[name];
}
