// Runs model calls under a concurrency limit, a per-request timeout, an optional rate limit, and
// retries with backoff. One scheduler serves one run; `stats` feeds progress reports.
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { abortError, classifyError, isPushback, ModelError } from './errors.js';
import { FailFast, type FailFastOptions } from './fail-fast.js';
import { AdaptiveLimiter } from './limiter.js';
import { RateLimiter } from './rate-limit.js';
import { RunStoppedError } from './run-stopped.js';
import { sleep as realSleep } from './sleep.js';

/**
 * Requests in flight when the caller does not say: 32. Measured (bench/engine/concurrency.mjs, docs/engine.md):
 * servers that batch (vLLM, SGLang, hosted APIs) answer ~4× more samples per second than at 8, and a server
 * that works on fewer at a time just queues the rest, with the same throughput; pushback halves it anyway.
 */
export const DEFAULT_CONCURRENCY = 32;

export interface SchedulerOptions {
  /** Maximum requests in flight. */
  concurrency: number;
  /** Per-attempt timeout (ms); 0 disables it. */
  timeoutMs: number;
  /** Attempts per request including the first (>= 1). */
  maxAttempts: number;
  /** Optional cap, requests per minute. */
  requestsPerMinute?: number;
  /** Halve concurrency when the server pushes back (default true). */
  adaptive?: boolean;
  signal?: AbortSignal;
  backoff?: Partial<BackoffOptions>;
  onRetry?: (info: { attempt: number; delayMs: number; error: ModelError }) => void;
  /** Stop the run when the set-up is clearly broken (default on, see fail-fast.ts); false turns it off. */
  failFast?: FailFastOptions | false;
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** Thrown when a call failed for good; carries how many attempts were made. */
export class RequestFailedError extends Error {
  constructor(
    readonly error: ModelError,
    readonly attempts: number,
  ) {
    super(attempts > 1 ? `${error.message} (after ${attempts} attempts)` : error.message, { cause: error });
    this.name = 'RequestFailedError';
  }
}

export interface SchedulerStats {
  inFlight: number;
  limit: number;
  retries: number;
  requests: number;
}

export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #limiter: AdaptiveLimiter;
  readonly #rate: RateLimiter | undefined;
  readonly #backoff: BackoffOptions;
  readonly #cancels = new Set<() => void>();
  #retries = 0;
  #requests = 0;
  readonly #failFast: FailFast | undefined;
  #stoppedBy: ModelError | undefined;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    const now = options.now ?? Date.now;
    this.#limiter = new AdaptiveLimiter(options.concurrency, 1000, now);
    this.#rate = options.requestsPerMinute ? new RateLimiter(options.requestsPerMinute, now, options.sleep ?? realSleep) : undefined;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    options.signal?.addEventListener('abort', () => this.#onOuterAbort(), { once: true });
    this.#failFast =
      options.failFast === false
        ? undefined
        : new FailFast(options.failFast ?? {}, (error) => {
            this.#stoppedBy = error;
            this.#onOuterAbort(); // wake everything waiting: each then throws RunStoppedError
          });
  }

  /** The error that stopped the run (fail-fast), if it was stopped. */
  get stoppedBy(): ModelError | undefined {
    return this.#stoppedBy;
  }

  /** Ends the fail-fast window's timer (call when the run is over). */
  dispose(): void {
    this.#failFast?.dispose();
  }

  get stats(): SchedulerStats {
    return { inFlight: this.#limiter.inFlight, limit: this.#limiter.limit, retries: this.#retries, requests: this.#requests };
  }

  /**
   * Calls `fn` until it succeeds, fails with a non-retryable error, or runs out of attempts.
   * `fn` gets a signal that fires on timeout or when the run is aborted.
   */
  async run<T>(fn: (signal: AbortSignal, attempt: number) => Promise<T>): Promise<{ value: T; attempts: number }> {
    const { signal, maxAttempts } = this.#options;
    for (let attempt = 1; ; attempt++) {
      if (this.#stoppedBy) throw new RunStoppedError(this.#stoppedBy);
      if (signal?.aborted) throw abortError(signal.reason);
      try {
        await this.#acquire();
      } catch (thrown) {
        if (this.#stoppedBy) throw new RunStoppedError(this.#stoppedBy);
        throw thrown;
      }
      if (this.#stoppedBy) {
        this.#limiter.release();
        throw new RunStoppedError(this.#stoppedBy);
      }
      let error: ModelError;
      try {
        if (this.#rate) await this.#abortable(this.#rate.take());
        this.#requests++;
        const value = await this.#attempt(fn, attempt);
        this.#limiter.success();
        this.#failFast?.success();
        return { value, attempts: attempt };
      } catch (thrown) {
        error = classifyError(thrown);
        // Lower the limit before this slot is released, or the release would wake a waiting request
        // under the old limit.
        if (this.#options.adaptive !== false && isPushback(error)) this.#limiter.pushback();
        if (!this.#stoppedBy) this.#failFast?.failure(error);
      } finally {
        this.#limiter.release();
      }
      if (this.#stoppedBy) throw new RunStoppedError(this.#stoppedBy);
      if (error.kind === 'aborted' && signal?.aborted) throw abortError(signal.reason);
      if (!error.retryable || attempt >= maxAttempts) throw new RequestFailedError(error, attempt);
      const delayMs = backoffDelay(attempt, error.retryAfterMs, this.#backoff, this.#options.random);
      this.#retries++;
      this.#options.onRetry?.({ attempt, delayMs, error });
      try {
        await this.#wait(delayMs);
      } catch (thrown) {
        if (this.#stoppedBy) throw new RunStoppedError(this.#stoppedBy);
        throw thrown;
      }
    }
  }

  // One listener on the caller's signal fans out to everything waiting (instead of one listener per
  // request, which would trip Node's listener-leak warning at any useful concurrency).
  #onOuterAbort(): void {
    for (const cancel of [...this.#cancels]) cancel();
  }

  #abortable<T>(promise: Promise<T>): Promise<T> {
    const signal = this.#options.signal;
    if (!signal) return promise;
    if (signal.aborted) return Promise.reject(abortError(signal.reason));
    return new Promise<T>((resolve, reject) => {
      const cancel = () => reject(abortError(signal.reason));
      this.#cancels.add(cancel);
      promise.then(resolve, reject).finally(() => this.#cancels.delete(cancel));
    });
  }

  async #acquire(): Promise<void> {
    const slot = this.#limiter.acquire();
    try {
      await this.#abortable(slot);
    } catch (error) {
      void slot.then(() => this.#limiter.release()); // the slot arrives later: hand it straight back
      throw error;
    }
  }

  #wait(ms: number): Promise<void> {
    if (this.#options.sleep) return this.#abortable(this.#options.sleep(ms));
    const signal = this.#options.signal;
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    return new Promise<void>((resolve, reject) => {
      const cancel = () => {
        clearTimeout(timer);
        this.#cancels.delete(cancel);
        reject(abortError(signal?.reason));
      };
      const timer = setTimeout(() => {
        this.#cancels.delete(cancel);
        resolve();
      }, ms);
      this.#cancels.add(cancel);
    });
  }

  async #attempt<T>(fn: (signal: AbortSignal, attempt: number) => Promise<T>, attempt: number): Promise<T> {
    const outer = this.#options.signal;
    if (outer?.aborted) throw abortError(outer.reason);
    const controller = new AbortController();
    const timeoutMs = this.#options.timeoutMs;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancel: (() => void) | undefined;
    try {
      // Only this attempt's own timer and the run's abort stop it: they abort the model's signal and end
      // the attempt at once, so a model that ignores its signal cannot hang the run. (No listener on the
      // signal and no Promise.race: this runs once per request.)
      return await new Promise<T>((resolve, reject) => {
        const stop = (reason: Error) => {
          controller.abort(reason);
          reject(reason);
        };
        cancel = () => stop(abortError(outer?.reason));
        this.#cancels.add(cancel);
        if (timeoutMs > 0) {
          timer = setTimeout(() => {
            timedOut = true;
            stop(abortError('timeout'));
          }, timeoutMs);
        }
        fn(controller.signal, attempt).then(resolve, reject);
      });
    } catch (thrown) {
      if (timedOut) {
        throw new ModelError(`request timed out after ${timeoutMs} ms`, { kind: 'timeout', retryable: true });
      }
      throw thrown;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      if (cancel) this.#cancels.delete(cancel);
    }
  }
}
