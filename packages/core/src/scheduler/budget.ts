// Spending limits of a run (`maxCost`, `maxTokens`): a request is sent only while the money and tokens
// already spent by this run, plus what the requests in flight are expected to cost, leave room for it.
// The expected cost of a request is the largest one seen so far, and no more requests are in flight than
// responses have been measured (a slow start: 1, 2, 4 …). So the run stops before the next request would
// be expected to go over; it can exceed the limit only by how much dearer the requests in flight turn out
// than the dearest one seen when they were sent.
// Answers from the cache cost nothing now and never pass through the budget.
import { costOf, type Prices } from '../aggregate/usage.js';
import type { RecordUsage } from '../types.js';

export interface BudgetLimits {
  /** Money for the requests this run sends, in the prices' currency (needs `prices`). */
  maxCost?: number | undefined;
  /** Tokens (prompt + completion, `total_tokens`) for the requests this run sends. */
  maxTokens?: number | undefined;
  prices?: Prices | undefined;
}

interface Meter {
  name: 'cost' | 'tokens';
  limit: number;
  measure(usage: RecordUsage): number;
  spent: number;
  /** The largest cost of one response so far; undefined until one reported usage. */
  largest: number | undefined;
}

/** What a budget has spent, for messages and the error. */
export interface BudgetSpent {
  cost?: { spent: number; limit: number; currency: string };
  tokens?: { spent: number; limit: number };
  /** Why it stopped: the limit, or a server that reports no usage (so the limit cannot be enforced). */
  reason: 'limit' | 'no-usage';
}

export class Budget {
  private readonly meters: Meter[] = [];
  private inFlight = 0;
  private waiters: Array<() => void> = [];
  /** Set once a request was refused; later requests are refused too (no request after a refusal). */
  stoppedBy: BudgetSpent['reason'] | undefined;
  /** Requests refused. */
  refused = 0;
  /** Responses whose usage was measured. */
  private measured = 0;

  constructor(private readonly limits: BudgetLimits) {
    if (limits.maxCost !== undefined) {
      if (!limits.prices) throw new Error('maxCost needs prices (price per million input and output tokens)');
      const prices = limits.prices;
      this.meters.push({ name: 'cost', limit: limits.maxCost, measure: (u) => costOf(u.prompt_tokens, u.completion_tokens, prices), spent: 0, largest: undefined });
    }
    if (limits.maxTokens !== undefined) {
      this.meters.push({ name: 'tokens', limit: limits.maxTokens, measure: (u) => u.total_tokens, spent: 0, largest: undefined });
    }
  }

  /** Whether any limit is set. */
  get active(): boolean {
    return this.meters.length > 0;
  }

  /** Waits until a request fits; false when it never will (the run must not send it). */
  async acquire(): Promise<boolean> {
    for (;;) {
      if (this.stoppedBy) return this.refuse();
      if (this.fits()) {
        this.inFlight++;
        return true;
      }
      if (this.inFlight === 0) {
        this.stoppedBy = 'limit';
        return this.refuse();
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** A request ended: its usage (undefined when the call failed or the server reported none) is charged. */
  release(usage: RecordUsage | undefined, answered: boolean): void {
    this.inFlight--;
    if (usage) {
      this.measured++;
      for (const meter of this.meters) {
        const cost = meter.measure(usage);
        meter.spent += cost;
        meter.largest = Math.max(meter.largest ?? 0, cost);
      }
    } else if (answered && this.active) {
      // An answer without token counts: the budget cannot be kept, so nothing more is sent.
      this.stoppedBy ??= 'no-usage';
    }
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  spent(): BudgetSpent {
    const out: BudgetSpent = { reason: this.stoppedBy ?? 'limit' };
    for (const meter of this.meters) {
      if (meter.name === 'cost') out.cost = { spent: meter.spent, limit: meter.limit, currency: this.limits.prices?.currency ?? 'USD' };
      else out.tokens = { spent: meter.spent, limit: meter.limit };
    }
    return out;
  }

  private fits(): boolean {
    // Slow start: never more requests in flight than answers measured, so the estimate rests on as many
    // observations as it bets on (1, then 2, 4, 8 … in flight).
    if (this.inFlight >= Math.max(1, this.measured)) return false;
    return this.meters.every((meter) => {
      if (meter.spent >= meter.limit) return false;
      // Nothing known about a request's cost yet: one at a time until the first usage arrives.
      if (meter.largest === undefined) return this.inFlight === 0;
      return meter.spent + (this.inFlight + 1) * meter.largest <= meter.limit;
    });
  }

  private refuse(): false {
    this.refused++;
    return false;
  }
}

/**
 * Thrown by evaluate() after the run folder is written when a budget stopped the run: the samples not
 * asked are `error` records, so rerunning with the same cache and a larger budget finishes the run.
 */
export class BudgetReachedError extends Error {
  constructor(
    readonly spent: BudgetSpent,
    /** Samples not asked because of the budget. */
    readonly unasked: number,
  ) {
    super(budgetMessage(spent, unasked));
    this.name = 'BudgetReachedError';
  }
}

function budgetMessage(spent: BudgetSpent, unasked: number): string {
  const parts: string[] = [];
  if (spent.cost) parts.push(`${formatMoney(spent.cost.spent)} of max cost ${formatMoney(spent.cost.limit)} ${spent.cost.currency}`);
  if (spent.tokens) parts.push(`${spent.tokens.spent} of max ${spent.tokens.limit} tokens`);
  const why =
    spent.reason === 'no-usage'
      ? 'the server reported no token usage, so the budget cannot be enforced and nothing more was sent'
      : `budget reached: spent ${parts.join(', ')} on new requests`;
  return `${why}; ${unasked} sample${unasked === 1 ? '' : 's'} not asked`;
}

const formatMoney = (x: number) => (x === 0 ? '0' : x < 0.01 ? x.toPrecision(3) : x.toFixed(4).replace(/0+$/, '').replace(/\.$/, ''));
