// ROUGE: rouge-score 0.1.2, the tensorflow/nmt variant used by CMExam, pltrdy `rouge` and `rouge_chinese`.
export { charJoin } from './python-text.js';
export { numpySum, numpyMean } from './numpy-sum.js';
export { lcsLength } from './lcs.js';
export {
  rougeScore,
  rougeScoreMulti,
  rougeFmeasure,
  type RougeScoreValue,
  type RougeScoreOptions,
  type Tokenize,
} from './rouge-score.js';
export { nmtRouge, nmtRougePair, nmtRougeScore100, nmtWords, type NmtRougeResult, type NmtPairScores, type NmtPRF } from './nmt.js';
export {
  rougeGetScores,
  rougeGetScoresAvg,
  cutSentChinese,
  type RougeFlavour,
  type GetScoresResult,
  type GetScoresOptions,
} from './pltrdy.js';
export { rougeMetric, rougePair, aggregateRouge, type RougeVariant, type RougeMeasure, type RougePRF, type RougeMetricOptions } from './metric.js';
export { corpusRouge, corpusRougeSignature, rougeScoreColumns, rougeScoreFromColumns, type CorpusRougeResult, type CorpusRougeOptions } from './corpus.js';
export type { TokenizerChoice } from './tokenizer-choice.js';
