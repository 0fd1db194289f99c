// From a sample and what the model said to one record: parse, metric items, per-sample scores.
// Shared by evaluate() (output from a model) and score() (output from a predictions file).
import type { EvalRecord, Extraction, Metric, Sample, Status, Task } from '../types.js';

export interface Outcome {
  /** The model's text, or null when the call failed. */
  output: string | null;
  /** Why there is no output (status becomes "error"). */
  error?: string;
  cached?: boolean;
  attempts?: number;
  /** The server's reasoning (`reasoning_content` / `reasoning`, or a predictions line's `reasoning`); never parsed. */
  reasoning?: string;
  /** The server's finish reason; `length` turns an unreadable output into status `truncated`. */
  finishReason?: string;
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
  let extraction: Extraction | undefined;
  let parsedReasoning: string | undefined;
  if (outcome.output === null || error !== undefined) {
    status = 'error';
    error ??= 'no output';
  } else {
    try {
      const parsed = task.parse(outcome.output, sample);
      status = parsed.status;
      prediction = parsed.prediction ?? null;
      extraction = parsed.extraction;
      parsedReasoning = parsed.reasoning;
      // The server stopped at max_tokens and nothing could be read: the output was cut off, not misread.
      if (outcome.finishReason === 'length' && (status === 'unparsed' || status === 'empty')) status = 'truncated';
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
  const reasoning = joinReasoning(outcome.reasoning, parsedReasoning);
  return {
    id: sample.id,
    target: task.serializeTarget ? task.serializeTarget(sample) : sample.target,
    output,
    ...(reasoning !== undefined ? { reasoning } : {}),
    prediction,
    status,
    ...(extraction ? { extraction: { rule: extraction.rule, span: extraction.span ?? null } } : {}),
    ...(error !== undefined && status === 'error' ? { error } : {}),
    scores,
    items,
    meta: sample.meta ?? {},
    cached: outcome.cached ?? false,
    ...(input !== undefined ? { input } : {}),
    ...(outcome.attempts !== undefined ? { attempts: outcome.attempts } : {}),
  };
}

/** The server's reasoning and the think text the parser stripped, in that order (each once). */
function joinReasoning(server: string | undefined, stripped: string | undefined): string | undefined {
  const parts = [server, stripped].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.length ? parts.join('\n\n') : undefined;
}
