// A model's chat requests on Node go through node:http (postText). Node's own fetch implementation (undici) is
// loaded on first touch of `Response`, `Headers` or `fetch` and costs 25–40 ms; a run's whole first round of
// requests would wait for it. This checks, in a fresh process on the built core, that a request through
// openaiCompatible loads no undici, and that the check itself sees undici once `Response` is touched.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const coreDist = join(root, 'packages/core/dist/index.js');
const built = existsSync(coreDist);
if (!built) console.warn('[lazy-fetch] skipped: packages/core/dist is absent (npm run build)');

const CHILD = `
const core = await import(process.argv[1]);
const model = core.openaiCompatible({ baseURL: process.argv[2], model: 'm' });
const loaded = () => process.moduleLoadList.filter((m) => m.includes('undici'));
const answer = await model.generate({ messages: [{ role: 'user', content: 'Q1' }] }, {});
const afterRequest = loaded();
void Response; // what the fetch path does
console.log(JSON.stringify({ text: answer.text, afterRequest, afterResponse: loaded() }));
`;

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ respond: () => 'B' });
});
afterAll(async () => server?.close());

describe.skipIf(!built)('openaiCompatible on Node', () => {
  it('answers a request without loading Node’s fetch implementation', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD, pathToFileURL(coreDist).href, server.url]);
    const out = JSON.parse(stdout.trim()) as { text: string; afterRequest: string[]; afterResponse: string[] };
    expect(out.text).toBe('B');
    expect(out.afterRequest).toEqual([]);
    expect(out.afterResponse.length).toBeGreaterThan(0);
  });
});
