// The public surface of @medeval/datasets-cmb.
export { cmb, cmbPrompt, loadCmb, TASK_VERSION, type CmbOptions } from './cmb.js';
export { cmbClin, cmbClinJudgeMetrics, cmbClinMessages, loadCmbClin, CLIN_TASK_VERSION, type CmbClinSample, type ClinTurn } from './clin.js';
export { remoteFiles } from './download.js';
