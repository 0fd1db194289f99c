// A `fetch` for Node built on node:http(s) with one keep-alive agent per model, handed to the `openai`
// client. Node's global fetch (undici) costs 2-3× the CPU per request of node:http for small JSON calls
// (WHATWG streams for the request and response bodies, a cloned request per call); at concurrency 64
// against a fast server that CPU, not the network, set the wall time (see docs/engine.md, benchmark).
// Only the simple case takes this path: a URL and a string / bytes body. Anything else (a Request object,
// a streamed body, a redirect answer, an env proxy) goes to the global fetch, which handles it in full.
// Loaded with a dynamic import() on Node only: the main entry of @medeval/core imports no Node built-in.
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * node:http as its CommonJS exports, not `import http from 'node:http'`: an ES import builds the module's namespace
 * from every export, and since Node 22 node:http exports WebSocket, CloseEvent and MessageEvent, whose getters load
 * Node's fetch implementation (undici, 25–40 ms) — which the requests made here never use (see BufferedResponse).
 */
const http = process.getBuiltinModule('node:http');

/**
 * The module of BufferedResponse, loaded on the first `fetch`-style call: defining a subclass of `Response` makes Node
 * load its own fetch implementation (25–40 ms, measured on Node 20), which `postText` (a model's requests) never needs,
 * and every request of a run's first round would wait for it.
 */
let bufferedResponseModule: Promise<typeof import('./buffered-response.js')> | undefined;
const loadBufferedResponse = () => (bufferedResponseModule ??= import('./buffered-response.js'));

/** Responses whose status means "follow the Location header": handed to the global fetch to follow. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses for which a Response must have a null body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export interface NodeFetchOptions {
  /** Sockets kept open per origin while idle (default 1024, far above any useful concurrency). */
  maxFreeSockets?: number;
  /** Time allowed to open a connection, TLS included (default 10 s, as undici's fetch). */
  connectTimeoutMs?: number;
  /** Where everything outside the simple case goes (default: the global fetch). */
  fallback?: typeof fetch;
  /**
   * The largest response body accepted, received and after decompression (default 64 MiB: a chat answer is
   * a few KB). An endless body or a gzip bomb stops at this size with a `ResponseTooLargeError`.
   */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A response body over the cap: no retry fixes a server that sends this (classified non-retryable). */
export class ResponseTooLargeError extends Error {
  readonly code = 'MEDEVAL_RESPONSE_TOO_LARGE';
  constructor(limit: number, what: string) {
    super(`the response body is larger than ${limit} bytes (${what}); refusing to read it`);
    this.name = 'ResponseTooLargeError';
  }
}

