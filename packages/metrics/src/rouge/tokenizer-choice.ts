// Resolve a tokenizer given by name or as a function, with the name that goes into signatures.
// 'codepoints' is Python `list(s)` (every code point, whitespace included) — what CMExam's
// `' '.join(list(s))` splits into; every other name comes from the tokenizer module.
import { getTokenizer, loadJieba, needsJieba, type Tokenizer, type TokenizerName } from '../tokenize/index.js';

export type TokenizerChoice = Tokenizer | TokenizerName | 'codepoints';

interface ResolvedTokenizer {
  tokenize: Tokenizer;
  name: string;
  prepare?: () => Promise<void>;
}

const codePoints: Tokenizer = (s) => Array.from(s);

export function resolveTokenizerChoice(choice: TokenizerChoice | undefined, fallback: TokenizerChoice, nameForFunction = 'custom'): ResolvedTokenizer {
  const c = choice ?? fallback;
  if (typeof c === 'function') return { tokenize: c, name: nameForFunction };
  if (c === 'codepoints') return { tokenize: codePoints, name: 'codepoints' };
  const fn = getTokenizer(c);
  const jieba = needsJieba(c);
  return jieba ? { tokenize: fn, name: c, prepare: async () => void (await loadJieba()) } : { tokenize: fn, name: c };
}
