export { compare, compareTwo } from './compare.js';
export type { CompareOptions, CompareRun } from './compare.js';
export { renderComparisonMarkdown, renderComparisonHtml, comparisonFragment } from './render.js';
export { attachComparisonDisplay } from './display.js';
export { comparisonInfo, isMultiComparison, COMPARISON_INFO } from './types.js';
export type { Comparison, MultiComparison, MetricComparison, SliceComparison, ComparisonInfo } from './types.js';
