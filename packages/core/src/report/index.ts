export { renderMarkdown } from './markdown.js';
export { renderHtml, htmlPage, htmlFragment } from './html-page.js';
export type { HtmlOptions } from './html-page.js';
export { resultFragment } from './html-fragment.js';
export { renderJson } from './json.js';
export { attachDisplay, defineDisplay, JUPYTER_DISPLAY } from './display.js';
export type { DisplayBundle } from './display.js';
export { escapeHtml, escapeMarkdownCell } from './escape.js';
export { METRIC_LABELS, metricLabel, orderMetrics, formatMetric } from './format.js';
