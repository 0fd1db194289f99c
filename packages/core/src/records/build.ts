// From a sample and what the model said to one record: parse, metric items, per-sample scores.
// Shared by evaluate() (output from a model) and score() (output from a predictions file).
import { recordUsage } from '../aggregate/usage.js';
import type { ChatMessage, EvalRecord, Extraction, Metric, MetricInput, ResponseUsage, Sample, Status, Task } from '../types.js';

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
  /** Tokens the server reported for the response. */
  usage?: ResponseUsage;
  /** Wall time of the request that produced the output, in ms. */
  latencyMs?: number;
  /** The messages sent to the model (absent in `score`, where no request was made). */
  prompt?: ChatMessage[];
}

/** What the pipeline gives every metric besides the record: a way to ask a model (see MetricInput.ask). */
export interface MetricContext {
  ask?: MetricInput['ask'];
}

/** What the task's parser (and, for unparsed outputs, a judge) made of one outcome. */
export interface ParsedOutcome {
  status: Status;
  prediction: unknown;
  extraction?: Extraction;
  /** Reasoning the parser stripped from the output (joined after the server's in the record). */
  reasoning?: string;
  /** Why the status is "error". */
  error?: string;
}

/**
 * Parses one outcome. `task.parse` decides ok / unparsed / empty / truncated for any text (also empty or
 * whitespace-only text); a failed call is status "error"; an unreadable output that stopped at max_tokens
 * is "truncated".
 *
 * @example
 * parseOutcome(task, sample, { output: '我不确定', finishReason: 'length' }) // → { status: 'truncated', prediction: null }
 */
export function parseOutcome<S extends Sample>(task: Task<S>, sample: S, outcome: Outcome): ParsedOutcome {
  if (outcome.output === null || outcome.error !== undefined) return { status: 'error', prediction: null, error: outcome.error ?? 'no output' };
  try {
    const parsed = task.parse(outcome.output, sample);
    let status: Status = parsed.status;
    // The server stopped at max_tokens and nothing could be read: the output was cut off, not misread.
    if (outcome.finishReason === 'length' && (status === 'unparsed' || status === 'empty')) status = 'truncated';
    return {
      status,
      prediction: parsed.prediction ?? null,
      ...(parsed.extraction ? { extraction: { rule: parsed.extraction.rule, span: parsed.extraction.span ?? null } } : {}),
      ...(parsed.reasoning !== undefined ? { reasoning: parsed.reasoning } : {}),
    };
  } catch (thrown) {
    return { status: 'error', prediction: null, error: `task ${task.name}: parse failed: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
}

/**
 * Builds the record of one sample: parse (see `parseOutcome`), then every metric's item. Every metric
 * sees every sample, errors included: it decides whether an error counts as wrong or is dropped (null item).
 */
export function buildRecord<S extends Sample>(task: Task<S>, metrics: readonly Metric[], sample: S, outcome: Outcome, context?: MetricContext): Promise<EvalRecord> {
  return recordFromParse(task, metrics, sample, outcome, parseOutcome(task, sample, outcome), context);
}

/** The record of an outcome already parsed (evaluate() and score() may have asked a judge in between). */
export async function recordFromParse<S extends Sample>(
  task: Task<S>,
  metrics: readonly Metric[],
  sample: S,
  outcome: Outcome,
  parsed: ParsedOutcome,
  context?: MetricContext,
): Promise<EvalRecord> {
  const { status, prediction, extraction, error } = parsed;
  const output = status === 'error' && outcome.output === null ? null : outcome.output;
  const items: Record<string, unknown> = {};
  const scores: Record<string, number | null> = {};
  // Every metric's item at once: async ones (a judge) run side by side, sync ones cost no extra tick.
  const settled = metrics.map((metric) => {
    const failed = (thrown: unknown) => {
      const why = thrown instanceof Error ? thrown.message : String(thrown);
      return new Error(`metric ${metric.name}: item() failed on sample "${sample.id}": ${why}`, { cause: thrown });
    };
    try {
      const item = metric.item({ sample, output, prediction, status, ...(context?.ask ? { ask: context.ask } : {}) });
      return item instanceof Promise ? item.catch((thrown: unknown) => Promise.reject(failed(thrown))) : item;
    } catch (thrown) {
      throw failed(thrown);
    }
  });
  const values = settled.some((v) => v instanceof Promise) ? await Promise.all(settled) : settled;
  metrics.forEach((metric, m) => {
    const item = values[m];
    items[metric.name] = item ?? null;
    scores[metric.name] = item == null || !metric.sampleScore ? null : metric.sampleScore(item);
  });
  const input = task.describeInput?.(sample);
  const reasoning = joinReasoning(outcome.reasoning, parsed.reasoning);
  return {
    id: sample.id,
    target: task.serializeTarget ? task.serializeTarget(sample) : sample.target,
    output,
    ...(reasoning !== undefined ? { reasoning } : {}),
    prediction,
    status,
    ...(extraction ? { extraction } : {}),
    ...(error !== undefined && status === 'error' ? { error } : {}),
    scores,
    items,
    meta: sample.meta ?? {},
    cached: outcome.cached ?? false,
    ...(input !== undefined ? { input } : {}),
    ...(outcome.prompt ? { prompt: outcome.prompt.map((m) => ({ role: m.role, content: m.content })) } : {}),
    ...(outcome.attempts !== undefined ? { attempts: outcome.attempts } : {}),
    ...usageFields(outcome),
  };
}

/** `usage` and `latencyMs` of a record, when the outcome has them. */
function usageFields(outcome: Outcome): Pick<EvalRecord, 'usage' | 'latencyMs'> {
  const usage = recordUsage(outcome.usage);
  const latency = outcome.latencyMs;
  return {
    ...(usage ? { usage } : {}),
    ...(typeof latency === 'number' && Number.isFinite(latency) && latency >= 0 ? { latencyMs: Math.round(latency) } : {}),
  };
}

/** The server's reasoning and the think text the parser stripped, in that order (each once). */
function joinReasoning(server: string | undefined, stripped: string | undefined): string | undefined {
  const parts = [server, stripped].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.length ? parts.join('\n\n') : undefined;
}
