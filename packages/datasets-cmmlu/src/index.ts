// The public surface of @medeval/datasets-cmmlu: re-exports only.
import { cmmluMedical } from './task.js';
import { loadCmmlu } from './load.js';
import { randomBaseline } from './baseline.js';
import { ALL_SUBJECTS, MEDICAL_SUBJECTS, SUBJECT_NAMES_ZH } from './subjects.js';

export { cmmluMedical, CMMLU_PROTOCOLS, TASK_VERSION, type CmmluTask, type CmmluTaskOptions, type CmmluProtocol } from './task.js';
export { cmmluProtocol, CMMLU_PROTOCOL_DEFINITIONS, type CmmluProtocolDefinition } from './protocols.js';
export { loadCmmlu, subjectFile, type LoadCmmluOptions, type CmmluDataset } from './load.js';
export { extractChoice, type CmmluChoice, type Choice } from './extract-choice.js';
export { cmmluPrompt, formatExample } from './prompt.js';
export { microAccuracy, macroAccuracy } from './metrics.js';
export { randomBaseline } from './baseline.js';
export { cmmluRemoteFiles, remoteFiles, CMMLU_COMMIT } from './download.js';
export { ALL_SUBJECTS, MEDICAL_SUBJECTS, SUBJECT_NAMES_ZH } from './subjects.js';
export type * from './schema.js';

/** Everything in one namespace: `cmmlu.medical()`, `cmmlu.load()`, `cmmlu.baselines.random()`. */
export const cmmlu = {
  medical: cmmluMedical,
  load: loadCmmlu,
  baselines: { random: randomBaseline },
  subjects: { all: ALL_SUBJECTS, medical: MEDICAL_SUBJECTS, zh: SUBJECT_NAMES_ZH },
} as const;
