// Classification metrics equal to scikit-learn 1.2.1: single labels and multi-answer letter sets.
export { comparePython, sortedLabelUnion } from './labels.js';
export {
  accuracyScore,
  labelCounts,
  prfsPerLabel,
  prfsAveraged,
  precisionScore,
  recallScore,
  f1Score,
  npAverage,
  type ZeroDivision,
  type Average,
  type PerLabel,
  type Averaged,
  type PrfsOptions,
} from './single-label.js';
export { ANSWER_CLASSES, binarize, subsetAccuracy, hammingLoss, jaccardScore, multilabelPrfs, multilabelPerLabel, answerSetScores, type MultiAverage } from './multi-label.js';
export {
  accuracyMetric,
  prfMetric,
  answerSetMetric,
  type LabelPair,
  type AccuracyMetricOptions,
  type PrfMetricOptions,
  type AnswerSetMetricOptions,
} from './metric.js';
