// From a sample and what the model said to one record: parse, metric items, per-sample scores.
// Shared by evaluate() (output from a model) and score() (output from a predictions file).
import type { EvalRecord, Metric, Sample, Status, Task } from '../types.js';

export interface Outcome {
  /** The model's text, or null when the call failed. */
  output: string | null;
  /** Why there is no output (status becomes "error"). */
  error?: string;
  cached?: boolean;
  attempts?: number;
}

/**
 * Builds the record of one sample. `task.parse` decides ok / unparsed / empty for any text (also
 * empty or whitespace-only text); a failed call is status "error" with a null output. Every metric
 * sees every sample, errors included: it decides whether an error counts as wrong or is dropped (null item).
 */
export function buildRecord<S extends Sample>(task: Task<S>, metrics: readonly Metric[], sample: S, outcome: Outcome): EvalRecord {
  let status: Status;
  let prediction: unknown = null;
  let error = outcome.error;
  if (outcome.output === null || error !== undefined) {
    status = 'error';
    error ??= 'no output';
  } else {
    try {
      const parsed = task.parse(outcome.output, sample);
      status = parsed.status;
      prediction = parsed.prediction ?? null;
    } catch (thrown) {
      status = 'error';
      error = `task ${task.name}: parse failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    }
  }
  const output = status === 'error' && outcome.output === null ? null : outcome.output;
  const items: Record<string, unknown> = {};
  const scores: Record<string, number | null> = {};
  for (const metric of metrics) {
    let item: unknown;
    try {
      item = metric.item({ sample, output, prediction, status });
    } catch (thrown) {
      const why = thrown instanceof Error ? thrown.message : String(thrown);
      throw new Error(`metric ${metric.name}: item() failed on sample "${sample.id}": ${why}`, { cause: thrown });
    }
    items[metric.name] = item ?? null;
    scores[metric.name] = item == null || !metric.sampleScore ? null : metric.sampleScore(item);
  }
  const input = task.describeInput?.(sample);
  return {
    id: sample.id,
    target: task.serializeTarget ? task.serializeTarget(sample) : sample.target,
    output,
    prediction,
    status,
    ...(error !== undefined && status === 'error' ? { error } : {}),
    scores,
    items,
    meta: sample.meta ?? {},
    cached: outcome.cached ?? false,
    ...(input !== undefined ? { input } : {}),
    ...(outcome.attempts !== undefined ? { attempts: outcome.attempts } : {}),
  };
}
