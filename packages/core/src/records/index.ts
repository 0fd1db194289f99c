export { buildRecord } from './build.js';
export type { Outcome } from './build.js';
export { recordToLine, parseRecordLine, RecordLineError } from './jsonl.js';
export { evalRecordSchema, statusSchema, extractionSchema, chatMessageSchema, recordUsageSchema, metaValueSchema } from './record-schema.js';
export {
  resultJsonSchema,
  resultJsonProblem,
  loadSummarySchema,
  metricValueSchema,
  sliceValueSchema,
  countsSchema,
  extractionExampleSchema,
  extractionSummarySchema,
  epochSummarySchema,
  usageTotalsSchema,
  usageSummarySchema,
} from './results-schema.js';
