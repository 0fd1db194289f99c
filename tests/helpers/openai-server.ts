// A loopback OpenAI-compatible chat server for tests: 127.0.0.1, port 0, started and stopped by the test.
//
//   const server = await startOpenAIServer({ latencyMs: 5, faults: ['429', '500'], respond: (messages) => 'A' });
//   server.url        // "http://127.0.0.1:PORT/v1"  (pass as baseURL)
//   server.requests   // every request received, in arrival order
//   await server.close();
//
// Faults: `faults` is an array (faults[n] applies to the n-th request, 0-based; undefined = answer
// normally) or a function (request) => Fault | undefined. A Fault is
//   '429'        status 429 with Retry-After (seconds, `retryAfter` option, default "0")
//   '500' | '503' | '400' | '401'   that status with an OpenAI-style error body
//   'drop'       the socket is destroyed without any response
//   'malformed'  status 200 with a body that is not JSON
//   'hang'       never answers (until the client aborts or the server closes)
//   { status, retryAfter?, body? }  anything else
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | '429'
  | '500'
  | '503'
  | '400'
  | '401'
  | 'drop'
  | 'malformed'
  | 'hang'
  | { status: number; retryAfter?: string; body?: string };

export interface ChatMessageIn {
  role: string;
  content: string;
}

export interface ReceivedRequest {
  /** 0-based arrival number. */
  n: number;
  path: string;
  body: Record<string, unknown> & { messages?: ChatMessageIn[]; model?: string };
  messages: ChatMessageIn[];
  headers: Record<string, string | string[] | undefined>;
  fault: Fault | undefined;
  /** Arrival time (Date.now()). */
  at: number;
  /** Requests being handled when this one arrived, itself included (the client's concurrency). */
  inFlight: number;
  /** Set when the server sent a normal answer. */
  answered: boolean;
}

export interface OpenAIServerOptions {
  /** Delay before each answer (ms), or a function of the request. Default 0. */
  latencyMs?: number | ((request: ReceivedRequest) => number);
  faults?: Array<Fault | undefined> | ((request: ReceivedRequest) => Fault | undefined);
  /**
   * The assistant's text for a request (default "A"), or a message with a reasoning model's fields:
   * `{ content, reasoning_content?, reasoning?, finish_reason? }` (content null allowed).
   */
  respond?: (messages: ChatMessageIn[], request: ReceivedRequest) => string | Reply | Promise<string | Reply>;
  /** Retry-After (seconds) sent with '429'. Default "0". */
  retryAfter?: string;
  /** Called on arrival (before latency and faults). */
  onRequest?: (request: ReceivedRequest) => void;
}

/** An answer with the fields reasoning servers add (DeepSeek/vLLM `reasoning_content`, OpenRouter `reasoning`). */
export interface Reply {
  content: string | null;
  reasoning_content?: string;
  reasoning?: string;
  /** Default "stop". */
  finish_reason?: string;
  /** The response's `usage` (default 1 prompt + 1 completion token); null sends none. */
  usage?: Record<string, unknown> | null;
}

export interface OpenAIServer {
  url: string;
  requests: ReceivedRequest[];
  /** Requests per value of `keyOf(request)` (default: the last message's content). */
  countBy(keyOf?: (request: ReceivedRequest) => string): Map<string, number>;
  close(): Promise<void>;
}

export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let active = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request stops counting as in flight when its answer is written (not when the socket event
    // arrives later): a keep-alive client may already have sent its next request by then.
    active++;
    let counted = true;
    const answered = () => {
      if (counted) {
        counted = false;
        active--;
      }
    };
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      answered();
      return end(...args);
    }) as typeof res.end;
    res.on('close', answered);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: ReceivedRequest['body'] = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'bad json' } }));
      return;
    }
    const request: ReceivedRequest = {
      n: requests.length,
      path: req.url ?? '',
      body,
      messages: Array.isArray(body.messages) ? body.messages : [],
      headers: req.headers,
      fault: undefined,
      at: Date.now(),
      inFlight: active,
      answered: false,
    };
    requests.push(request);
    request.fault = typeof options.faults === 'function' ? options.faults(request) : options.faults?.[request.n];
    options.onRequest?.(request);
    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(request) : (options.latencyMs ?? 0);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (!req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
      return;
    }
    const fault = request.fault;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "x", "choices": [ {"mess');
      return;
    }
    if (fault !== undefined) {
      const f = typeof fault === 'string' ? { status: Number(fault) } : fault;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (f.status === 429) headers['retry-after'] = ('retryAfter' in f && f.retryAfter) || options.retryAfter || '0';
      res.writeHead(f.status, headers).end(('body' in f && f.body) || JSON.stringify({ error: { message: `injected ${f.status}`, type: 'test' } }));
      return;
    }
    const answer = options.respond ? await options.respond(request.messages, request) : 'A';
    const { finish_reason: finishReason = 'stop', usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }, ...message } =
      typeof answer === 'string' ? { content: answer } : answer;
    request.answered = true;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${request.n}`,
        object: 'chat.completion',
        created: 0,
        model: body.model ?? 'test',
        choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
        ...(usage === null ? {} : { usage }),
      }),
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    countBy(keyOf = (r) => r.messages.at(-1)?.content ?? '') {
      const counts = new Map<string, number>();
      for (const r of requests) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
      return counts;
    },
    async close() {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
