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
export {
  accuracyMetric,
  prfMetric,
  type LabelPair,
  type AccuracyMetricOptions,
  type PrfMetricOptions,
} from './metric.js';
