// Any OpenAI-compatible chat server (OpenAI, vLLM, Ollama, llama.cpp server, LM Studio, DeepSeek, Qwen).
// On Node each request is one POST on the model's own keep-alive pool (node:http), without the openai
// client, whose per-request CPU set the wall time at high concurrency; in Deno, browsers and with a custom
// fetch the official `openai` package sends it (and it makes batch files everywhere). Its own retries are
// off (maxRetries: 0): our scheduler owns retries, backoff and concurrency. Imported on first use.
import { platform } from '#platform';
import type { Model, ModelRequest, ModelResponse, ResponseUsage } from '../types.js';
import { parseRetryAfter } from '../scheduler/backoff.js';
import { isRetryableStatus, ModelError, permissionError } from '../scheduler/errors.js';
import { denoPermissionFlag } from './permissions.js';
import { canonicalJson } from '../cache/hash.js';
import { publicUrl, redact } from './redact.js';
import type { NodeFetch } from './node-fetch.js';

export interface OpenAICompatibleOptions {
  /** e.g. "http://localhost:8000/v1". */
  baseURL: string;
  model: string;
  /** Never stored: not in `id`, `describe()`, results or error messages. Local servers need none. */
  apiKey?: string;
  /** Defaults for requests; a task's request values win (protocols fix them for reproducibility). */
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  seed?: number;
  stop?: string[];
  /** Extra JSON body fields for server-specific options (e.g. vLLM's `top_k`). Part of the model id. */
  extraBody?: Record<string, unknown>;
  /** Extra HTTP headers (not part of the id; may hold secrets). */
  headers?: Record<string, string>;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Allow use in a browser page (exposes the key to the page). */
  dangerouslyAllowBrowser?: boolean;
}

type OpenAIModule = typeof import('openai');
type OpenAIClient = InstanceType<OpenAIModule['default']>;

/**
 * A model behind any OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama, SGLang, LM Studio…),
 * on a keep-alive connection pool; retries and concurrency are the run's.
 *
 * @example
 * const model = openaiCompatible({ baseURL: 'http://127.0.0.1:8000/v1', model: 'Qwen2.5-7B-Instruct', temperature: 0 });
 * const result = await evaluate({ task, model, concurrency: 32 });
 */
