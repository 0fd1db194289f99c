// The public surface of @medeval/datasets-cmb.
export { cmb, cmbPrompt, loadCmb, TASK_VERSION, type CmbOptions } from './cmb.js';
