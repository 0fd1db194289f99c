// The public surface of @medeval/metrics: the reference-compatible corpus and sentence scores, the
// Metric factories tasks are built from, the named protocols, and the tokenizers. Everything else is in
// `@medeval/metrics/internal` (no stability promise). The list is checked by docs/api/metrics.md
// (scripts/api-report.mjs --check in CI), so a change to it is deliberate. No Node built-in is imported.

// BLEU: sacrebleu 2.6.0, nltk and Google NMT compatible
export { corpusBleu, sentenceBleu, createCorpusBleu, computeSacreBleu, sacrebleuSignature } from './bleu/index.js';
export type { SacreBleuOptions, BleuResult, CorpusBleuAccumulator, BleuScore, SacreBleuComputeOptions, SmoothMethod } from './bleu/index.js';
export { nltkCorpusBleu, nltkSentenceBleu, nmtBleu } from './bleu/index.js';
export type { NltkSmoothing, NltkBleuOptions, NmtBleuResult } from './bleu/index.js';
export { sentenceGleu, corpusGleu } from './gleu/index.js';
export type { GleuOptions } from './gleu/index.js';

// ROUGE: rouge-score 0.1.2, pltrdy rouge and Google NMT compatible
export { rougeScore, corpusRouge, rougeGetScores, nmtRouge } from './rouge/index.js';
export type { RougeScoreValue, RougeScoreOptions, CorpusRougeResult, CorpusRougeOptions, NmtRougeResult, GetScoresResult, GetScoresOptions } from './rouge/index.js';

// Distinct-n and classification (scikit-learn 1.2.1 compatible)
export { distinctN, distinctCorpus } from './distinct/index.js';
export { accuracyScore, precisionScore, recallScore, f1Score } from './classification/index.js';
export type { Average, ZeroDivision, PrfsOptions } from './classification/index.js';

// Metric factories (what tasks and plugins compose)
export { bleuMetric } from './bleu/index.js';
export type { BleuMetricOptions } from './bleu/index.js';
export { gleuMetric } from './gleu/index.js';
export type { GleuMetricOptions } from './gleu/index.js';
export { rougeMetric } from './rouge/index.js';
export type { RougeMetricOptions } from './rouge/index.js';
export { distinctMetric } from './distinct/index.js';
export type { DistinctMetricOptions } from './distinct/index.js';
export { accuracyMetric, prfMetric } from './classification/index.js';
export type { AccuracyMetricOptions, PrfMetricOptions, LabelPair } from './classification/index.js';
export { clinicalJudgeMetrics } from './judge/index.js';
export type { ClinicalJudgeOptions, ClinicalVerdict, ClinicalAspect } from './judge/index.js';

// Protocols: the paper recipes by name
export { PROTOCOLS, getProtocol, answerMetrics, textMetrics, protocolRougeOptions, protocolCorpusBleu, protocolCorpusRouge, bleuTokenizerFor } from './protocols/index.js';
export type { ProtocolName, ProtocolInfo, AnswerMetricsOptions, TextMetricsOptions, CorpusBleuJson, CorpusRougeJson, TextTokenizer } from './protocols/index.js';

// Tokenizers
export { getTokenizer, needsJieba, loadJieba, charTokenize, sacrebleuTokenize } from './tokenize/index.js';
export type { Tokenizer, TokenizerName, JiebaTokenizer, SacrebleuTokenizerName } from './tokenize/index.js';
