// Adaptive concurrency (AIMD, as in TCP congestion control): when the server pushes back (429, 503,
// timeouts) the allowed number of requests in flight halves; each success adds 1/limit, so the
// limit grows back by about one per "round" of requests: slow, steady recovery up to the maximum.
import { abortError } from './errors.js';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class AdaptiveLimiter {
  #limit: number;
  #inFlight = 0;
  #waiters: Waiter[] = [];
  #lastDecrease = -Infinity;

  constructor(
    readonly max: number,
    /** After a decrease, ignore further pushback for this long (the requests already in flight report the same overload). */
    readonly cooldownMs = 1000,
    private readonly now: () => number = Date.now,
  ) {
    this.#limit = max;
  }

  /** Current allowed concurrency (integer part is what is enforced). */
  get limit(): number {
    return Math.max(1, Math.floor(this.#limit));
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    if (this.#inFlight < this.limit && this.#waiters.length === 0) {
      this.#inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (signal) {
        waiter.signal = signal;
        waiter.onAbort = () => {
          const i = this.#waiters.indexOf(waiter);
          if (i >= 0) this.#waiters.splice(i, 1);
          reject(abortError(signal.reason));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiters.push(waiter);
    });
  }

  release(): void {
    this.#inFlight--;
    this.#wake();
  }

  /** The server is overloaded: halve the limit (at most once per cooldown). */
  pushback(): void {
    const t = this.now();
    if (t - this.#lastDecrease < this.cooldownMs) return;
    this.#lastDecrease = t;
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
  }

  /** A request succeeded: grow by 1/limit, up to the maximum. */
  success(): void {
    if (this.#limit < this.max) {
      this.#limit = Math.min(this.max, this.#limit + 1 / Math.max(1, this.#limit));
      this.#wake();
    }
  }

  #wake(): void {
    while (this.#waiters.length > 0 && this.#inFlight < this.limit) {
      const waiter = this.#waiters.shift()!;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.#inFlight++;
      waiter.resolve();
    }
  }
}