/** A response read whole, before it becomes a `Response` (or, for `postText`, a string). */
interface RawResponse {
  status: number;
  statusText: string;
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

/**
 * A text POST on the keep-alive pool without `Response`/`Headers` objects (what a model adapter needs per
 * request: status, headers, body text). Redirects and URLs the fast path does not take go through the fetch.
 */
export type PostText = (
  url: string,
  headers: Record<string, string>,
  body: string,
  signal?: AbortSignal,
) => Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>;

/** The fetch of `createNodeFetch`, which also has the lean `postText`. */
export type NodeFetch = typeof fetch & { postText: PostText };

/** A fetch with its own keep-alive agents (one for http:, one for https:). */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const agentOptions = { keepAlive: true, maxFreeSockets: options.maxFreeSockets ?? 1024, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const fallback = options.fallback ?? ((input, init) => globalThis.fetch(input, init)); // looked up per call: stubs stay effective

  let last: { href: string; url: URL } | undefined;
  /** The URL object of `href` (a model posts to one URL: parsed once), or undefined when the fast path cannot take it. */
  const fastUrl = (input: string | URL): URL | Error | undefined => {
    let url: URL;
    if (typeof input === 'string' && input === last?.href) url = last.url;
    else {
      try {
        url = typeof input === 'string' ? new URL(input) : input;
      } catch (error) {
        return new TypeError(`Invalid URL: ${String(input)}`, { cause: error });
      }
      if (typeof input === 'string') last = { href: input, url };
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
    return url;
  };

  /** One request on the pool; 'redirect' when the answer says to follow a Location (the caller hands it on). */
  const send = (url: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | null | undefined, signal: AbortSignal | undefined): Promise<RawResponse | 'redirect'> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<RawResponse | 'redirect'>((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, response?: RawResponse | 'redirect') => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (response) resolve(response);
        else reject(error);
      };
      // Like undici: every network failure is a TypeError('fetch failed') with the cause attached.
      const fail = (cause: unknown) => finish(new TypeError('fetch failed', { cause }));
      const onAbort = () => {
        finish(abortReason(signal!));
        request.destroy();
      };
      if (body != null) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      headers['accept-encoding'] ??= 'gzip, deflate, br';

      const request = (url.protocol === 'https:' ? https : http).request(
        {
          agent: agents[url.protocol as 'http:' | 'https:'],
          method,
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port,
          path: `${url.pathname}${url.search}`,
          headers,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (REDIRECTS.has(status) && res.headers.location) {
            res.resume();
            finish(undefined, 'redirect');
            return;
          }
          const chunks: Buffer[] = [];
          let received = 0;
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > maxBodyBytes) {
              fail(new ResponseTooLargeError(maxBodyBytes, 'as received'));
              request.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on('error', fail);
          res.on('close', () => {
            if (!res.complete) fail(new Error('the server closed the connection mid-response'));
          });
          res.on('end', () => {
            if (settled) return;
            try {
              const bytes = decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), res.headers['content-encoding'], maxBodyBytes);
              finish(undefined, { status, statusText: res.statusMessage ?? '', rawHeaders: res.rawHeaders, headers: res.headers, bytes });
            } catch (error) {
              fail(error);
            }
          });
        },
      );
      request.on('error', fail);
      // A new connection (not a reused keep-alive one) gets a connect timeout, worded like undici's so the
      // openai client reports it as a connection timeout.
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const ready = url.protocol === 'https:' ? 'secureConnect' : 'connect';
        const timer = setTimeout(() => {
          const error = new Error(`Connect Timeout Error (attempted address: ${url.host}, timeout: ${connectTimeoutMs}ms)`);
          request.destroy(Object.assign(error, { code: 'UND_ERR_CONNECT_TIMEOUT' }));
        }, connectTimeoutMs);
        const clear = () => clearTimeout(timer);
        socket.once(ready, clear);
        socket.once('close', clear);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      request.end(body ?? undefined);
    });
  };

  const nodeFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    const simpleBody = body == null || typeof body === 'string' || body instanceof Uint8Array;
    if (!(typeof input === 'string' || input instanceof URL) || !simpleBody || (init.redirect !== undefined && init.redirect !== 'follow')) {
      return fallback(input, init);
    }
    const url = fastUrl(input);
    if (url instanceof Error) return Promise.reject(url);
    if (url === undefined) return fallback(input, init);
    const headers: Record<string, string> = {};
    if (init.headers) (init.headers instanceof Headers ? init.headers : new Headers(init.headers)).forEach((value, name) => (headers[name] = value));
    return send(url, (init.method ?? 'GET').toUpperCase(), headers, body, init.signal ?? undefined).then(async (raw) => {
      if (raw === 'redirect') return fallback(input, init);
      const { BufferedResponse } = await loadBufferedResponse();
      const responseHeaders: Array<[string, string]> = [];
      for (let i = 0; i < raw.rawHeaders.length; i += 2) responseHeaders.push([raw.rawHeaders[i]!, raw.rawHeaders[i + 1]!]);
      const responseInit = { status: raw.status, statusText: raw.statusText, headers: responseHeaders };
      return new BufferedResponse(NULL_BODY.has(raw.status) ? null : raw.bytes, responseInit, url.href);
    });
  };

  const postText: PostText = async (input, headers, body, signal) => {
    const url = fastUrl(input);
    const viaFetch = async () => {
      const response = await nodeFetch(input, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      return { status: response.status, headers: responseHeaders, text: await response.text() };
    };
    if (!(url instanceof URL)) return viaFetch();
    // Header names in lower case, as node:http gives them back and as the caller's lookups expect.
    const lower: Record<string, string> = {};
    for (const name in headers) lower[name.toLowerCase()] = headers[name]!;
    const raw = await send(url, 'POST', lower, body, signal);
    if (raw === 'redirect') return viaFetch();
    return { status: raw.status, headers: raw.headers, text: decoder.decode(raw.bytes) };
  };

  return Object.assign(nodeFetch as typeof fetch, { postText });
}

const decoder = new TextDecoder(); // UTF-8, BOM stripped, invalid bytes replaced: what fetch's text() does

/** Undoes the content-encoding a server applied (we ask for gzip, deflate or br, as fetch does). */
function decode(bytes: Buffer, encoding: string | undefined, maxBodyBytes: number): Buffer {
  if (!encoding || bytes.length === 0) return bytes;
  let out = bytes;
  // zlib stops at maxOutputLength (ERR_BUFFER_TOO_LARGE) instead of inflating a bomb into memory.
  const limit = { maxOutputLength: maxBodyBytes };
  try {
    // Codings are listed in the order they were applied; undo them last first.
    for (const coding of encoding.toLowerCase().split(',').map((c) => c.trim()).reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out, limit);
      // "deflate" should be zlib-wrapped (first byte 0x78) but some servers send raw deflate; fetch takes both.
      else if (coding === 'deflate') out = (out[0]! & 0x0f) === 0x08 ? inflateSync(out, limit) : inflateRawSync(out, limit);
      else if (coding === 'br') out = brotliDecompressSync(out, limit);
      else if (coding !== 'identity' && coding !== '') throw new Error(`unsupported content-encoding "${coding}"`);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ResponseTooLargeError(maxBodyBytes, 'after decompression');
    throw error;
  }
  return out;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
