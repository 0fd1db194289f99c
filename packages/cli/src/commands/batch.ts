// `medeval batch export` and `medeval batch import`: a run through a provider's Batch API (half price at
// OpenAI) or `vllm run-batch`, with medeval's cache in between. Export writes the run's requests in the Batch
// input format (custom_id = the response cache key); import loads the Batch output into the cache; then the
// same `medeval run … --cache DIR` completes without a request.
import { resolve } from 'node:path';
import { modelFromSpec } from '@medeval/core';
import { exportBatch, fileCache, importBatch } from '@medeval/core/node';
import { decimalOption, integerOption, requiredString, stringOption } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import { UsageError } from '../errors.js';
import { expandPaths } from '../globs.js';
import type { CliIO } from '../io.js';
import { buildTask, checkTaskName } from '../tasks.js';
import { withTemperature } from './evaluate-task.js';

export const exportSpec: CommandSpec = {
  name: 'batch export',
  summary: "write a run's requests as a Batch API input file (OpenAI, Azure OpenAI, vllm run-batch)",
  usage: ['medeval batch export --task T [--data PATH] --model SPEC [--protocol P] [--prompt ID] [--limit N] [--temperature T] --out requests.jsonl'],
  details: [
    'One line per sample: {"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}, with custom_id the ' +
      "key of medeval's response cache and body exactly what `medeval run` would send. Past 50,000 lines or 200 MB " +
      'the requests go to requests-001.jsonl, requests-002.jsonl, … (the providers\' per-file limits).',
    'Give the same options to `medeval run` afterwards: they decide the requests, and so the cache keys.',
  ],
  options: {
    task: { type: 'string', value: 'T', description: 'task' },
    data: { type: 'string', value: 'PATH', description: 'data file', defaultText: "the package's bundled sample" },
    model: { type: 'string', value: 'SPEC', description: 'an OpenAI-compatible model spec (openai:, ollama:, openai-compatible:)' },
    protocol: { type: 'string', value: 'P', description: 'protocol' },
    prompt: { type: 'string', value: 'ID', description: 'prompt id' },
    limit: { type: 'string', value: 'N', description: 'only the first N samples' },
    temperature: { type: 'string', value: 'T', description: 'sampling temperature in every request' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'the batch input file (required)' },
    'max-lines': { type: 'string', value: 'N', description: 'lines per file', defaultText: '50000' },
  },
  examples: ['medeval batch export --task cmexam --data test.csv --model openai:gpt-4o-mini --out requests.jsonl'],
};

export const importSpec: CommandSpec = {
  name: 'batch import',
  summary: 'load Batch API output files into the response cache (then `medeval run --cache` sends nothing)',
  usage: ['medeval batch import OUTPUT.jsonl [...] --cache DIR'],
  details: [
    'Reads {"id", "custom_id", "response": {"status_code", "body"}, "error"} lines. Answered requests go into the ' +
      'cache; lines the provider failed (error set, status not 200) are counted and listed, and the next run asks ' +
      'those samples again. A line that is not Batch output at all stops the import (exit 1) with file and line.',
  ],
  options: {
    cache: { type: 'string', value: 'DIR', description: 'the response cache folder `medeval run --cache` will use (required)' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, name: 'OUTPUT' },
  examples: ['medeval batch import batch_abc_output.jsonl --cache .medeval-cache'],
};

export async function runExport(args: ParsedArgs, io: CliIO): Promise<number> {
  const { values } = args;
  const taskName = checkTaskName(requiredString(values, 'task', exportSpec.name), exportSpec.name);
  const spec = requiredString(values, 'model', exportSpec.name);
  const out = requiredString(values, 'out', exportSpec.name);
  const data = stringOption(values, 'data');
  const built = await buildTask(taskName, {
    ...(data !== undefined ? { data: resolve(io.cwd, data) } : {}),
    protocol: stringOption(values, 'protocol'),
    prompt: stringOption(values, 'prompt'),
  });
  const temperature = decimalOption(values, 'temperature', exportSpec.name);
  const task = temperature !== undefined ? withTemperature(built, temperature) : built;
  let model;
  try {
    model = modelFromSpec(spec, { env: io.env });
  } catch (error) {
    throw new UsageError(`--model: ${(error as Error).message}`, exportSpec.name);
  }
  if (!model.requestBody) throw new UsageError(`--model ${spec}: batch files are for OpenAI-compatible models (openai:, ollama:, openai-compatible:)`, exportSpec.name);
  const limit = integerOption(values, 'limit', exportSpec.name, { min: 1 });
  const maxLines = integerOption(values, 'max-lines', exportSpec.name, { min: 1, max: 50_000 });
  const { files, requests } = await exportBatch({ task, model, out: resolve(io.cwd, out), ...(limit !== undefined ? { limit } : {}), ...(maxLines !== undefined ? { maxLines } : {}) });
  for (const file of files) io.stdout.write(`${file}\n`);
  io.stderr.write(`${requests} requests in ${files.length} file${files.length === 1 ? '' : 's'}; run the same options with --cache after importing the output\n`);
  return 0;
}

export async function runImport(args: ParsedArgs, io: CliIO): Promise<number> {
  const cacheDir = requiredString(args.values, 'cache', importSpec.name);
  const files = await expandPaths(args.positionals, { cwd: io.cwd, kind: 'file', label: 'OUTPUT', command: importSpec.name });
  const cache = fileCache(resolve(io.cwd, cacheDir));
  try {
    const result = await importBatch({ files: files.map((f) => resolve(io.cwd, f)), cache });
    io.stdout.write(`imported ${result.imported} answers into ${cacheDir}; ${result.failed.length} failed\n`);
    for (const f of result.failed.slice(0, 10)) io.stderr.write(`failed: ${f.file}:${f.line} (${f.customId.slice(0, 12)}…): ${f.reason}\n`);
    if (result.failed.length > 10) io.stderr.write(`… and ${result.failed.length - 10} more\n`);
    if (result.failed.length) io.stderr.write('the next `medeval run` with this cache asks the failed samples again\n');
  } finally {
    await cache.close();
  }
  return 0;
}
