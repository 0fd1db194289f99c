export { isPySpace, pySplit, pyStrip, pyRstrip, hasNonSpace } from './whitespace.js';
export { charTokenize } from './char.js';
export { cjkBigramTokens } from './retrieval.js';
export {
  sacrebleuTokenize,
  sacrebleuTokenizeString,
  isSacrebleuChineseChar,
  tokenize13aString,
  tokenizeZhString,
  tokenizeIntlString,
  tokenizeCharString,
  zhTokens,
  zhRunTokens,
  zhRunIsSpecial,
  regexpPost,
  ZH_SPECIAL_ASCII,
  zhCharClasses,
  ZH_OTHER,
  ZH_CHINESE,
  ZH_CHINESE_SPACE,
  ZH_SPECIAL,
  SACREBLEU_TOKENIZERS,
} from './sacrebleu.js';
export type { SacrebleuTokenizerName } from './sacrebleu.js';
export { rougeDefaultTokenize } from './rougeDefault.js';
export { porterStem } from './porter.js';
export { loadJieba, loadedJieba, jiebaPostSplit } from './jieba.js';
export type { JiebaTokenizer } from './jieba.js';
export { tokenizers, getTokenizer, isTokenizerName, needsJieba, TOKENIZER_NAMES } from './registry.js';
export type { Tokenizer, TokenizerName } from './registry.js';
