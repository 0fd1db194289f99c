// Turns a tokenizer option (a name or a function) into a function, its signature name and its set-up.
import { loadJieba } from './jieba.js';
import { getTokenizer, needsJieba, type Tokenizer, type TokenizerName } from './registry.js';

export interface ResolvedTokenizer {
  tokenize: Tokenizer;
  /** Name for signatures (`custom` for a function). */
  name: string;
  /** Resolves once the tokenizer can be used synchronously (loads jieba when needed). */
  prepare(): Promise<void>;
}

export function resolveTokenizer(option: TokenizerName | Tokenizer, customName = 'custom'): ResolvedTokenizer {
  if (typeof option === 'function') return { tokenize: option, name: customName, prepare: async () => {} };
  const tokenize = getTokenizer(option);
  const jieba = needsJieba(option);
  return {
    tokenize,
    name: option,
    prepare: jieba ? async () => void (await loadJieba()) : async () => {},
  };
}
