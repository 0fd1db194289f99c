// Batch inference files (the OpenAI Batch API format, which `vllm run-batch` reads and writes too):
// exportBatch writes a run's requests, one `{custom_id, method, url, body}` line each, with custom_id = the
// response cache key, split past the providers' limits; importBatch reads output files
// `{id, custom_id, response: {status_code, body}, error}` into the response cache, so the same run then
// completes from the cache without a request. Failed lines are counted and left out: the next run asks them.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { cacheKey, type Cache } from '../cache/cache.js';
import { responseFromCompletion } from '../models/openai-compatible.js';
import { takeSamples } from '../pipeline/run.js';
import { openSource, readLines, sourceName, type DataSource } from '../source/source.js';
import type { Model, Task } from '../types.js';

/** OpenAI's Batch limits per input file. */
export const BATCH_MAX_LINES = 50_000;
export const BATCH_MAX_BYTES = 200 * 1024 * 1024;

export interface ExportBatchOptions {
  task: Task<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** An OpenAI-compatible model (it knows its request body). */
  model: Model;
  /** requests.jsonl; past the limits requests-001.jsonl, requests-002.jsonl, … beside it. */
  out: string;
  limit?: number;
  maxLines?: number;
  maxBytes?: number;
}

/**
 * Writes the batch input file(s) of a run and returns their paths and the number of requests.
 *
 * @example
 * await exportBatch({ task: cmexam.answer({ data }), model: modelFromSpec('openai:gpt-4o-mini'), out: 'requests.jsonl' });
 */
export async function exportBatch(options: ExportBatchOptions): Promise<{ files: string[]; requests: number }> {
  const { task, model } = options;
  if (!model.requestBody) throw new Error(`model ${model.id} cannot write batch files (an OpenAI-compatible model can)`);
  const maxLines = options.maxLines ?? BATCH_MAX_LINES;
  const maxBytes = options.maxBytes ?? BATCH_MAX_BYTES;
  const numbered = (k: number) => options.out.replace(/(\.jsonl)?$/, (ext) => `-${String(k).padStart(3, '0')}${ext || '.jsonl'}`);
  // Lines go to part files first; a run that fits in one file is renamed to the name asked for at the end.
  const parts: string[] = [];
  let stream: WriteStream | undefined;
  let lines = 0;
  let bytes = 0;
  let requests = 0;
  const open = () => {
    parts.push(numbered(parts.length + 1));
    stream = createWriteStream(parts.at(-1)!);
    lines = 0;
    bytes = 0;
  };
  const close = async () => {
    if (!stream) return;
    stream.end();
    await once(stream, 'finish');
  };
  try {
    for await (const sample of takeSamples(task.dataset.samples(), options.limit)) {
      const request = await task.render(sample);
      const line = `${JSON.stringify({ custom_id: cacheKey(model, request, sample.id), method: 'POST', url: '/v1/chat/completions', body: model.requestBody(request) })}\n`;
      const size = Buffer.byteLength(line);
      if (!stream || lines >= maxLines || (bytes + size > maxBytes && lines > 0)) {
        await close();
        open();
      }
      if (!stream!.write(line)) await once(stream!, 'drain');
      lines++;
      bytes += size;
      requests++;
    }
  } finally {
    await close();
  }
  if (parts.length === 1) {
    const { rename } = await import('node:fs/promises');
    await rename(parts[0]!, options.out);
    return { files: [options.out], requests };
  }
  return { files: parts, requests };
}

export interface ImportBatchResult {
  /** Answers written to the cache. */
  imported: number;
  /** Lines the provider could not answer (error set, or a status other than 200): asked again by the next run. */
  failed: Array<{ file: string; line: number; customId: string; reason: string }>;
}

/**
 * Reads batch output files into the response cache. A line that is not a batch output line at all stops the
 * import with the file and line; a request the provider failed is counted in `failed` and left for the next run.
 *
 * @example
 * const { imported, failed } = await importBatch({ files: ['output.jsonl'], cache: fileCache('.medeval-cache') });
 */
export async function importBatch(options: { files: DataSource[]; cache: Cache }): Promise<ImportBatchResult> {
  const result: ImportBatchResult = { imported: 0, failed: [] };
  for (const source of options.files) {
    const file = sourceName(source);
    for await (const { line, lineNumber } of readLines(await openSource(source))) {
      if (line.trim() === '') continue;
      const bad = (problem: string) => new Error(`${file}:${lineNumber}: ${problem}`);
      let entry: { custom_id?: unknown; response?: { status_code?: unknown; body?: unknown } | null; error?: unknown };
      try {
        entry = JSON.parse(line);
      } catch (error) {
        throw bad(`not valid JSON (${(error as Error).message})`);
      }
      if (!entry || typeof entry !== 'object' || typeof entry.custom_id !== 'string') throw bad('not a batch output line (no custom_id)');
      const customId = entry.custom_id;
      if (!/^[0-9a-f]{64}$/.test(customId)) throw bad(`custom_id "${customId}" is not one medeval wrote (a response cache key)`);
      const status = entry.response?.status_code;
      if (entry.error || !entry.response || status !== 200) {
        const reason = entry.error ? JSON.stringify(entry.error) : `status ${String(status ?? 'missing')}`;
        result.failed.push({ file, line: lineNumber, customId, reason });
        continue;
      }
      let response;
      try {
        response = responseFromCompletion(entry.response.body);
      } catch (error) {
        result.failed.push({ file, line: lineNumber, customId, reason: (error as Error).message });
        continue;
      }
      await options.cache.set(customId, response);
      result.imported++;
    }
  }
  return result;
}
