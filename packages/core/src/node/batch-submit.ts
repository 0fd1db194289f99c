// `medeval run … --batch`: the requests of a run that the cache cannot answer go to an OpenAI-compatible Batch
// endpoint through the official SDK (upload the file, create the batch, poll with backoff, download the output
// and error files), and the answers are imported into the cache. The batch's ids are kept in a state file
// (written atomically) before any wait, so a crashed or restarted process resumes polling the same batch
// instead of submitting — and paying for — it again.
import { readFile } from 'node:fs/promises';
import { cacheKey, type Cache } from '../cache/cache.js';
import { sha256Hex } from '../cache/hash.js';
import { takeSamples } from '../pipeline/run.js';
import { sleep } from '../scheduler/sleep.js';
import type { Model, Task } from '../types.js';
import { writeFileAtomic } from './atomic.js';
import { importBatch, type ImportBatchResult } from './batch.js';

export interface BatchState {
  version: 1;
  /** sha256 of the sorted custom_ids: the same requests, or a new batch. */
  requestsHash: string;
  requests: number;
  inputFileId: string;
  batchId: string;
  status: string;
}

export interface BatchProgress {
  batchId: string;
  status: string;
  total: number;
  completed: number;
  failed: number;
  resumed: boolean;
}

export interface SubmitBatchOptions {
  task: Task<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  model: Model;
  cache: Cache;
  /** Where the batch ids are kept (the run folder's batch.json). */
  stateFile: string;
  limit?: number;
  /** First wait between polls (default 5 s); it grows 1.5× a poll up to 60 s. */
  pollMs?: number;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

export type SubmitBatchResult =
  | { submitted: false; requests: 0 }
  | ({ submitted: true; requests: number; batchId: string; status: string; resumed: boolean } & ImportBatchResult);

const FINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);
/** A batch in one of these states is not resumed: the same requests go into a new batch. */
const ENDED_BADLY = new Set(['failed', 'expired', 'cancelled']);

interface BatchApi {
  files: {
    create(body: { file: unknown; purpose: string }): Promise<{ id: string }>;
    content(id: string): Promise<{ text(): Promise<string> }>;
  };
  batches: {
    create(body: { input_file_id: string; endpoint: string; completion_window: string; metadata?: Record<string, string> }): Promise<BatchObject>;
    retrieve(id: string): Promise<BatchObject>;
  };
}
interface BatchObject {
  id: string;
  status: string;
  output_file_id?: string | null;
  error_file_id?: string | null;
  request_counts?: { total: number; completed: number; failed: number };
}

/**
 * Sends the requests the cache cannot answer as one batch and imports its output into the cache.
 *
 * @example
 * await submitBatch({ task, model: modelFromSpec('openai:gpt-4o-mini'), cache: fileCache('.cache'), stateFile: 'runs/x/batch.json' });
 */
export async function submitBatch(options: SubmitBatchOptions): Promise<SubmitBatchResult> {
  const { task, model, cache } = options;
  if (!model.requestBody || !model.openaiClient) throw new Error(`model ${model.id} has no Batch API (an OpenAI-compatible model has)`);
  const lines: string[] = [];
  const ids: string[] = [];
  for await (const sample of takeSamples(task.dataset.samples(), options.limit)) {
    const request = await task.render(sample);
    const key = cacheKey(model, request, sample.id);
    if (await cache.get(key)) continue;
    ids.push(key);
    lines.push(JSON.stringify({ custom_id: key, method: 'POST', url: '/v1/chat/completions', body: model.requestBody(request) }));
  }
  if (lines.length === 0) return { submitted: false, requests: 0 };
  const requestsHash = sha256Hex([...ids].sort().join('\n'));
  const api = (await model.openaiClient()) as BatchApi;
  let state = await readState(options.stateFile);
  // The same requests: poll (or re-download) that batch — unless it ended without answers to give.
  const resumed = state !== undefined && state.requestsHash === requestsHash && !ENDED_BADLY.has(state.status);
  if (!resumed) {
    const { toFile } = await import('openai');
    const file = await api.files.create({ file: await toFile(Buffer.from(`${lines.join('\n')}\n`), 'requests.jsonl'), purpose: 'batch' });
    const batch = await api.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { created_by: 'medeval' } });
    state = { version: 1, requestsHash, requests: lines.length, inputFileId: file.id, batchId: batch.id, status: batch.status };
    // Kept before the first wait: a restart from here on polls this batch instead of paying for another.
    await writeFileAtomic(options.stateFile, `${JSON.stringify(state, null, 2)}\n`);
  }
  let wait = options.pollMs ?? 5000;
  let batch: BatchObject;
  for (;;) {
    options.signal?.throwIfAborted();
    batch = await api.batches.retrieve(state!.batchId);
    const counts = batch.request_counts ?? { total: lines.length, completed: 0, failed: 0 };
    options.onProgress?.({ batchId: batch.id, status: batch.status, ...counts, resumed });
    if (batch.status !== state!.status) {
      state = { ...state!, status: batch.status };
      await writeFileAtomic(options.stateFile, `${JSON.stringify(state, null, 2)}\n`);
    }
    if (FINAL.has(batch.status)) break;
    await sleep(wait, options.signal);
    wait = Math.min(60_000, wait * 1.5);
  }
  // Whatever the provider finished (all of it, or part of an expired batch) goes into the cache.
  const files = [];
  for (const [kind, id] of [['output', batch.output_file_id], ['errors', batch.error_file_id]] as const) {
    if (id) files.push({ name: `${batch.id} ${kind} (${id})`, text: await (await api.files.content(id)).text() });
  }
  const imported = await importBatch({ files, cache });
  return { submitted: true, requests: lines.length, batchId: batch.id, status: batch.status, resumed, ...imported };
}

async function readState(path: string): Promise<BatchState | undefined> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as BatchState;
    return state?.version === 1 && typeof state.batchId === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}
