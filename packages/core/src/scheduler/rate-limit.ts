// An optional requests-per-minute cap: requests are spaced evenly (60,000 / rpm ms apart).
import { sleep } from './sleep.js';

export class RateLimiter {
  #next = 0;
  readonly intervalMs: number;

  constructor(
    requestsPerMinute: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void> = sleep,
  ) {
    this.intervalMs = 60_000 / requestsPerMinute;
  }

  /** Resolves when this request may start. */
  async take(signal?: AbortSignal): Promise<void> {
    const t = this.now();
    const slot = Math.max(t, this.#next);
    this.#next = slot + this.intervalMs;
    if (slot > t) await this.wait(slot - t, signal);
  }
}
