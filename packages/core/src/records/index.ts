export { buildRecord } from './build.js';
export type { Outcome } from './build.js';
export { recordToLine, parseRecordLine, evalRecordSchema, RecordLineError } from './jsonl.js';
export { resultJsonSchema, resultJsonProblem } from './results-schema.js';
