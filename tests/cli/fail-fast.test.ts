// `medeval run` against a misconfigured server: exit 1 in seconds with the server's message, what to check,
// and where the (valid, resumable) run folder is (issue 12).
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let dir: string;
let server: OpenAIServer | undefined;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('medeval run with a broken set-up', () => {
  it('a bad key (401): exit 1 after a few requests, the server\'s message, the key variable, the run folder; report renders it', async () => {
    server = await startOpenAIServer({
      faults: () => ({ status: 401, body: JSON.stringify({ error: { message: 'Invalid authentication credentials', type: 'invalid_request_error' } }) }),
    });
    const out = join(dir, 'bad-key');
    const r = await medeval(['run', '--task', 'cmexam', '--model', `openai-compatible:${server.url}#qwen2.5-7b`, '--concurrency', '1', '--out', out]);
    expect(r.code).toBe(1);
    expect(server.requests.length).toBe(3);
    expect(r.stderr).toContain('medeval: the run stopped: HTTP 401');
    expect(r.stderr).toContain('Invalid authentication credentials');
    expect(r.stderr).toContain('MEDEVAL_API_KEY');
    expect(r.stderr).toContain(`run folder: ${out} (after fixing it, rerun the same command (add --cache DIR to keep answers across runs))`);
    const report = await medeval(['report', out]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('error');
  });

  it('no such model (404): exit 1 naming the model and the base URL', async () => {
    server = await startOpenAIServer({
      faults: () => ({ status: 404, body: JSON.stringify({ error: { message: 'The model `qwen9` does not exist.' } }) }),
    });
    const r = await medeval(['run', '--task', 'cmexam', '--model', `openai-compatible:${server.url}#qwen9`, '--concurrency', '1', '--out', join(dir, 'no-model')]);
    expect(r.code).toBe(1);
    expect(server.requests.length).toBe(3);
    expect(r.stderr).toContain('The model `qwen9` does not exist.');
    expect(r.stderr).toContain(`check the model name "qwen9" and the base URL (${server.url})`);
  });
});
