// What went wrong with a model call, and whether asking again can help.
import { denoPermissionFlag } from '../models/permissions.js';

export type ErrorKind =
  | 'http' // the server answered with an error status
  | 'network' // connection refused, reset, dropped
  | 'timeout' // our per-request timeout fired
  | 'malformed' // the body was not the JSON we expected
  | 'aborted' // the caller's AbortSignal fired
  | 'permission' // the runtime refused access (Deno without --allow-net / --allow-env)
  | 'other';

export interface ModelErrorDetails {
  kind: ErrorKind;
  retryable: boolean;
  status?: number;
  /** Server-requested wait (Retry-After / retry-after-ms), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** An error from a model adapter, already classified. Its message never contains a secret. */
export class ModelError extends Error {
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, details: ModelErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ModelError';
    this.kind = details.kind;
    this.retryable = details.retryable;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** A Deno permission refusal: no retry helps; the message names the flag to add. */
export function permissionError(error: unknown, flag: string): ModelError {
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError(`${message} — Deno needs a permission: run with ${flag}`, { kind: 'permission', retryable: false, cause: error });
}

/** HTTP statuses worth another try: timeouts, conflicts/too-early, rate limits, and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/** Statuses (and kinds) that mean "the server is overloaded": the adaptive limiter backs off on these. */
export function isPushback(error: ModelError): boolean {
  if (error.kind === 'timeout') return true;
  return error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504;
}

const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH',
  'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * Classifies anything a model threw. Adapters should throw `ModelError`; for plain errors (from
 * `fromFunction` models or raw fetch) we look at `status`, network error codes and JSON parse errors.
 */
export function classifyError(error: unknown): ModelError {
  if (error instanceof ModelError) return error;
  if (isAbortError(error)) return new ModelError('aborted', { kind: 'aborted', retryable: false, cause: error });
  const flag = denoPermissionFlag(error);
  if (flag) return permissionError(error, flag);
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    return new ModelError(message, { kind: 'http', status, retryable: isRetryableStatus(status), cause: error });
  }
  if (error instanceof SyntaxError) return new ModelError(`malformed response: ${message}`, { kind: 'malformed', retryable: true, cause: error });
  if (networkCode(error) !== undefined || (error instanceof TypeError && /fetch failed|network|socket/i.test(message))) {
    // A host name that does not resolve will not resolve on the next try either.
    return new ModelError(message, { kind: 'network', retryable: networkCode(error) !== 'ENOTFOUND', cause: error });
  }
  return new ModelError(message, { kind: 'other', retryable: false, cause: error });
}

/** The first Node/undici network error code found on the error or its causes. */
export function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as ModelError).kind === 'aborted');
}

/** A DOMException-like AbortError, as fetch throws. */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error(typeof reason === 'string' ? reason : 'The operation was aborted');
  error.name = 'AbortError';
  return error;
}
