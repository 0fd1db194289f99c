// A loopback OpenAI-compatible Batch API for tests (127.0.0.1, port 0, started and stopped by the test):
// POST /v1/files (multipart upload), GET /v1/files/{id}/content, POST /v1/batches, GET /v1/batches/{id}, and
// POST /v1/chat/completions for what a run asks directly. A batch is `validating`, then `in_progress` for
// `pollsBeforeDone` polls, then `completed` — or `expired` with only the first half of its answers. The
// request at index `failIndex` of a batch gets an error line in the error file.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BatchServerOptions {
  pollsBeforeDone?: number;
  expire?: boolean;
  failIndex?: number;
  answer?: (body: { messages: Array<{ content: string }> }) => string;
}

export interface BatchServer {
  url: string;
  /** Every request, as `METHOD path`. */
  log: string[];
  batchesCreated: () => number;
  chatRequests: () => number;
  /** Called on each GET /v1/batches/{id} (e.g. to kill the client mid-poll). */
  onPoll?: () => void;
  close(): Promise<void>;
}

export async function startBatchServer(options: BatchServerOptions = {}): Promise<BatchServer> {
  const files = new Map<string, string>();
  const batches = new Map<string, { id: string; input: string; polls: number; status: string; output?: string; errors?: string; total: number }>();
  const log: string[] = [];
  let chat = 0;
  const answer = options.answer ?? (() => '答案：A');
  const completion = (body: { model: string; messages: Array<{ content: string }> }, k: number) => ({
    id: `cmpl-${k}`,
    object: 'chat.completion',
    created: 0,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: answer(body) }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
  });
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
  const json = (res: ServerResponse, status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  const finish = (batch: { input: string; total: number; output?: string; errors?: string }, upTo: number) => {
    const out: string[] = [];
    const err: string[] = [];
    batch.input.trim().split('\n').forEach((line, k) => {
      if (k >= upTo) return;
      const request = JSON.parse(line) as { custom_id: string; body: { model: string; messages: Array<{ content: string }> } };
      if (k === options.failIndex) err.push(JSON.stringify({ id: `b-${k}`, custom_id: request.custom_id, response: { status_code: 400, body: { error: { message: 'bad request' } } }, error: null }));
      else out.push(JSON.stringify({ id: `b-${k}`, custom_id: request.custom_id, response: { status_code: 200, request_id: `r-${k}`, body: completion(request.body, k) }, error: null }));
    });
    batch.output = out.join('\n');
    batch.errors = err.join('\n');
  };
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    log.push(`${req.method} ${path}`);
    const body = await read(req);
    if (req.method === 'POST' && path === '/v1/files') {
      // multipart/form-data: the part with a filename holds the JSONL.
      const text = body.toString('utf8');
      const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')![1]!.replace(/"/g, '');
      const part = text.split(`--${boundary}`).find((p) => /filename=/.test(p))!;
      const content = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
      const id = `file-${files.size + 1}`;
      files.set(id, content);
      return json(res, 200, { id, object: 'file', bytes: content.length, purpose: 'batch', filename: 'requests.jsonl' });
    }
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (req.method === 'GET' && content) {
      const text = files.get(content[1]!);
      return text === undefined ? json(res, 404, { error: { message: 'no such file' } }) : res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(text);
    }
    if (req.method === 'POST' && path === '/v1/batches') {
      const { input_file_id: input } = JSON.parse(body.toString('utf8')) as { input_file_id: string };
      const id = `batch_${batches.size + 1}`;
      const batch = { id, input: files.get(input)!, polls: 0, status: 'validating', total: files.get(input)!.trim().split('\n').length };
      batches.set(id, batch);
      return json(res, 200, { id, object: 'batch', status: batch.status, request_counts: { total: batch.total, completed: 0, failed: 0 } });
    }
    const poll = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && poll) {
      handle.onPoll?.();
      const batch = batches.get(poll[1]!)!;
      batch.polls++;
      let done = 0;
      if (batch.status !== 'completed' && batch.status !== 'expired') {
        if (batch.polls > (options.pollsBeforeDone ?? 1)) {
          const upTo = options.expire ? Math.floor(batch.total / 2) : batch.total;
          finish(batch, upTo);
          batch.status = options.expire ? 'expired' : 'completed';
          const outId = `file-out-${batch.id}`;
          const errId = `file-err-${batch.id}`;
          files.set(outId, batch.output!);
          files.set(errId, batch.errors!);
        } else batch.status = 'in_progress';
      }
      if (batch.status === 'completed' || batch.status === 'expired') done = batch.output!.split('\n').filter(Boolean).length;
      const failed = batch.errors ? batch.errors.split('\n').filter(Boolean).length : 0;
      return json(res, 200, {
        id: batch.id,
        object: 'batch',
        status: batch.status,
        request_counts: { total: batch.total, completed: done, failed },
        ...(batch.output !== undefined ? { output_file_id: `file-out-${batch.id}`, error_file_id: `file-err-${batch.id}` } : {}),
      });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      chat++;
      return json(res, 200, completion(JSON.parse(body.toString('utf8')), 1000 + chat));
    }
    return json(res, 404, { error: { message: `no route ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle: BatchServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    log,
    batchesCreated: () => log.filter((l) => l === 'POST /v1/batches').length,
    chatRequests: () => chat,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return handle;
}
