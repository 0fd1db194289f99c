export { buildRecord } from './build.js';
export type { Outcome } from './build.js';
export { recordToLine, parseRecordLine, RecordLineError } from './jsonl.js';
export { evalRecordSchema, statusSchema, extractionSchema, chatMessageSchema, recordUsageSchema, metaValueSchema } from './record-schema.js';
export { resultJsonSchema, resultJsonProblem } from './results-schema.js';
