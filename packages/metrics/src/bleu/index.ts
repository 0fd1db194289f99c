export { corpusBleu, sentenceBleu, createCorpusBleu } from './corpus.js';
export type { SacreBleuOptions, BleuResult, CorpusBleuAccumulator } from './corpus.js';
export { computeSacreBleu, closestRefLen, sacrebleuSignature, SMOOTH_DEFAULTS, SACREBLEU_VERSION } from './sacrebleu.js';
export type { SmoothMethod, BleuScore, SacreBleuComputeOptions, SignatureParts } from './sacrebleu.js';
export { bleuStats, sumBleuStats, BleuStatsEngine } from './stats.js';
export type { BleuStats, BleuVariant } from './stats.js';
export { fsum } from './fsum.js';
export { nmtBleu, nmtComputeBleu, nmtBleuFromStats } from './nmt.js';
export type { NmtBleuResult } from './nmt.js';
export {
  nltkCorpusBleu,
  nltkSentenceBleu,
  nltkCorpusBleuDetail,
  nltkSentenceBleuDetail,
  nltkBleuFromStats,
  PY_FLOAT_MIN,
  NLTK_SMOOTHINGS,
} from './nltk.js';
export type { NltkSmoothing, NltkBleuOptions, NltkBleuDetail } from './nltk.js';
export { bleuMetric, bleuFromStats } from './metric.js';
export type { BleuMetricOptions, BleuItem, BleuFromStatsOptions } from './metric.js';
