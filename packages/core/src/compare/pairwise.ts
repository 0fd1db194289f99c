// Pairwise judging of two runs' free-text answers (`medeval compare A B --pairwise-judge SPEC`): for every
// sample both runs answered, a judge model sees the question, the reference and the two answers and says
// which is better — asked twice, in both orders, so a judge that prefers whichever answer comes first (a
// known position bias) cancels out. B's score on a sample is the mean of its two results (win 1, tie ½,
// loss 0); the win rate of B is their mean, with a bootstrap interval over samples and an exact two-sided
// sign test on the samples one side won. Requests go through a scheduler and the response cache.
import { z } from 'zod';
import type { Cache } from '../cache/cache.js';
import { jsonObjectInReply } from '../models/json-reply.js';
import { metricAsker } from '../pipeline/metric-asker.js';
import { forEachOrdered } from '../pipeline/ordered.js';
import { DEFAULT_CONCURRENCY, Scheduler } from '../scheduler/scheduler.js';
import { bootstrapInterval } from '../stats/bootstrap.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import { deriveSeed } from '../stats/prng.js';
import type { EvalRecord, Model, ModelRequest } from '../types.js';

/** The pairwise prompt's version, reported with every result. */
export const PAIRWISE_PROMPT_ID = 'pairwise-clin@1';

export interface PairwiseOptions {
  a: { name: string; records: AsyncIterable<EvalRecord> };
  b: { name: string; records: AsyncIterable<EvalRecord> };
  judge: Model;
  cache?: Cache | undefined;
  concurrency?: number;
  seed?: number;
  bootstrapSamples?: number;
  signal?: AbortSignal;
}

export interface PairwiseResult {
  judge: string;
  promptId: string;
  /** Samples both runs answered and the judge judged in both orders. */
  n: number;
  /** Samples B won (its mean score over the two orders above ½), A won, or tied (exactly ½). */
  winsB: number;
  winsA: number;
  ties: number;
  /** Samples whose two orders named different winners (the judge followed the position). */
  inconsistent: number;
  /** Samples left out: no usable verdict after one re-ask in some order. */
  failed: number;
  /** Mean score of B (win 1, tie ½, loss 0), 0–100. */
  winRateB: number | null;
  ci95: [number, number] | null;
  /** Exact two-sided sign test of winsB against winsA (ties left out). */
  p: number | null;
}

const verdictSchema = z.object({ better: z.enum(['1', '2', 'tie']) });

const SYSTEM = [
  '你是一名资深临床医生。下面是同一个医学问题的两个回答，请对照参考答案，判断哪个回答更好：',
  '综合考虑医学上的准确性、对问题的针对性、要点的完整性和表达的清晰性；不要因为回答更长或出现在前面而偏向它。',
  '只输出一个 JSON 对象，不要输出其他文字：{"better": "1"} 或 {"better": "2"} 或 {"better": "tie"}',
].join('\n');

/** The judge's request with the answers in the given order. */
export function pairwiseRequest(question: string, reference: string, first: string, second: string): ModelRequest {
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `【问题】\n${question}\n\n【参考答案】\n${reference}\n\n【回答1】\n${first}\n\n【回答2】\n${second}` },
    ],
    temperature: 0,
    maxTokens: 64,
  };
}

/** The verdict in a reply (after any reasoning block, inside code fences), or the problem with it. */
export function readPairwiseVerdict(reply: string): { better: '1' | '2' | 'tie' } | { problem: string } {
  const read = jsonObjectInReply(reply);
  if ('problem' in read) return read;
  const json = read.value;
  const parsed = verdictSchema.safeParse(typeof json === 'object' && json !== null ? { ...json, better: String((json as { better?: unknown }).better) } : json);
  return parsed.success ? { better: parsed.data.better } : { problem: 'better must be "1", "2" or "tie"' };
}

interface Side {
  question: string;
  reference: string;
  answer: string;
}

/** What the judge sees of a record: its question, the reference (target) and the answer text. */
function sideOf(record: EvalRecord): Side {
  const target = record.target as unknown;
  const reference =
    typeof target === 'string'
      ? target
      : Array.isArray(target)
        ? target.map((t, i) => `(${i + 1}) ${String(t)}`).join('\n')
        : target && typeof target === 'object' && typeof (target as { explanation?: unknown }).explanation === 'string'
          ? (target as { explanation: string }).explanation
          : JSON.stringify(target);
  const prediction = record.prediction as unknown;
  const answer =
    typeof prediction === 'string'
      ? prediction
      : prediction && typeof prediction === 'object' && typeof (prediction as { explanation?: unknown }).explanation === 'string'
        ? (prediction as { explanation: string }).explanation
        : (record.output ?? '');
  return { question: record.input ?? '', reference, answer };
}

