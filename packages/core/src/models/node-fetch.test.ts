// The Node fetch under the openai adapter, against a loopback server started and stopped here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BufferedResponse } from './buffered-response.js';
import { createNodeFetch } from './node-fetch.js';
import { openaiCompatible } from './openai-compatible.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler = (_req, _body, res) => res.end();
const sockets = new Set<Socket>();
let connections = 0;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, body, res);
    });
  });
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const completion = (content: string) => ({ id: 'c', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }] });
const json = (res: ServerResponse, value: unknown, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
};

describe('createNodeFetch', () => {
  it('sends method, headers and a UTF-8 body, returns status, headers and JSON, and reuses one connection', async () => {
    const fetch = createNodeFetch();
    handler = (req, body, res) => json(res, { echo: JSON.parse(body), auth: req.headers.authorization }, 201, { 'x-request-id': 'r1' });
    const before = connections;
    const text = '问：发热三天，咳嗽 🤒';
    for (const headers of [new Headers({ authorization: 'Bearer t', 'content-type': 'application/json' }), { authorization: 'Bearer t' }]) {
      const response = await fetch(`${base}/v1/chat?x=1`, { method: 'post', headers, body: JSON.stringify({ text }) });
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(201);
      expect(response.ok).toBe(true);
      expect(response.headers.get('x-request-id')).toBe('r1');
      expect(response.url).toBe(`${base}/v1/chat?x=1`);
      expect(await response.json()).toEqual({ echo: { text }, auth: 'Bearer t' });
    }
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/chat?x=1' });
    expect(Number(seen.at(-1)!.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify({ text })));
    expect(connections - before).toBe(1); // keep-alive: the second request rode the first one's socket
  });

  it('decodes gzip, deflate (zlib and raw) and br bodies', async () => {
    const fetch = createNodeFetch();
    const payload = Buffer.from(JSON.stringify(completion('答案：B')));
    const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, 'deflate-raw': deflateRawSync, br: brotliCompressSync };
    for (const [name, encode] of Object.entries(encoders)) {
      handler = (_req, _body, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': name.replace('-raw', '') });
        res.end(encode(payload));
      };
      expect(await (await fetch(`${base}/${name}`)).json(), name).toEqual(completion('答案：B'));
    }
    expect(seen.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('hands redirects, Request objects and streamed bodies to the fallback fetch', async () => {
    const fallbackCalls: string[] = [];
    const fetch = createNodeFetch({
      fallback: (async (input: string | URL | Request, init?: RequestInit) => {
        fallbackCalls.push(String(input instanceof Request ? input.url : input));
        return globalThis.fetch(input, init);
      }) as typeof globalThis.fetch,
    });
    handler = (req, body, res) => {
      if (req.url === '/old') {
        res.writeHead(307, { location: '/new' });
        res.end();
      } else json(res, { at: req.url, body });
    };
    expect(await (await fetch(`${base}/old`, { method: 'POST', body: 'x' })).json()).toEqual({ at: '/new', body: 'x' });
    expect(await (await fetch(new Request(`${base}/req`))).json()).toEqual({ at: '/req', body: '' });
    expect(fallbackCalls).toEqual([`${base}/old`, `${base}/req`]);
  });

  it('rejects with the abort reason when aborted before or while waiting, and frees the request', async () => {
    const fetch = createNodeFetch();
    const pre = new AbortController();
    pre.abort();
    await expect(fetch(`${base}/x`, { signal: pre.signal })).rejects.toMatchObject({ name: 'AbortError' });
    handler = () => {}; // never answers
    const controller = new AbortController();
    const pending = fetch(`${base}/hang`, { method: 'POST', body: '{}', signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails like fetch (TypeError "fetch failed" with the cause) on a dropped or refused connection', async () => {
    const fetch = createNodeFetch();
    handler = (req) => req.socket.destroy();
    const dropped = await fetch(`${base}/drop`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(TypeError);
    expect((dropped as Error).message).toBe('fetch failed');
    expect((dropped as Error).cause).toBeInstanceOf(Error);
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    await expect(fetch(`${base}/cut`)).rejects.toThrow('fetch failed');
    const refused = await fetch('http://127.0.0.1:9/').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect(((refused as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('gives up on a connection that does not open in connectTimeoutMs, reported as a timeout', async () => {
    // A TCP server that never answers the TLS handshake: the socket connects, the https one never gets ready.
    const silent = createNetServer(() => {});
    const held = new Set<Socket>();
    silent.on('connection', (socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`;
    try {
      const fetch = createNodeFetch({ connectTimeoutMs: 100 });
      const failure = await fetch(`${url}/x`).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(TypeError);
      expect(((failure as Error).cause as NodeJS.ErrnoException).code).toBe('UND_ERR_CONNECT_TIMEOUT');
      const model = openaiCompatible({ baseURL: url, model: 'm', fetch });
      const error = await model.generate({ messages: [{ role: 'user', content: 'q' }] }, {}).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('passes error statuses and Retry-After through, and gives 204 a null body', async () => {
    const fetch = createNodeFetch();
    handler = (req, _body, res) => {
      if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
      } else json(res, { error: { message: 'slow down' } }, 429, { 'retry-after': '3' });
    };
    const limited = await fetch(`${base}/limited`);
    expect([limited.status, limited.ok, limited.headers.get('retry-after')]).toEqual([429, false, '3']);
    expect(await limited.text()).toBe('{"error":{"message":"slow down"}}');
    const empty = await fetch(`${base}/empty`);
    expect([empty.status, empty.body, await empty.text()]).toEqual([204, null, '']);
  });

  it('is what openaiCompatible uses on Node (no undici-only headers reach the server)', async () => {
    handler = (_req, body, res) => json(res, completion(`got ${JSON.parse(body).messages[0].content}`));
    const model = openaiCompatible({ baseURL: `${base}/v1`, model: 'm', apiKey: 'sk-test-1234567890' });
    const before = connections;
    for (const q of ['一', '二']) {
      expect((await model.generate({ messages: [{ role: 'user', content: q }] }, {})).text).toBe(`got ${q}`);
    }
    expect(connections - before).toBe(1);
    expect(seen.at(-1)!.headers['sec-fetch-mode']).toBeUndefined(); // undici's fetch always sends it
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer sk-test-1234567890');
  });
});

describe('createNodeFetch().postText (the lean POST of model adapters)', () => {
  it('returns status, lower-case headers and the decoded text on one keep-alive connection', async () => {
    const fetch = createNodeFetch();
    handler = (req, body, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'Retry-After': '3' });
      res.end(gzipSync(JSON.stringify({ body, type: req.headers['content-type'] })));
    };
    const before = connections;
    for (let i = 0; i < 2; i++) {
      const r = await fetch.postText(`${base}/v1/chat/completions`, { 'Content-Type': 'application/json' }, '{"q":"问"}');
      expect(r.status).toBe(429);
      expect(r.headers['retry-after']).toBe('3');
      expect(JSON.parse(r.text)).toEqual({ body: '{"q":"问"}', type: 'application/json' });
    }
    expect(connections - before).toBe(1);
  });

  it('follows a redirect through the fetch (and its fallback)', async () => {
    const fetch = createNodeFetch();
    handler = (req, body, res) => {
      if (req.url === '/old') {
        res.writeHead(307, { location: '/new' });
        res.end();
      } else json(res, { at: req.url, body });
    };
    const r = await fetch.postText(`${base}/old`, {}, 'x');
    expect(JSON.parse(r.text)).toEqual({ at: '/new', body: 'x' });
  });
});

describe('BufferedResponse', () => {
  const make = (text = '{"a":"甲"}') => new BufferedResponse(new TextEncoder().encode(text), { status: 200, headers: [['content-type', 'application/json']] }, 'http://h/x');

  it('reads once, like any Response', async () => {
    const r = make();
    expect(r).toBeInstanceOf(Response);
    expect([r.url, r.status, r.bodyUsed]).toEqual(['http://h/x', 200, false]);
    expect(await r.json()).toEqual({ a: '甲' });
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
    expect(new TextDecoder().decode(await make().arrayBuffer())).toBe('{"a":"甲"}');
    expect(await (await make().blob()).text()).toBe('{"a":"甲"}');
    expect((await make().blob()).type).toBe('application/json');
    expect(new TextDecoder().decode(await make().bytes())).toBe('{"a":"甲"}');
    await expect(make('not json').json()).rejects.toThrow(SyntaxError);
  });

  it('strips a BOM and replaces invalid UTF-8, as fetch does', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]);
    const expected = await new Response(bytes).text();
    expect(await new BufferedResponse(bytes, { status: 200 }).text()).toBe(expected);
  });

  it('builds a stream only when body is asked for; reads then go through it', async () => {
    const r = make();
    const reader = r.body!.getReader();
    const chunk = await reader.read();
    expect(new TextDecoder().decode(chunk.value)).toBe('{"a":"甲"}');
    expect(r.bodyUsed).toBe(true);
    reader.releaseLock();
    await expect(r.text()).rejects.toThrow(TypeError);
    const untouched = make();
    expect(untouched.body).toBeInstanceOf(ReadableStream);
    expect(await untouched.json()).toEqual({ a: '甲' });
  });

  it('clones into an independent response', async () => {
    const r = make();
    const copy = r.clone();
    expect(await copy.json()).toEqual({ a: '甲' });
    expect(await r.text()).toBe('{"a":"甲"}');
    expect(copy.headers.get('content-type')).toBe('application/json');
    const streamed = make();
    void streamed.body;
    const streamedCopy = streamed.clone();
    expect(await streamedCopy.text()).toBe('{"a":"甲"}');
    expect(await streamed.text()).toBe('{"a":"甲"}');
  });
});

describe('response bodies are capped', () => {
  it('an endless body stops at the cap with ResponseTooLargeError (the reader never holds more)', async () => {
    let written = 0;
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => undefined);
      pump();
    };
    const fetch = createNodeFetch({ maxBodyBytes: 1024 * 1024 });
    const error = await fetch(`${base}/endless`, { method: 'POST', body: '{}' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as Error).message).toBe('the response body is larger than 1048576 bytes (as received); refusing to read it');
    expect(written).toBeLessThan(64 * 1024 * 1024); // the server was cut off, not read to some other end
  });

  it('a gzip bomb stops at the cap after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024)); // 32 MiB of zeros in about 32 KB
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    };
    const fetch = createNodeFetch({ maxBodyBytes: 1024 * 1024 });
    const error = await fetch(`${base}/bomb`, { method: 'POST', body: '{}' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(((error as Error).cause as Error).message).toContain('(after decompression)');
  });

  it('through the openai adapter it is a non-retryable malformed response', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content: 'x'.repeat(4096) } }] }));
    };
    const model = openaiCompatible({ baseURL: `${base}/v1`, model: 'm', fetch: createNodeFetch({ maxBodyBytes: 1024 }) });
    const error = await model.generate({ messages: [{ role: 'user', content: 'hi' }] }, {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
    expect((error as Error).message).toContain('larger than 1024 bytes');
  });
});
