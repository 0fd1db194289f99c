import { describe, expect, it } from 'vitest';
import { memoryCache } from '../cache/cache.js';
import { fromFunction } from '../models/from-function.js';
import type { EvalRecord, ModelRequest, TaskJudge } from '../types.js';
import { toySample, toyTask } from '../../../../tests/engine/fixtures/toy-task.mjs';
import { evaluate } from './evaluate.js';
import { score } from './score.js';

type Toy = ReturnType<typeof toySample>;

// The toy task's answers: sample i is asked "Q<i>"; its gold letter is "ABCDE"[i % 5].
// The model: 0, 5 unreadable (judge answers); 1 unreadable (judge says null); 2 unreadable (judge replies
// malformed, then right); 3 empty; 4 cut off at max_tokens; 6.. plain right letters.
function modelReply(i: number) {
  if (i === 0 || i === 1 || i === 2 || i === 5) return { text: `我觉得第${i}题不好说` };
  if (i === 3) return { text: '  ' };
  if (i === 4) return { text: '先看选项', finishReason: 'length' };
  return { text: 'ABCDE'[i % 5]! };
}

const toyJudge: TaskJudge<Toy, string> = {
  promptId: 'toy-judge@1',
  request: (output, sample) => ({ messages: [{ role: 'user', content: `J${sample.id}|${output}` }], temperature: 0 }),
  read: (reply) => {
    const m = /^\{"answer": ?(null|"([A-E])")\}$/.exec(reply.trim());
    if (!m) return { malformed: 'not {"answer": …}' };
    return { prediction: m[2] ?? null, span: reply.trim() };
  },
  retry: (problem) => `retry: ${problem}`,
};

function judgeTask(n: number) {
  return { ...toyTask(n), judge: toyJudge };
}

function judgeModel(log: ModelRequest[]) {
  return fromFunction(
    (request) => {
      log.push(request);
      const [head] = request.messages[0]!.content.split('|');
      const i = Number(head!.slice(1));
      if (i === 1) return '{"answer": null}';
      if (i === 2 && request.messages.length === 1) return 'The answer is C.';
      return `{"answer": "${'ABCDE'[i % 5]}"}`;
    },
    { id: 'toy-judge-model' },
  );
}

const model = fromFunction((request) => modelReply(Number(/Q(\d+)/.exec(request.messages.at(-1)!.content)![1])), { id: 'toy-model' });

async function run(options: { cache?: ReturnType<typeof memoryCache>; log: ModelRequest[]; n?: number }) {
  const records: EvalRecord[] = [];
  const result = await evaluate({
    task: judgeTask(options.n ?? 10),
    model,
    judge: judgeModel(options.log),
    bootstrapSamples: 20,
    ...(options.cache ? { cache: options.cache } : {}),
    out: { write: (r) => void records.push(r), finish: async () => {} },
  });
  return { result, records };
}

