// The public surface of @medeval/core: what a user needs to evaluate, score, compare and report, in the
// order of the data flow. Everything else is in `@medeval/core/internal` (no stability promise).
// The list is checked by docs/api/core.md (scripts/api-report.mjs --check in CI): a change is deliberate.
// No Node built-in is imported from here (Deno and browsers load this entry).
export type * from './types.js';

// dataset → bytes (for dataset authors)
export { openSource, readLines, decodeUtf8, sourceName, EncodingError } from './source/source.js';
export type { DataSource, ByteSource } from './source/source.js';
export { splitReasoning } from './models/reasoning.js';
export type { ReasoningSplit } from './models/reasoning.js';

// models
export { fromFunction } from './models/from-function.js';
export type { ModelFunction } from './models/from-function.js';
export { openaiCompatible } from './models/openai-compatible.js';
export type { OpenAICompatibleOptions } from './models/openai-compatible.js';
export { modelFromSpec } from './models/spec.js';
export type { ModelSpecOptions } from './models/spec.js';
export { ModelError } from './scheduler/errors.js';
export type { ErrorKind, ModelErrorDetails } from './scheduler/errors.js';
export { memoryCache } from './cache/cache.js';
export type { Cache } from './cache/cache.js';

// evaluate and score
export { evaluate } from './pipeline/evaluate.js';
export { score } from './pipeline/score.js';
export type { EvaluateOptions, ScoreOptions, PredictionLine } from './pipeline/options.js';
export { OptionsError } from './pipeline/options.js';
export { defineMetric } from './pipeline/define-metric.js';
export type { RecordSink } from './pipeline/record-sink.js';
export { RequestFailedError } from './scheduler/scheduler.js';
export { RunStoppedError } from './scheduler/run-stopped.js';
export { BudgetReachedError } from './scheduler/budget.js';
export { InputMismatchError } from './pipeline/input-checks.js';
export { PredictionsError } from './pipeline/predictions.js';
export { RecordLineError } from './records/jsonl.js';
export { VERSION } from './pipeline/version.js';

// statistics
export { createRng, deriveSeed } from './stats/prng.js';
export type { Rng } from './stats/prng.js';
export { wilsonInterval } from './stats/wilson.js';
export { bootstrapInterval } from './stats/bootstrap.js';
export type { BootstrapOptions } from './stats/bootstrap.js';
export { pairedBootstrap } from './stats/paired.js';
export type { PairedBootstrapResult } from './stats/paired.js';
export { mcnemarExact } from './stats/mcnemar.js';

// compare
export { compare, compareTwo } from './compare/compare.js';
export type { CompareOptions, CompareRun } from './compare/compare.js';
export { comparePairwise } from './compare/pairwise.js';
export type { PairwiseOptions, PairwiseResult } from './compare/pairwise.js';
export type { Comparison, MultiComparison, MetricComparison, SliceComparison } from './compare/types.js';

// reports
export { renderMarkdown } from './report/markdown.js';
export { renderHtml } from './report/html-page.js';
export type { HtmlOptions } from './report/html-page.js';
export { renderJson } from './report/json.js';
export { renderComparisonMarkdown, renderComparisonHtml, renderComparisonReport } from './compare/render.js';
export { inlineViewer } from './report/inline-viewer.js';
export type { InlineViewer } from './report/inline-viewer.js';
export type { ViewerRun } from './report/viewer-data.js';
export { attachDisplay } from './report/display.js';
export type { DisplayBundle } from './report/display.js';
export { escapeHtml } from './report/escape.js';
