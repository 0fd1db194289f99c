// How long to wait before the next attempt.

export interface BackoffOptions {
  /** Delay scale for the first retry (ms). Default 500. */
  baseMs: number;
  /** Upper bound of the exponential part (ms). Default 30,000. */
  maxMs: number;
  /** Upper bound on an honoured Retry-After (ms), so a bogus header cannot stall a run. Default 120,000. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, maxRetryAfterMs: 120_000 };

/**
 * "Equal jitter": half of the exponential step is fixed, half random, so retries spread out but
 * never collapse to zero. `attempt` is the number of the attempt that just failed (1-based).
 * A server's Retry-After is a floor: we never ask again earlier than it said.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  if (retryAfterMs === undefined) return jittered;
  const floor = Math.min(Math.max(0, retryAfterMs), options.maxRetryAfterMs);
  // A little jitter on top of the server's floor so that many waiting requests do not return at once.
  return floor + random() * Math.min(step / 4, 1000);
}

/**
 * Parses `retry-after-ms` (OpenAI's) or `Retry-After` (seconds or an HTTP date) into milliseconds.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | Record<string, string | undefined> | undefined | null,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const get = (name: string): string | null | undefined =>
    typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get(name: string): string | null }).get(name)
      : (headers as Record<string, string | undefined>)[name];
  const ms = get('retry-after-ms');
  if (ms != null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = get('retry-after');
  if (value == null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
