import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from './backoff.js';
import { classifyError, ModelError } from './errors.js';
import { AdaptiveLimiter } from './limiter.js';
import { RateLimiter } from './rate-limit.js';
import { RequestFailedError, Scheduler } from './scheduler.js';

const http = (status: number, retryAfterMs?: number) =>
  new ModelError(`HTTP ${status}`, { kind: 'http', status, retryable: status === 429 || status >= 500, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

/** A scheduler whose sleeps are recorded, not waited. */
function recordingScheduler(extra: Partial<ConstructorParameters<typeof Scheduler>[0]> = {}) {
  const sleeps: number[] = [];
  const scheduler = new Scheduler({
    concurrency: 4,
    timeoutMs: 0,
    maxAttempts: 8,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { scheduler, sleeps };
}

describe('backoff', () => {
  it('grows exponentially with jitter within [step/2, step] and is capped', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const step = Math.min(30_000, 500 * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, undefined, DEFAULT_BACKOFF, () => 0)).toBe(step / 2);
      expect(backoffDelay(attempt, undefined, DEFAULT_BACKOFF, () => 0.999999)).toBeCloseTo(step, 0);
    }
  });
  it('never waits less than Retry-After', () => {
    expect(backoffDelay(1, 7000, DEFAULT_BACKOFF, () => 0)).toBe(7000);
    expect(backoffDelay(1, 7000, DEFAULT_BACKOFF, () => 1)).toBeGreaterThanOrEqual(7000);
    expect(backoffDelay(1, 10_000_000, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxRetryAfterMs);
  });
  it('parses Retry-After seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }, now)).toBe(5000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });
});

describe('classifyError', () => {
  it('classifies status codes, network errors, JSON errors', () => {
    expect(classifyError(Object.assign(new Error('x'), { status: 429 })).retryable).toBe(true);
    expect(classifyError(Object.assign(new Error('x'), { status: 503 })).retryable).toBe(true);
    expect(classifyError(Object.assign(new Error('x'), { status: 400 })).retryable).toBe(false);
    expect(classifyError(Object.assign(new Error('x'), { status: 401 })).retryable).toBe(false);
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    expect(classifyError(reset)).toMatchObject({ kind: 'network', retryable: true });
    let syntax: unknown;
    try {
      JSON.parse('{oops');
    } catch (e) {
      syntax = e;
    }
    expect(classifyError(syntax)).toMatchObject({ kind: 'malformed', retryable: true });
    expect(classifyError(new Error('bug'))).toMatchObject({ kind: 'other', retryable: false });
  });
});

describe('Scheduler', () => {
  it('retries 429 honouring Retry-After, then succeeds', async () => {
    const { scheduler, sleeps } = recordingScheduler();
    let calls = 0;
    const out = await scheduler.run(async () => {
      calls++;
      if (calls <= 2) throw http(429, 2000);
      return 'ok';
    });
    expect(out).toEqual({ value: 'ok', attempts: 3 });
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) expect(ms).toBeGreaterThanOrEqual(2000);
    expect(scheduler.stats.retries).toBe(2);
  });

  it('gives up after maxAttempts with the last message and attempt count', async () => {
    const { scheduler, sleeps } = recordingScheduler({ maxAttempts: 8 });
    let calls = 0;
    const failure = await scheduler.run(async () => {
      calls++;
      throw http(500);
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestFailedError);
    expect((failure as RequestFailedError).attempts).toBe(8);
    expect((failure as Error).message).toMatch(/HTTP 500 \(after 8 attempts\)/);
    expect(calls).toBe(8);
    expect(sleeps).toHaveLength(7);
    // exponential: each delay (random fixed at .5) is 1.5x... of its step; strictly increasing until the cap
    for (let i = 1; i < sleeps.length; i++) expect(sleeps[i]!).toBeGreaterThan(sleeps[i - 1]!);
  });

  it('does not retry non-retryable errors', async () => {
    const { scheduler } = recordingScheduler();
    let calls = 0;
    const failure = await scheduler.run(async () => {
      calls++;
      throw http(400);
    }).catch((e: unknown) => e as RequestFailedError);
    expect(calls).toBe(1);
    expect(failure.attempts).toBe(1);
  });

  it('times out a slow attempt and retries it (real tiny timers)', async () => {
    const scheduler = new Scheduler({ concurrency: 1, timeoutMs: 20, maxAttempts: 3, backoff: { baseMs: 1, maxMs: 2 } });
    let calls = 0;
    const out = await scheduler.run(
      (signal) =>
        new Promise<string>((resolve, reject) => {
          calls++;
          if (calls === 1) signal.addEventListener('abort', () => reject(signal.reason));
          else resolve('fast');
        }),
    );
    expect(out).toEqual({ value: 'fast', attempts: 2 });
  });

  it('times out a model that ignores its signal', { timeout: 2000 }, async () => {
    const scheduler = new Scheduler({ concurrency: 1, timeoutMs: 20, maxAttempts: 2, backoff: { baseMs: 1, maxMs: 2 } });
    const failure = (await scheduler.run(() => new Promise(() => {})).catch((e: unknown) => e)) as RequestFailedError;
    expect(failure.attempts).toBe(2);
    expect(failure.message).toMatch(/timed out after 20 ms \(after 2 attempts\)/);
  });

  it("stops at once when the caller aborts", { timeout: 2000 }, async () => {
    const controller = new AbortController();
    const scheduler = new Scheduler({ concurrency: 1, timeoutMs: 0, maxAttempts: 8, signal: controller.signal });
    const pending = scheduler.run(
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('never exceeds the concurrency limit', async () => {
    const scheduler = new Scheduler({ concurrency: 3, timeoutMs: 0, maxAttempts: 1 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        scheduler.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});

describe('AdaptiveLimiter (AIMD)', () => {
  it('halves on pushback once per cooldown and recovers by about one per round', () => {
    let t = 0;
    const limiter = new AdaptiveLimiter(64, 1000, () => t);
    limiter.pushback();
    expect(limiter.limit).toBe(32);
    limiter.pushback(); // same burst: ignored
    expect(limiter.limit).toBe(32);
    t = 2000;
    limiter.pushback();
    expect(limiter.limit).toBe(16);
    for (let i = 0; i < 16; i++) limiter.success();
    expect(limiter.limit).toBe(16); // 16 + 16*(1/16..) just under 17
    for (let i = 0; i < 2; i++) limiter.success();
    expect(limiter.limit).toBe(17);
    for (let i = 0; i < 10_000; i++) limiter.success();
    expect(limiter.limit).toBe(64);
  });
});

describe('RateLimiter', () => {
  it('spaces requests 60000/rpm apart', async () => {
    const t = 0;
    const waits: number[] = [];
    const rate = new RateLimiter(600, () => t, async (ms) => {
      waits.push(ms);
    });
    await Promise.all([rate.take(), rate.take(), rate.take()]);
    expect(waits).toEqual([100, 200]);
  });
});

describe('Scheduler abort listeners', () => {
  it('do not accumulate on the run\'s signal: one listener after 1,000 requests (ok, failed, retried)', async () => {
    const { EventEmitter } = await import('node:events');
    const getEventListeners = EventEmitter.getEventListeners;
    const controller = new AbortController();
    const scheduler = new Scheduler({ concurrency: 16, timeoutMs: 5_000, maxAttempts: 2, signal: controller.signal, backoff: { baseMs: 0, maxMs: 0 }, failFast: false });
    const before = getEventListeners(controller.signal, 'abort').length;
    let n = 0;
    await Promise.allSettled(
      Array.from({ length: 1000 }, () =>
        scheduler.run(async (signal) => {
          const i = n++;
          if (i % 10 === 0) throw new ModelError('busy', { kind: 'http', status: 503, retryable: true });
          if (i % 7 === 0) throw new ModelError('bad', { kind: 'http', status: 400, retryable: false });
          return signal.aborted ? 'no' : 'ok';
        }),
      ),
    );
    expect(getEventListeners(controller.signal, 'abort').length).toBe(before);
    expect(before).toBeLessThanOrEqual(1);
  });
});
