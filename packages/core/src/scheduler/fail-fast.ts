// A broken set-up (bad key, no such model, nothing listening on the port) must stop a run in seconds with
// its cause, not send every sample or retry for hours. While no request has succeeded yet:
//   - the same error that no retry can fix (400, 401, 403, 404, 422, an unknown host) `sameErrors` times
//     in a row stops the run;
//   - connection errors (refused, reset) for `networkWindowMs` stop it, instead of the full backoff schedule.
// One success turns the checks off: from then on, failures are per-sample and retried as usual.
import type { ModelError } from './errors.js';

export interface FailFastOptions {
  /** Identical non-retryable errors, with no success before them, that stop the run (default 3). */
  sameErrors?: number;
  /** How long connection errors with no success at all may go on before the run stops (default 10 s). */
  networkWindowMs?: number;
}

export const DEFAULT_FAIL_FAST: Required<FailFastOptions> = { sameErrors: 3, networkWindowMs: 10_000 };

/** Watches every attempt's outcome; calls `trip(error)` once when the set-up is clearly broken. */
export class FailFast {
  readonly #options: Required<FailFastOptions>;
  readonly #trip: (error: ModelError) => void;
  readonly #counts = new Map<string, number>();
  #succeeded = false;
  #tripped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastNetwork: ModelError | undefined;

  constructor(options: FailFastOptions, trip: (error: ModelError) => void) {
    this.#options = { ...DEFAULT_FAIL_FAST, ...options };
    this.#trip = trip;
  }

  success(): void {
    this.#succeeded = true;
    this.dispose();
  }

  failure(error: ModelError): void {
    if (this.#succeeded || this.#tripped || error.kind === 'aborted') return;
    // A runtime that refuses network or environment access refuses it for every sample.
    if (error.kind === 'permission') return this.#fire(error);
    if (!error.retryable) {
      const key = `${error.kind}|${error.status ?? ''}|${error.message}`;
      const count = (this.#counts.get(key) ?? 0) + 1;
      this.#counts.set(key, count);
      if (count >= this.#options.sameErrors) this.#fire(error);
      return;
    }
    if (error.kind === 'network') {
      this.#lastNetwork = error;
      this.#timer ??= unrefTimer(setTimeout(() => this.#fire(this.#lastNetwork!), this.#options.networkWindowMs));
    }
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #fire(error: ModelError): void {
    if (this.#tripped) return;
    this.#tripped = true;
    this.dispose();
    this.#trip(error);
  }
}

// The window's timer must not keep a finished process alive.
function unrefTimer<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
