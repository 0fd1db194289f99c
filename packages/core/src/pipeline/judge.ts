// The judge fallback: an output the task's rules left `unparsed` (not empty, not truncated) is shown to a
// judge model with the task's fixed prompt; its JSON reply decides. A malformed reply is re-asked once
// (the reply and a correction appended to the conversation, so the re-ask is a new request and a cached
// rerun replays both). Judge requests share the run's scheduler and cache with the model's requests.
import { cacheKey, type Cache } from '../cache/cache.js';
import { parseOutcome, recordFromParse, type MetricContext, type Outcome, type ParsedOutcome } from '../records/build.js';
import { isAbortError } from '../scheduler/errors.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { EvalRecord, JudgeVerdict, Metric, Model, ModelRequest, Parsed, Sample, Task, TaskJudge } from '../types.js';

/** What results.json `extraction.judge` reports. */
export interface JudgeStats {
  asked: number;
  answered: number;
  failed: number;
}

export interface Judging {
  model: Model;
  hook: TaskJudge<Sample, unknown>;
  scheduler: Scheduler;
  cache: Cache | undefined;
  stats: JudgeStats;
}

/** The rule name a judge's reading is recorded under. */
export const judgeRule = (model: Pick<Model, 'id'>): string => `judge:${model.id}`;

/** The protocol signature of a run with a judge: the task's, plus the judge model and prompt. */
export function judgedSignature(signature: string, model: Pick<Model, 'id'>, promptId: string): string {
  return `${signature}|judge:${model.id}|judge-prompt:${promptId}`;
}

/** The task's judge hook, or an explanation of why this task (or its protocol) takes no judge. */
export function judgeHookOf(task: Task<Sample, unknown>): TaskJudge<Sample, unknown> | string {
  if (task.judge) return task.judge;
  return `task "${task.name}" under protocol "${task.protocol.name}" has no judge fallback (the papers' protocols read answers with their own rules only)`;
}

/**
 * Asks the judge about one output when the rules left it unparsed; anything else is returned unchanged.
 * The answer is recorded with rule `judge:<model id>` and the judge's JSON as the span; a null answer keeps
 * the status unparsed; no usable reply after the re-ask (or a failed request) keeps it unparsed with span null.
 *
 * @example
 * const parsed = await judgeUnparsed(judging, sample, output, parseOutcome(task, sample, outcome));
 */
export async function judgeUnparsed(judging: Judging, sample: Sample, output: string, parsed: ParsedOutcome): Promise<ParsedOutcome> {
  if (parsed.status !== 'unparsed') return parsed;
  const { hook, stats } = judging;
  const rule = judgeRule(judging.model);
  const rules: Parsed<unknown> = { prediction: parsed.prediction, status: 'unparsed', ...(parsed.extraction ? { extraction: parsed.extraction } : {}) };
  stats.asked++;
  try {
    const first = hook.request(output, sample);
    const reply = await ask(judging, first, sample);
    let verdict = readVerdict(hook, reply, sample, rules);
    if ('malformed' in verdict) {
      const again: ModelRequest = {
        ...first,
        messages: [...first.messages, { role: 'assistant', content: reply }, { role: 'user', content: hook.retry(verdict.malformed) }],
      };
      verdict = readVerdict(hook, await ask(judging, again, sample), sample, rules);
    }
    if ('malformed' in verdict) {
      stats.failed++;
      return { ...parsed, extraction: { rule, span: null } };
    }
    if (verdict.prediction === null) return { ...parsed, extraction: { rule, span: verdict.span } };
    stats.answered++;
    return { ...parsed, status: 'ok', prediction: verdict.prediction, extraction: { rule, span: verdict.span } };
  } catch (error) {
    if (isAbortError(error)) throw error;
    // The judge is a fallback: its failure leaves the rules' reading (unparsed), never fails the sample.
    stats.failed++;
    return { ...parsed, extraction: { rule, span: null } };
  }
}

/** Parse; for an output the rules left unparsed, ask the judge (if any); then the record. Used by evaluate() and score(). */
export async function recordWithJudge(
  task: Task<Sample, unknown>,
  metrics: readonly Metric[],
  sample: Sample,
  outcome: Outcome,
  judging: Judging | undefined,
  context?: MetricContext,
): Promise<EvalRecord> {
  let parsed = parseOutcome(task, sample, outcome);
  if (judging && outcome.output !== null) parsed = await judgeUnparsed(judging, sample, outcome.output, parsed);
  return recordFromParse(task, metrics, sample, outcome, parsed, context);
}

/** One judge request: the cached reply if there is one, else asked through the run's scheduler and cached. */
async function ask(judging: Judging, request: ModelRequest, sample: Sample): Promise<string> {
  const { cache, model, scheduler } = judging;
  const key = cache ? cacheKey(model, request, `judge:${sample.id}`) : '';
  const hit = cache ? await cache.get(key) : undefined;
  if (hit) return hit.text;
  const { value } = await scheduler.run((signal) => model.generate(request, { signal }));
  if (typeof value?.text !== 'string') throw new Error(`judge ${model.id} returned no text`);
  await cache?.set(key, { text: value.text });
  return value.text;
}

function readVerdict(hook: TaskJudge<Sample, unknown>, reply: string, sample: Sample, rules: Parsed<unknown>): JudgeVerdict<unknown> {
  try {
    return hook.read(reply, sample, rules);
  } catch (error) {
    return { malformed: error instanceof Error ? error.message : String(error) };
  }
}
