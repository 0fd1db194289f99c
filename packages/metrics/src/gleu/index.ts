export { sentenceGleu, corpusGleu, gleuStats, gleuFromStats, GleuStatsEngine } from './gleu.js';
export type { GleuStats, GleuOptions } from './gleu.js';
export { gleuMetric } from './metric.js';
export type { GleuMetricOptions } from './metric.js';