export function openaiCompatible(options: OpenAICompatibleOptions): Model {
  const { baseURL, model, apiKey } = options;
  if (!baseURL || !model) throw new Error('openaiCompatible: both baseURL and model are required');
  const defaults = {
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    topP: options.topP,
    seed: options.seed,
    stop: options.stop,
    extraBody: options.extraBody,
  };
  const defaultsText = canonicalJson(defaults);
  const id = `openai-compatible:${publicUrl(baseURL)}#${model}${defaultsText === '{}' ? '' : defaultsText}`;
  let client: Promise<{ mod: OpenAIModule; client: OpenAIClient }> | undefined;
  // On Node, one keep-alive connection pool (node:http) per model; elsewhere none. Its module starts loading now, while
  // the run sets up, rather than under the first round of requests (a failure surfaces at the first request).
  let pool: Promise<typeof fetch | undefined> | undefined;
  const defaultFetch = () => (pool ??= platform.defaultFetch());
  if (!options.fetch && !options.dangerouslyAllowBrowser) defaultFetch().catch(() => undefined);

  // One client per model, made on first use.
  const getClient = () =>
    (client ??= Promise.all([import('openai'), options.fetch ?? defaultFetch()]).then(([mod, fetch]) => ({
      mod,
      client: withEnvPermission(() => new mod.default({
        baseURL,
        apiKey: apiKey ?? 'no-key', // local servers ignore it; the SDK insists on one
        maxRetries: 0,
        timeout: 24 * 3600_000, // our scheduler's per-request timeout aborts via the signal
        ...(options.headers ? { defaultHeaders: options.headers } : {}),
        ...(fetch ? { fetch } : {}),
        ...(options.dangerouslyAllowBrowser ? { dangerouslyAllowBrowser: true } : {}),
      })),
    })));

  const completionsUrl = `${baseURL.replace(/\/+$/, '')}/chat/completions`;
  // What the openai client sends, less its telemetry headers: the key, the organization, project and custom
  // headers it reads from its environment variables, then the caller's headers, which win.
  // Made on the first direct request only: Node reads the environment freely, Deno would need --allow-env.
  let directHeaders: Record<string, string> | undefined;
  const headersForDirect = () =>
    (directHeaders ??= {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${apiKey ?? 'no-key'}`,
      ...clientEnvHeaders(),
      ...lowerCaseKeys(options.headers ?? {}),
    });

  // The chat completion body of a request: what generate() sends, and what a batch file holds.
  const bodyOf = (request: ModelRequest) => ({
    model,
    messages: request.messages,
    ...numberField('temperature', request.temperature ?? defaults.temperature),
    ...numberField('max_tokens', request.maxTokens ?? defaults.maxTokens),
    ...numberField('top_p', request.topP ?? defaults.topP),
    ...numberField('seed', request.seed ?? defaults.seed),
    ...((request.stop ?? defaults.stop) ? { stop: request.stop ?? defaults.stop } : {}),
    ...defaults.extraBody,
    stream: false as const,
  });

  return {
    id,
    describe: () => ({ id, adapter: 'openai-compatible', baseURL: publicUrl(baseURL), model, ...JSON.parse(defaultsText) }),
    requestBody: (request: ModelRequest) => bodyOf(request),
    openaiClient: async () => (await getClient()).client,
    async generate(request: ModelRequest, context): Promise<ModelResponse> {
      const body = bodyOf(request);
      // Node's own pool and no custom fetch: one POST without the client (see postChatCompletion).
      const direct = options.fetch || options.dangerouslyAllowBrowser ? undefined : await defaultFetch();
      if (direct) return responseFromCompletion(await postChatCompletion(direct, completionsUrl, headersForDirect(), body, context.signal, apiKey));
      const { mod, client } = await getClient();
      let completion: Awaited<ReturnType<OpenAIClient['chat']['completions']['create']>>;
      try {
        completion = await client.chat.completions.create(body as Parameters<OpenAIClient['chat']['completions']['create']>[0] & { stream: false }, {
          ...(context.signal ? { signal: context.signal } : {}),
        }) as typeof completion;
      } catch (error) {
        throw toModelError(error, mod, apiKey);
      }
      return responseFromCompletion(completion);
    },
  };
}

/**
 * A chat completion (the JSON body an OpenAI-compatible server returns, also the `response.body` of a Batch
 * output line) as a ModelResponse; a body without `choices[0].message` is a malformed-response error.
 *
 * @example
 * responseFromCompletion({ choices: [{ message: { content: 'C' }, finish_reason: 'stop' }] }) // → { text: 'C', finishReason: 'stop' }
 */
export function responseFromCompletion(completion: unknown): ModelResponse {
  const choice = (completion as { choices?: Array<{ message?: Record<string, unknown>; finish_reason?: string }> })?.choices?.[0];
  if (!choice || !choice.message || (choice.message.content != null && typeof choice.message.content !== 'string')) {
    throw new ModelError('malformed response: no choices[0].message.content', { kind: 'malformed', retryable: true });
  }
  const usage = responseUsage((completion as { usage?: unknown }).usage);
  const reasoning = serverReasoning(choice.message);
  return {
    text: (choice.message.content as string | null) ?? '',
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...(choice.finish_reason ? { finishReason: choice.finish_reason } : {}),
    ...(usage ? { usage } : {}),
  };
}

/**
 * A chat completion's `usage` (OpenAI's names) as a ModelResponse's, or undefined when absent. Reasoning
 * tokens come from `completion_tokens_details.reasoning_tokens` (OpenAI, vLLM, DeepSeek).
 *
 * @example
 * responseUsage({ prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 }) // → { promptTokens: 12, completionTokens: 30, totalTokens: 42 }
 */
export function responseUsage(usage: unknown): ResponseUsage | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const u = usage as { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown; completion_tokens_details?: { reasoning_tokens?: unknown } | null };
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const out: ResponseUsage = {};
  if (num(u.prompt_tokens) !== undefined) out.promptTokens = num(u.prompt_tokens)!;
  if (num(u.completion_tokens) !== undefined) out.completionTokens = num(u.completion_tokens)!;
  if (num(u.total_tokens) !== undefined) out.totalTokens = num(u.total_tokens)!;
  const reasoning = num(u.completion_tokens_details?.reasoning_tokens);
  if (reasoning !== undefined) out.reasoningTokens = reasoning;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The reasoning a server returns beside the answer: `reasoning_content` (DeepSeek, vLLM's reasoning
 * parsers, llama.cpp) or `reasoning` (OpenRouter, newer vLLM, Ollama's OpenAI endpoint). Kept apart from
 * the text so extraction never reads it; both joined when a server sends both and they differ.
 *
 * @example
 * serverReasoning({ content: 'C', reasoning_content: '先看 A…' }) // → '先看 A…'
 */
export function serverReasoning(message: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const field of ['reasoning_content', 'reasoning']) {
    const value = message[field];
    if (typeof value === 'string' && value.trim() !== '' && !parts.includes(value)) parts.push(value);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

// The `openai` package reads these variables when a client is made (Deno: each needs --allow-env).
const SDK_ENV = ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_ADMIN_KEY', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'OPENAI_WEBHOOK_SECRET', 'OPENAI_LOG', 'OPENAI_CUSTOM_HEADERS'];

/** Deno without --allow-env: the client cannot be made; say every variable it reads, not just the first. */
function withEnvPermission<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    const flag = denoPermissionFlag(error);
    if (flag?.startsWith('--allow-env')) throw permissionError(error, `--allow-env=${SDK_ENV.join(',')}`);
    throw error;
  }
}

function numberField(name: string, value: number | undefined): Record<string, number> {
  return value === undefined ? {} : { [name]: value };
}

/**
 * One chat-completions POST through a fetch (its lean `postText` when it is medeval's Node fetch), without the
 * openai client: the client spends ~0.8 s of CPU per
 * 10,000 requests (header objects, request-detail strings built for debug logs even with logging off, an
 * AbortController per request) on a path that is CPU-bound at high concurrency (docs/engine.md). Errors are
 * classified and worded as the client's are (`HTTP 401: 401 <the server's message>`, `Connection error: …`,
 * `malformed response…`), and the key is scrubbed from every message. Returns the parsed JSON body.
 */
export async function postChatCompletion(
  fetchFn: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal | undefined,
  secret: string | undefined,
): Promise<unknown> {
  let response: { status: number; headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>; text: string };
  try {
    const post = (fetchFn as Partial<NodeFetch>).postText;
    if (post) response = await post(url, headers, JSON.stringify(body), signal);
    else {
      const fetched = await fetchFn(url, { method: 'POST', headers, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
      response = { status: fetched.status, headers: fetched.headers, text: await fetched.text() };
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw connectionError(error, 'Connection error.', secret);
  }
  const text = response.text;
  if (response.status < 200 || response.status > 299) {
    const retryAfterMs = parseRetryAfter(response.headers as Parameters<typeof parseRetryAfter>[0]);
    throw new ModelError(`HTTP ${response.status}: ${redact(statusMessage(response.status, text), secret)}`, {
      kind: 'http',
      status: response.status,
      retryable: isRetryableStatus(response.status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelError(`malformed response: ${redact((error as Error).message, secret)}`, { kind: 'malformed', retryable: true });
  }
}

/**
 * `<status> <message>` from an error body: OpenAI's `{"error": {"message"}}` as the openai client reads it, and
 * also the top-level `message` (vLLM) or `detail` (FastAPI servers) that the client would report as "no body".
 */
function statusMessage(status: number, text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.trim() ? `${status} ${text.trim()}` : `${status} status code (no body)`;
  }
  const record = (parsed ?? {}) as { error?: unknown; message?: unknown; detail?: unknown };
  const error = record.error as { message?: unknown } | string | undefined;
  const inner = typeof error === 'object' && error !== null ? error.message : undefined;
  const message =
    inner !== undefined && inner !== null && inner !== ''
      ? typeof inner === 'string' ? inner : JSON.stringify(inner)
      : error
        ? typeof error === 'string' ? error : JSON.stringify(error)
        : typeof record.message === 'string' ? record.message
          : record.detail !== undefined ? (typeof record.detail === 'string' ? record.detail : JSON.stringify(record.detail))
            : undefined;
  return message ? `${status} ${message}` : `${status} status code (no body)`;
}

/** A request that got no usable response (refused, reset, unresolvable host, endless body), classified. */
function connectionError(error: unknown, message: string, secret?: string): ModelError {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  // The useful part ("connect ECONNREFUSED 127.0.0.1:8000") is the innermost cause.
  let inner: unknown = cause;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  const detail = inner instanceof Error ? redact(`: ${inner.message}`, secret) : '';
  if (cause instanceof SyntaxError) return new ModelError(`malformed response${detail}`, { kind: 'malformed', retryable: true });
  // An endless body or a decompression bomb: the same server will send the same thing again.
  if (/larger than \d+ bytes/.test(detail)) return new ModelError(`malformed response${detail}`, { kind: 'malformed', retryable: false });
  // ENOTFOUND: the host name does not resolve; no retry will change that.
  return new ModelError(`${redact(message, secret).replace(/\.$/, '')}${detail}`, { kind: 'network', retryable: !/ENOTFOUND/.test(detail) });
}

/** The headers the openai client adds from OPENAI_ORG_ID, OPENAI_PROJECT_ID and OPENAI_CUSTOM_HEADERS. */
function clientEnvHeaders(): Record<string, string> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const out: Record<string, string> = {};
  const organization = env.OPENAI_ORG_ID?.trim();
  if (organization) out['openai-organization'] = organization;
  const project = env.OPENAI_PROJECT_ID?.trim();
  if (project) out['openai-project'] = project;
  for (const line of (env.OPENAI_CUSTOM_HEADERS?.trim() ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon >= 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Maps the SDK's errors onto our classification; the key is scrubbed from every message. */
export function toModelError(error: unknown, mod: Pick<OpenAIModule, 'APIError' | 'APIUserAbortError' | 'APIConnectionError' | 'APIConnectionTimeoutError'>, secret?: string): unknown {
  const message = redact(error instanceof Error ? error.message : String(error), secret);
  if (error instanceof mod.APIUserAbortError) {
    const abort = new Error('The operation was aborted');
    abort.name = 'AbortError';
    return abort;
  }
  if (error instanceof mod.APIConnectionTimeoutError) return new ModelError(message, { kind: 'timeout', retryable: true });
  const flag = denoPermissionFlag(error);
  if (flag) return permissionError(error instanceof Error && error.cause instanceof Error ? error.cause : error, flag);
  if (error instanceof mod.APIConnectionError) return connectionError(error, message, secret);
  if (error instanceof mod.APIError && typeof error.status === 'number') {
    const retryAfterMs = parseRetryAfter(error.headers as Headers | undefined);
    return new ModelError(`HTTP ${error.status}: ${message}`, {
      kind: 'http',
      status: error.status,
      retryable: isRetryableStatus(error.status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (error instanceof SyntaxError) return new ModelError(`malformed response: ${message}`, { kind: 'malformed', retryable: true });
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (error instanceof Error && /terminated|socket|ECONNRESET|fetch failed/i.test(error.message)) {
    return new ModelError(message, { kind: 'network', retryable: true });
  }
  return new ModelError(message, { kind: 'other', retryable: false });
}