describe('the judge fallback in evaluate()', () => {
  it('asks only about unparsed outputs, re-asks a malformed reply once, and records rule judge:<id>', async () => {
    const log: ModelRequest[] = [];
    const { result, records } = await run({ log });
    // 4 unparsed outputs (0, 1, 2, 5) + 1 re-ask for sample 2; never the empty (3), truncated (4) or ok ones.
    expect(log.map((r) => r.messages[0]!.content.split('|')[0]).sort()).toEqual(['J0', 'J1', 'J2', 'J2', 'J5']);
    const reask = log.find((r) => r.messages.length === 3)!;
    expect(reask.messages.slice(1)).toEqual([
      { role: 'assistant', content: 'The answer is C.' },
      { role: 'user', content: 'retry: not {"answer": …}' },
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get('0')).toMatchObject({ status: 'ok', prediction: 'A', extraction: { rule: 'judge:toy-judge-model', span: '{"answer": "A"}' }, scores: { accuracy: 1 } });
    expect(byId.get('1')).toMatchObject({ status: 'unparsed', prediction: null, extraction: { rule: 'judge:toy-judge-model', span: '{"answer": null}' } });
    expect(byId.get('2')).toMatchObject({ status: 'ok', prediction: 'C', extraction: { rule: 'judge:toy-judge-model', span: '{"answer": "C"}' } });
    expect(byId.get('3')).toMatchObject({ status: 'empty' });
    expect(byId.get('4')).toMatchObject({ status: 'truncated' });
    expect(byId.get('5')).toMatchObject({ status: 'ok', prediction: 'A' });
    expect(result.counts).toEqual({ samples: 10, scored: 3 + 4, unparsed: 1, empty: 1, truncated: 1, errors: 0 });
    expect(result.extraction?.rules).toEqual({ 'judge:toy-judge-model': 4 });
    expect(result.extraction?.judge).toEqual({ model: 'toy-judge-model', promptId: 'toy-judge@1', asked: 4, answered: 3, failed: 0 });
    expect(result.protocol.signature).toBe('toy|strict|v1|judge:toy-judge-model|judge-prompt:toy-judge@1');
  });

  it('a cached rerun sends nothing and gives the same records', async () => {
    const cache = memoryCache();
    const first = await run({ cache, log: [] });
    const log: ModelRequest[] = [];
    const second = await run({ cache, log });
    expect(log).toHaveLength(0);
    expect(second.records.map((r) => [r.status, r.prediction, r.extraction])).toEqual(first.records.map((r) => [r.status, r.prediction, r.extraction]));
  });

  it('a judge that never gives a usable reply (or fails) leaves the output unparsed', async () => {
    const calls: string[] = [];
    const prose = fromFunction((request) => (calls.push(request.messages[0]!.content), 'C'), { id: 'chatty' });
    const failing = fromFunction(() => { throw Object.assign(new Error('bad request'), { status: 400 }); }, { id: 'down' });
    for (const judge of [prose, failing]) {
      const records: EvalRecord[] = [];
      const result = await evaluate({ task: judgeTask(3), model, judge, bootstrapSamples: 20, maxAttempts: 1, out: { write: (r) => void records.push(r), finish: async () => {} } });
      expect(records.map((r) => r.status)).toEqual(['unparsed', 'unparsed', 'unparsed']);
      expect(records[0]!.extraction).toEqual({ rule: `judge:${judge.id}`, span: null });
      expect(result.extraction?.judge).toMatchObject({ asked: 3, answered: 0, failed: 3 });
    }
    expect(calls).toHaveLength(6); // each asked twice: once, and the one re-ask
  });

  it('changes the config hash; without a judge nothing is asked and the signature is the task\'s', async () => {
    const log: ModelRequest[] = [];
    const judged = await run({ log, n: 3 });
    const plain = await evaluate({ task: judgeTask(3), model, bootstrapSamples: 20 });
    expect(plain.protocol.signature).toBe('toy|strict|v1');
    expect(plain.extraction).toMatchObject({ rules: {} }); // the toy parser names no rule; unreadable examples are kept
    expect(plain.extraction?.judge).toBeUndefined();
    expect(plain.manifest.configHash).not.toBe(judged.result.manifest.configHash);
  });

  it('refuses a judge for a task without a judge fallback', async () => {
    await expect(evaluate({ task: toyTask(2), model, judge: judgeModel([]) })).rejects.toThrow(
      /evaluate\(\): invalid options:\n {2}- judge: task "toy-mcq" under protocol "toy" has no judge fallback/,
    );
    await expect(score({ task: toyTask(2), predictions: { name: 'p', text: '' }, judge: judgeModel([]) })).rejects.toThrow(/score\(\): invalid options:\n {2}- judge: /);
  });
});

describe('the judge fallback in score()', () => {
  it('asks about the unparsed predictions through its own scheduler and cache', async () => {
    const cache = memoryCache();
    const text = [0, 1, 2, 6].map((i) => JSON.stringify({ id: String(i), output: modelReply(i).text })).join('\n');
    const log: ModelRequest[] = [];
    const out = await score({ task: judgeTask(7), predictions: { name: 'p.jsonl', text }, judge: judgeModel(log), cache, bootstrapSamples: 20 });
    expect(log).toHaveLength(4); // 0, 1, 2 and the re-ask of 2
    expect(out.counts).toMatchObject({ scored: 3, unparsed: 1, errors: 3 });
    expect(out.extraction?.judge).toMatchObject({ asked: 3, answered: 2 });
    const again: ModelRequest[] = [];
    await score({ task: judgeTask(7), predictions: { name: 'p.jsonl', text }, judge: judgeModel(again), cache, bootstrapSamples: 20 });
    expect(again).toHaveLength(0);
  });
});