/**
 * Both runs' answers judged pairwise, in both orders.
 *
 * @example
 * const result = await comparePairwise({ a: { name: 'A', records: runA.records() }, b: { name: 'B', records: runB.records() }, judge });
 * result.winRateB // e.g. 61.5
 */
export async function comparePairwise(options: PairwiseOptions): Promise<PairwiseResult> {
  const sidesA = new Map<string, Side>();
  for await (const record of options.a.records) if (record.status !== 'error') sidesA.set(record.id, sideOf(record));
  const pairs: Array<{ id: string; a: Side; b: Side }> = [];
  for await (const record of options.b.records) {
    const a = sidesA.get(record.id);
    if (a && record.status !== 'error') pairs.push({ id: record.id, a, b: sideOf(record) });
  }
  const scheduler = new Scheduler({ concurrency: options.concurrency ?? DEFAULT_CONCURRENCY, timeoutMs: 120_000, maxAttempts: 8, ...(options.signal ? { signal: options.signal } : {}) });
  const { judge, cache } = options;
  // Through the scheduler and the cache, as a metric's judge requests are.
  const ask = async (id: string, request: ModelRequest): Promise<string> => (await metricAsker(() => scheduler, cache, `pairwise:${id}`)(judge, request)).text;
  const verdict = async (id: string, request: ModelRequest): Promise<'1' | '2' | 'tie' | null> => {
    const reply = await ask(id, request);
    const first = readPairwiseVerdict(reply);
    if ('better' in first) return first.better;
    const again: ModelRequest = {
      ...request,
      messages: [...request.messages, { role: 'assistant', content: reply }, { role: 'user', content: `这条回复无法使用：${first.problem}。请只输出 {"better": "1"}、{"better": "2"} 或 {"better": "tie"}。` }],
    };
    const second = readPairwiseVerdict(await ask(id, again));
    return 'better' in second ? second.better : null;
  };
  const scores: number[] = [];
  let winsA = 0, winsB = 0, ties = 0, inconsistent = 0, failed = 0;
  try {
    await forEachOrdered(
      pairs,
      Math.max(16, (options.concurrency ?? DEFAULT_CONCURRENCY) * 2),
      async ({ id, a, b }) => {
        const [abOrder, baOrder] = await Promise.all([
          verdict(id, pairwiseRequest(a.question, a.reference, a.answer, b.answer)),
          verdict(id, pairwiseRequest(a.question, a.reference, b.answer, a.answer)),
        ]);
        return { abOrder, baOrder };
      },
      ({ abOrder, baOrder }) => {
        if (abOrder === null || baOrder === null) {
          failed++;
          return;
        }
        // B's result in each order: B is answer 2 in the first, answer 1 in the second.
        const first = abOrder === '2' ? 1 : abOrder === '1' ? 0 : 0.5;
        const second = baOrder === '1' ? 1 : baOrder === '2' ? 0 : 0.5;
        if ((first === 1 && second === 0) || (first === 0 && second === 1)) inconsistent++;
        const score = (first + second) / 2;
        scores.push(score);
        if (score > 0.5) winsB++;
        else if (score < 0.5) winsA++;
        else ties++;
      },
    );
  } finally {
    scheduler.dispose();
  }
  const n = scores.length;
  const mean = (xs: readonly number[]) => (100 * xs.reduce((s, x) => s + x, 0)) / xs.length;
  return {
    judge: judge.id,
    promptId: PAIRWISE_PROMPT_ID,
    n,
    winsB,
    winsA,
    ties,
    inconsistent,
    failed,
    winRateB: n ? mean(scores) : null,
    ci95: n ? bootstrapInterval(scores, mean, { seed: deriveSeed(options.seed ?? 0, 'pairwise'), samples: options.bootstrapSamples ?? 1000 }) : null,
    p: n ? mcnemarExact(winsA, winsB) : null,
  };
}

/** One line for the terminal and reports. */
export function pairwiseText(r: PairwiseResult, a: string, b: string): string {
  if (r.winRateB === null) return `Pairwise judge ${r.judge}: no sample judged (${r.failed} without a usable verdict)`;
  const ci = r.ci95 ? ` [${r.ci95[0].toFixed(1)}, ${r.ci95[1].toFixed(1)}]` : '';
  const p = r.p === null ? '—' : r.p < 0.001 ? '< 0.001' : r.p.toFixed(3);
  return (
    `Pairwise judge ${r.judge} (${r.promptId}, both orders) on ${r.n} samples: win rate of ${b} over ${a} ${r.winRateB.toFixed(1)}%${ci}; ` +
    `${b} better ${r.winsB}, ${a} better ${r.winsA}, ties ${r.ties} (${r.inconsistent} where the two orders disagreed), p ${p}` +
    (r.failed ? `; ${r.failed} samples without a usable verdict` : '')
  );
}
