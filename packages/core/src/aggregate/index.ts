export { RunAggregator } from './run-aggregator.js';
export type { RunAggregatorOptions, AggregatorRecord, AggregateResult } from './run-aggregator.js';
export { ExtractionAudit, clipOutput } from './extraction-audit.js';
export { metricValue } from './metric-value.js';
export type { IntervalSettings } from './metric-value.js';
export { sliceKey, compareSliceKeys, NOT_APPLICABLE } from './slice-key.js';
export { UsageAccumulator, costOf, recordUsage } from './usage.js';
export type { Prices } from './usage.js';
export { EpochAccumulator, questionOf } from './epochs.js';
