// @medeval/core/node: the parts that need the file system.
export { openFileSource } from './file-source.js';
export type { FileSourceOptions } from './file-source.js';
export { fileCache, CACHE_FILE } from './file-cache.js';
export type { FileCache } from './file-cache.js';
export { runFolderWriter, RUN_FILES } from './run-folder.js';
export { readRunFolder } from './read-run-folder.js';
export type { RunFolder } from './read-run-folder.js';
export { writeFileAtomic } from './atomic.js';
export { downloadFiles, DownloadError, gitBlobId, PINS_FILE } from './download.js';
export type { DownloadFile, DownloadOptions, DownloadResult } from './download.js';
export { mergeRuns, MergeError } from './merge-runs.js';
export type { MergeRunsOptions } from './merge-runs.js';
export { exportBatch, importBatch, BATCH_MAX_LINES, BATCH_MAX_BYTES } from './batch.js';
export type { ExportBatchOptions, ImportBatchResult } from './batch.js';
export { submitBatch } from './batch-submit.js';
export type { SubmitBatchOptions, SubmitBatchResult, BatchState, BatchProgress } from './batch-submit.js';
