// Batch inference through files: `medeval batch export` → an output file in the shape `vllm run-batch` (and
// OpenAI's Batch API) writes, made here from the exported requests → `medeval batch import` → `medeval run`
// with the same options and cache sends no request (or only the ones the batch failed).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let server: OpenAIServer;
beforeAll(async () => {
  assertBuilt();
  server = await startOpenAIServer({ respond: () => '答案：A' });
});
afterAll(async () => {
  await server?.close();
});

const env = { MEDEVAL_API_KEY: 'k', CI: 'true' };
const lines = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

/** vllm run-batch's output line for a request (an OpenAI chat completion as the body), or a failed one. */
function outputLine(request: { custom_id: string; body: { model: string } }, k: number, fail: boolean) {
  if (fail) return { id: `vllm-${k}`, custom_id: request.custom_id, response: { status_code: 400, request_id: `r-${k}`, body: null }, error: { code: 'invalid_request', message: 'context length exceeded' } };
  return {
    id: `vllm-${k}`,
    custom_id: request.custom_id,
    response: {
      status_code: 200,
      request_id: `r-${k}`,
      body: {
        id: `cmpl-${k}`,
        object: 'chat.completion',
        created: 0,
        model: request.body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: `答案：${'ABCDE'[k % 5]}` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 50, completion_tokens: 5, total_tokens: 55 },
      },
    },
    error: null,
  };
}

describe('medeval batch export / import', () => {
  it('export → simulated run-batch output → import → a run that sends nothing but the failed request', async () => {
    const cwd = await tempDir('medeval-batch-');
    const model = `openai-compatible:${server.url}#m`;
    const runArgs = ['--task', 'cmexam', '--model', model, '--limit', '7'];
    const exported = await medeval(['batch', 'export', ...runArgs, '--out', 'requests.jsonl', '--max-lines', '4'], { cwd, env });
    expect(exported.code, exported.stderr).toBe(0);
    // 7 requests over files of at most 4 lines: requests-001.jsonl (4) and requests-002.jsonl (3).
    expect(exported.stdout.trim().split('\n').map((p) => p.split('/').at(-1))).toEqual(['requests-001.jsonl', 'requests-002.jsonl']);
    const requests = [...(await lines(join(cwd, 'requests-001.jsonl'))), ...(await lines(join(cwd, 'requests-002.jsonl')))];
    expect(requests).toHaveLength(7);
    expect(requests.every((r) => /^[0-9a-f]{64}$/.test(r.custom_id) && r.method === 'POST' && r.url === '/v1/chat/completions' && r.body.model === 'm')).toBe(true);
    expect(server.requests).toHaveLength(0);

    const output = requests.map((r, k) => JSON.stringify(outputLine(r, k, k === 3))).join('\n');
    await writeFile(join(cwd, 'output.jsonl'), `${output}\n`);
    const imported = await medeval(['batch', 'import', 'output.jsonl', '--cache', 'cache'], { cwd, env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 6 answers into cache; 1 failed');
    expect(imported.stderr).toContain('context length exceeded');

    const run = await medeval(['run', ...runArgs, '--cache', 'cache', '--out', 'run'], { cwd, env });
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests).toHaveLength(1); // only the request the batch failed
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(7);
    // The batch's answers were read from the cache, with their usage: 6 × 55 tokens, plus the re-asked one.
    expect(results.usage.new.responses).toBe(1);
    expect(results.usage.responses).toBe(7);
    expect(results.usage.total_tokens).toBe(6 * 55 + 2);
    // Everything is in the cache now: the same run sends nothing at all.
    const again = await medeval([...['run', ...runArgs], '--cache', 'cache', '--out', 'again'], { cwd, env });
    expect(again.code, again.stderr).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('an import line that is not batch output exits 1 naming file and line; a baseline cannot be exported', async () => {
    const cwd = await tempDir('medeval-batch-');
    await writeFile(join(cwd, 'bad.jsonl'), '{"id":"x","custom_id":"abc","response":{"status_code":200,"body":{}}}\n');
    const bad = await medeval(['batch', 'import', 'bad.jsonl', '--cache', 'cache'], { cwd, env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.jsonl:1: custom_id "abc" is not one medeval wrote');
    const baseline = await medeval(['batch', 'export', '--task', 'cmexam', '--model', 'baseline:bm25', '--out', 'r.jsonl'], { cwd, env });
    expect(baseline.code).toBe(2);
  });
});
