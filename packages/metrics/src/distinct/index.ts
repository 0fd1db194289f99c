// Distinct-n: per text, averaged over texts (Huatuo-26M), and corpus-level.
export { ngramKeys, distinctCounts, distinctN, distinctMean, distinctCorpus, type DistinctCounts } from './distinct.js';
export { distinctMetric, type DistinctMetricOptions } from './metric.js';
