// Runs that ask every question K times (`epochs`): per 0/1 metric, the mean over questions with a standard
// error clustered by question, maj@K (the answer given most often, scored) and pass@K (right at least once).
// Memory: per question, its records' 0/1 items and a key of each prediction.
import { canonicalJson } from '../cache/hash.js';
import { asBinary } from '../stats/binary.js';
import type { EpochSummary, EvalRecord, Metric } from '../types.js';

/** The question a repeat belongs to: its record id without the `#<epoch>` the run appended. */
export function questionOf(recordId: string): string {
  const hash = recordId.lastIndexOf('#');
  return hash === -1 ? recordId : recordId.slice(0, hash);
}

interface Repeat {
  items: Array<0 | 1 | null>;
  prediction: string;
}

export class EpochAccumulator {
  private readonly questions = new Map<string, Repeat[]>();
  /** Metrics whose items are not all 0/1 (those get no maj@K / pass@K / clustered SE). */
  private readonly notBinary = new Set<number>();

  constructor(
    private readonly metrics: readonly Metric[],
    private readonly epochs: number,
    private readonly circular = false,
  ) {}

  add(record: Pick<EvalRecord, 'id' | 'items' | 'prediction'>): void {
    const question = questionOf(record.id);
    let repeats = this.questions.get(question);
    if (!repeats) this.questions.set(question, (repeats = []));
    const items = this.metrics.map((metric, m) => {
      const item = record.items[metric.name];
      if (item === null || item === undefined) return null;
      const binary = asBinary(item);
      if (binary === null) this.notBinary.add(m);
      return binary;
    });
    repeats.push({ items, prediction: record.prediction === null || record.prediction === undefined ? '' : canonicalJson(record.prediction) });
  }

  finish(): EpochSummary {
    const metrics: EpochSummary['metrics'] = {};
    this.metrics.forEach((metric, m) => {
      if (this.notBinary.has(m)) return;
      const scale = metric.aggregate([1]);
      if (!Number.isFinite(scale)) return;
      const means: number[] = [];
      const majority: Array<0 | 1> = [];
      const pass: Array<0 | 1> = [];
      const all: Array<0 | 1> = [];
      for (const repeats of this.questions.values()) {
        const scored = repeats.filter((r) => r.items[m] !== null);
        if (scored.length === 0) continue;
        means.push(scored.reduce((sum, r) => sum + r.items[m]!, 0) / scored.length);
        pass.push(scored.some((r) => r.items[m] === 1) ? 1 : 0);
        all.push(scored.every((r) => r.items[m] === 1) ? 1 : 0);
        majority.push(majorityItem(scored, m));
      }
      const n = means.length;
      if (n === 0) return;
      const mean = means.reduce((a, b) => a + b, 0) / n;
      const variance = n > 1 ? means.reduce((sum, p) => sum + (p - mean) ** 2, 0) / (n - 1) : NaN;
      metrics[metric.name] = {
        mean: scale * mean,
        stderr: Number.isFinite(variance) ? scale * Math.sqrt(variance / n) : null,
        majority: metric.aggregate(majority),
        pass: metric.aggregate(pass),
        all: metric.aggregate(all),
        questions: n,
      };
    });
    let most = this.epochs;
    if (this.circular) for (const repeats of this.questions.values()) most = Math.max(most, repeats.length);
    return { epochs: most, questions: this.questions.size, ...(this.circular ? { circular: true as const } : {}), metrics };
  }
}

/** The item of the prediction given most often (ties: the one given first); no answer counts as a vote too. */
function majorityItem(repeats: Repeat[], m: number): 0 | 1 {
  const votes = new Map<string, { count: number; first: number; item: 0 | 1 }>();
  repeats.forEach((r, i) => {
    const vote = votes.get(r.prediction);
    if (vote) vote.count++;
    else votes.set(r.prediction, { count: 1, first: i, item: r.items[m]! });
  });
  let best: { count: number; first: number; item: 0 | 1 } | undefined;
  for (const vote of votes.values()) if (!best || vote.count > best.count || (vote.count === best.count && vote.first < best.first)) best = vote;
  return best!.item;
}
