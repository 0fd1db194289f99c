// Throttled progress reports (about ten a second) plus a final one, so a callback that draws a bar
// never slows a run of a million cached samples.
import type { Progress } from '../types.js';

export class ProgressReporter {
  #last = 0;
  readonly #started: number;
  readonly state: Omit<Progress, 'elapsedMs' | 'retries' | 'inFlight'> = { done: 0, total: null, cached: 0, errors: 0 };

  constructor(
    private readonly callback: ((progress: Progress) => void) | undefined,
    private readonly live: () => { retries: number; inFlight: number },
    total: number | null,
    private readonly intervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {
    this.#started = now();
    this.state.total = total;
  }

  tick(): void {
    if (!this.callback) return;
    const t = this.now();
    if (t - this.#last < this.intervalMs) return;
    this.#last = t;
    this.callback(this.snapshot());
  }

  final(): void {
    this.callback?.(this.snapshot());
  }

  snapshot(): Progress {
    return { ...this.state, ...this.live(), elapsedMs: this.now() - this.#started };
  }
}
