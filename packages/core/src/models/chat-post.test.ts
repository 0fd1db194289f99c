// openaiCompatible on Node posts chat completions itself (no openai client on the hot path): the same body,
// headers and error wording as the client, checked against a loopback server started and stopped here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from './node-fetch.js';
import { openaiCompatible } from './openai-compatible.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler = (_req, _body, res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections(); // the models' keep-alive sockets and the never-answered request
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const reply = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  res.writeHead(status, headers);
  res.end(body);
};
const ask = (model = openaiCompatible({ baseURL: `${base}/v1/`, model: 'm', apiKey: 'sk-secret-123456', headers: { 'X-Trace': 't1' } })) =>
  model.generate({ messages: [{ role: 'user', content: '答：' }], temperature: 0, maxTokens: 5 }, {}).then(
    (value) => ({ value, error: undefined as (Error & { kind?: string; status?: number; retryable?: boolean; retryAfterMs?: number }) | undefined }),
    (error: Error) => ({ value: undefined, error: error as Error & { kind?: string; status?: number; retryable?: boolean; retryAfterMs?: number } }),
  );

describe('openaiCompatible, direct POST on Node', () => {
  it('posts the chat body with the key and the caller headers to /chat/completions, and reads the reply', async () => {
    let seen: { url?: string; headers?: IncomingMessage['headers']; body?: unknown } = {};
    handler = (req, body, res) => {
      seen = { url: req.url!, headers: req.headers, body: JSON.parse(body) };
      reply(res, 200, JSON.stringify({ choices: [{ message: { content: 'C', reasoning_content: '先看A' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } }));
    };
    const { value } = await ask();
    expect(value).toEqual({ text: 'C', reasoning: '先看A', finishReason: 'stop', usage: { promptTokens: 3, completionTokens: 1, totalTokens: 4 } });
    expect(seen.url).toBe('/v1/chat/completions');
    expect(seen.body).toEqual({ model: 'm', messages: [{ role: 'user', content: '答：' }], temperature: 0, max_tokens: 5, stream: false });
    expect(seen.headers).toMatchObject({ authorization: 'Bearer sk-secret-123456', 'content-type': 'application/json', 'x-trace': 't1' });
  });

  it('sends the organization, project and custom headers the openai client reads from its variables', async () => {
    let headers: IncomingMessage['headers'] = {};
    handler = (req, _body, res) => {
      headers = req.headers;
      reply(res, 200, JSON.stringify({ choices: [{ message: { content: 'C' } }] }));
    };
    const saved = { ...process.env };
    Object.assign(process.env, { OPENAI_ORG_ID: 'org-1', OPENAI_PROJECT_ID: 'proj-1', OPENAI_CUSTOM_HEADERS: 'X-Tenant: t9\nX-Other: o' });
    try {
      await ask(openaiCompatible({ baseURL: `${base}/v1`, model: 'm', headers: { 'X-Other': 'mine' } }));
    } finally {
      for (const k of ['OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'OPENAI_CUSTOM_HEADERS']) if (saved[k] === undefined) delete process.env[k];
    }
    expect(headers).toMatchObject({ 'openai-organization': 'org-1', 'openai-project': 'proj-1', 'x-tenant': 't9', 'x-other': 'mine' });
  });

  it.each([
    ['OpenAI error body', 401, '{"error": {"message": "Incorrect API key provided: sk-secret-123456", "type": "invalid_request_error"}}', 'HTTP 401: 401 Incorrect API key provided: ***', false],
    ["vLLM's top-level message", 400, '{"object": "error", "message": "max_tokens is too large", "type": "BadRequestError", "code": 400}', 'HTTP 400: 400 max_tokens is too large', false],
    ["FastAPI's detail", 404, '{"detail": "Not Found"}', 'HTTP 404: 404 Not Found', false],
    ['plain text', 503, 'upstream overloaded', 'HTTP 503: 503 upstream overloaded', true],
    ['no body', 500, '', 'HTTP 500: 500 status code (no body)', true],
  ])('an HTTP error with %s is classified and worded like the openai client, the key scrubbed', async (_name, status, body, message, retryable) => {
    handler = (_req, _body, res) => reply(res, status, body);
    const { error } = await ask();
    expect(error).toMatchObject({ kind: 'http', status, retryable, message });
  });

  it('Retry-After on a 429 is kept for the scheduler', async () => {
    handler = (_req, _body, res) => reply(res, 429, '{"error": {"message": "slow down"}}', { 'content-type': 'application/json', 'retry-after': '2' });
    const { error } = await ask();
    expect(error).toMatchObject({ kind: 'http', status: 429, retryable: true, retryAfterMs: 2000 });
  });

  it('a 200 that is not JSON, or has no message, is a retryable malformed response', async () => {
    handler = (_req, _body, res) => reply(res, 200, '<html>gateway</html>', { 'content-type': 'text/html' });
    expect((await ask()).error).toMatchObject({ kind: 'malformed', retryable: true, message: expect.stringMatching(/^malformed response/) });
    handler = (_req, _body, res) => reply(res, 200, '{"choices": []}');
    expect((await ask()).error).toMatchObject({ kind: 'malformed', retryable: true });
  });

  it('a refused connection is a retryable network error naming the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { error } = await ask(openaiCompatible({ baseURL: `http://127.0.0.1:${port}/v1`, model: 'm' }));
    expect(error).toMatchObject({ kind: 'network', retryable: true, message: expect.stringMatching(/^Connection error: connect ECONNREFUSED/) });
  });

  it('an aborted request rejects with an AbortError', async () => {
    handler = () => undefined; // never answers
    const controller = new AbortController();
    const model = openaiCompatible({ baseURL: `${base}/v1`, model: 'm' });
    const pending = model.generate({ messages: [{ role: 'user', content: 'x' }] }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('with a custom fetch the openai client sends the request (same reading)', async () => {
    handler = (_req, _body, res) => reply(res, 200, JSON.stringify({ choices: [{ message: { content: 'B' }, finish_reason: 'stop' }] }));
    const { value } = await ask(openaiCompatible({ baseURL: `${base}/v1`, model: 'm', fetch: createNodeFetch() }));
    expect(value).toEqual({ text: 'B', finishReason: 'stop' });
  });
});
