// The public surface of @medeval/datasets-huatuo: re-exports only. No Node built-in is imported from
// here (a file path is opened through @medeval/core's dynamic import, only when one is passed).
import { bm25 } from './baselines/bm25.js';
import { randomAnswer } from './baselines/random.js';
import { resolveBaseline } from './baselines/resolve.js';
import { remoteFiles } from './download.js';
import { huatuoJudgeMetrics } from './judge-metrics.js';
import { loadHuatuo } from './load/dataset.js';
import { huatuoPrompts } from './prompts.js';
import { huatuoLiteSample } from './sample/lite-sample.js';
import { huatuoSample } from './sample/test-sample.js';
import { qa } from './task.js';

export { loadHuatuo, type LoadOptions, type HuatuoDataset } from './load/dataset.js';
export { HuatuoFormatError, formatBadLine, type BadLine, type BadLineReason } from './load/problems.js';
export { codePointLength } from './load/text-stats.js';
export * from './schema.js';
export { huatuoQaPrompt, huatuoPlainPrompt, huatuoPrompts, resolvePrompt, type HuatuoPrompt } from './prompts.js';
export { qa, parseAnswer, TASK_VERSION, HUATUO_PROTOCOLS, type QaOptions, type HuatuoTask } from './task.js';
export { bm25, type Bm25Options } from './baselines/bm25.js';
export { randomAnswer, type RandomAnswerOptions } from './baselines/random.js';
export { resolveBaseline, baselineNames, type BaselineOptions } from './baselines/resolve.js';
export { cjkBigramTokens } from './baselines/tokenize.js';
export type { QaPair, CorpusInput } from './baselines/corpus.js';
export { huatuoSample } from './sample/test-sample.js';
export { huatuoLiteSample } from './sample/lite-sample.js';
export { remoteFiles, huatuoTestFile, huatuoLiteFile, type RemoteFile } from './download.js';

/** Everything in one namespace: `huatuo.qa()`, `huatuo.load()`, `huatuo.baselines.bm25()`... */
export const huatuo = {
  qa,
  /** The medical judge's metrics for free-text answers (`--judge SPEC`). */
  judgeMetrics: huatuoJudgeMetrics,
  load: loadHuatuo,
  sample: huatuoSample,
  liteSample: huatuoLiteSample,
  prompts: huatuoPrompts,
  baselines: { bm25, random: randomAnswer },
  resolveBaseline,
  remoteFiles,
} as const;
export { huatuoJudgeMetrics } from './judge-metrics.js';
