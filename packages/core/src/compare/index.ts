export { compare, compareTwo } from './compare.js';
export type { CompareOptions, CompareRun } from './compare.js';
export { renderComparisonMarkdown, renderComparisonHtml, renderComparisonReport, comparisonFragment } from './render.js';
export { attachComparisonDisplay } from './display.js';
export { comparisonInfo, isMultiComparison, COMPARISON_INFO } from './types.js';
export type { Comparison, MultiComparison, MetricComparison, SliceComparison, ComparisonInfo } from './types.js';
export { comparePairwise, pairwiseRequest, readPairwiseVerdict, pairwiseText, PAIRWISE_PROMPT_ID } from './pairwise.js';
export type { PairwiseOptions, PairwiseResult } from './pairwise.js';
