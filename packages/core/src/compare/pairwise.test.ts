import { describe, expect, it } from 'vitest';
import { fromFunction } from '../models/from-function.js';
import { memoryCache } from '../cache/cache.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import type { EvalRecord, ModelRequest } from '../types.js';
import { comparePairwise, readPairwiseVerdict } from './pairwise.js';

const record = (id: string, output: string, status: EvalRecord['status'] = 'ok'): EvalRecord => ({
  id, target: '参考', output, prediction: output, status, scores: {}, items: {}, meta: {}, cached: false, input: `问题${id}`,
});
async function* stream(records: EvalRecord[]) {
  yield* records;
}

// Sample 0: B right, A wrong. Sample 1: A right. Sample 2: both right (judge says tie). Sample 3: the judge
// always picks answer 1 (position bias): the two orders disagree, which cancels to a tie. Sample 4: A failed.
const A = [record('0', '错'), record('1', '正确'), record('2', '正确'), record('3', '甲'), record('4', '', 'error')];
const B = [record('0', '正确'), record('1', '错'), record('2', '正确'), record('3', '乙'), record('4', '正确')];

function judge() {
  const requests: ModelRequest[] = [];
  let malformedOnce = true;
  const model = fromFunction((request) => {
    requests.push(request);
    const text = request.messages[1]!.content;
    const first = /【回答1】\n(.*)\n\n【回答2】/s.exec(text)![1]!;
    const second = /【回答2】\n(.*)$/s.exec(text)![1]!;
    if (/问题3/.test(text)) return '{"better": "1"}';
    if (/问题2/.test(text) && malformedOnce && request.messages.length === 2) {
      malformedOnce = false;
      return '两个都好';
    }
    if (first === second) return '{"better": "tie"}';
    return first === '正确' ? '{"better": "1"}' : '```json\n{"better": 2}\n```';
  }, { id: 'test:judge' });
  return { model, requests };
}

describe('comparePairwise', () => {
  it('judges each common sample in both orders and cancels position bias', async () => {
    const { model, requests } = judge();
    const r = await comparePairwise({ a: { name: 'A', records: stream(A) }, b: { name: 'B', records: stream(B) }, judge: model });
    // 4 samples × 2 orders, plus one re-ask of the malformed reply.
    expect(requests).toHaveLength(9);
    expect(r).toMatchObject({ judge: 'test:judge', promptId: 'pairwise-clin@1', n: 4, winsB: 1, winsA: 1, ties: 2, inconsistent: 1, failed: 0 });
    // Scores of B: 1, 0, ½, ½ → 50 %.
    expect(r.winRateB).toBe(50);
    expect(r.p).toBe(mcnemarExact(1, 1));
    expect(r.ci95![0]).toBeLessThanOrEqual(50);
  });

  it('a cached rerun asks nothing', async () => {
    const cache = memoryCache();
    const first = judge();
    await comparePairwise({ a: { name: 'A', records: stream(A) }, b: { name: 'B', records: stream(B) }, judge: first.model, cache });
    const second = judge();
    const again = await comparePairwise({ a: { name: 'A', records: stream(A) }, b: { name: 'B', records: stream(B) }, judge: second.model, cache });
    expect(second.requests).toHaveLength(0);
    expect(again.winRateB).toBe(50);
  });

  it('reads verdicts as "1", "2" or "tie" (numbers too), and names what is wrong', () => {
    expect(readPairwiseVerdict('<think>…</think>{"better": 2}')).toEqual({ better: '2' });
    expect(readPairwiseVerdict('{"better": "A"}')).toEqual({ problem: 'better must be "1", "2" or "tie"' });
    expect(readPairwiseVerdict('好')).toEqual({ problem: 'no JSON object in the reply' });
  });
});
