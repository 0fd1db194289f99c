// @medeval/datasets-cmexam: the public surface, re-exports only (the paper parsers, the CSV parser and other
// building blocks are in `@medeval/datasets-cmexam/internal`). No Node built-in is reachable from here; a file
// path is opened through @medeval/core's dynamic import.
import { cmexamJudgeMetrics } from './judge-metrics.js';
import { annotationLabel } from './annotations.js';
import { resolveBaseline, randomBaseline, bm25Baseline, bm25Retriever } from './baselines/index.js';
import { remoteFiles, DATA_LICENSE } from './download.js';
import { parseGptRegex } from './extract/gpt.js';
import { parseExplanationLora, parseOptionsLora } from './extract/lora.js';
import { extractStrict } from './extract/strict.js';
import { loadCmexam } from './load/dataset.js';
import { buildPrompt, PROMPT_NAMES } from './prompts/index.js';
import { cmexamSample } from './sample/index.js';
import { CMEXAM_PROTOCOL_DEFINITIONS } from './protocols.js';
import { answer, explanation, joint } from './tasks.js';

/** Everything in one namespace: `cmexam.answer({...})`, `cmexam.sample`, `cmexam.baselines.random(...)`. */
export const cmexam = {
  load: loadCmexam,
  /** The medical judge's metrics for explanations (`--judge SPEC` on the explanation and joint tasks). */
  judgeMetrics: cmexamJudgeMetrics,
  answer,
  explanation,
  joint,
  /** CLI task names → task factories. */
  tasks: { cmexam: answer, 'cmexam-explanation': explanation, 'cmexam-joint': joint },
  sample: cmexamSample,
  prompts: { build: buildPrompt, names: PROMPT_NAMES },
  extract: extractStrict,
  /** Each CMExam protocol whole: default prompt, answer and explanation readers, what metrics see, references. */
  protocols: CMEXAM_PROTOCOL_DEFINITIONS,
  /** The paper's parsers: LoRA (`cmexam-paper`) and the GPT regex (`cmexam-gpt`). */
  parsers: { loraOptions: parseOptionsLora, loraExplanation: parseExplanationLora, gptRegex: parseGptRegex },
  annotationLabel,
  baselines: { random: randomBaseline, bm25: bm25Baseline, bm25Retriever },
  resolveBaseline,
  remoteFiles,
  license: DATA_LICENSE,
} as const;

export { loadCmexam, type CmexamDataset, type CmexamFormat, type LoadCmexamOptions } from './load/dataset.js';
export { describeLoadSummary } from './load/summary.js';
export type { CmexamSample, CmexamInput, CmexamTarget, CmexamOption } from './schema.js';
export {
  ANNOTATION_COLUMNS,
  NOT_APPLICABLE,
  DIFFICULTY_LABELS,
  COMPETENCY_LABELS,
  DISCIPLINE_LABELS,
  DISEASE_GROUP_LABELS,
  DEPARTMENT_LABELS,
  annotationLabel,
  type AnnotationColumn,
} from './annotations.js';
export { answer, explanation, joint, TASK_VERSION, CMEXAM_PROTOCOLS, type CmexamTask, type CmexamTaskOptions, type JointPrediction } from './tasks.js';
export { buildPrompt, promptId, PROMPT_NAMES, type PromptName, type PromptSpec, type CmexamPrompt } from './prompts/index.js';
export type { FewShotOptions, KnowledgeSeeds, KnowledgeRetriever, KnowledgeSeedCallback, TaskKind } from './prompts/index.js';
export { extractStrict, strictParsed, type StrictResult, type StrictRule } from './extract/strict.js';
export { NO_ANSWER } from './extract/lora.js';
export type { CmexamProtocol } from './extract/protocol-parse.js';
export { cmexamProtocol, CMEXAM_PROTOCOL_DEFINITIONS, type CmexamProtocolDefinition, type CmexamProtocolName } from './protocols.js';
export { answerJudge, jointJudge } from './judge.js';
export {
  resolveBaseline,
  randomBaseline,
  bm25Baseline,
  bm25Retriever,
  type ResolveBaselineOptions,
  type RandomBaselineOptions,
  type Bm25BaselineOptions,
  type Bm25Index,
} from './baselines/index.js';
export { cmexamSample } from './sample/index.js';
export { remoteFiles, DATA_LICENSE, type RemoteFile } from './download.js';
export { cmexamJudgeMetrics } from './judge-metrics.js';
