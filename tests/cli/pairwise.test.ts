// `medeval compare A B --pairwise-judge SPEC`: two offline Huatuo runs (BM25 and random answers) judged by a
// loopback judge that prefers the longer answer. The win rate is worked out here from the two runs' records.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let judge: OpenAIServer;
let cwd: string;
beforeAll(async () => {
  assertBuilt();
  judge = await startOpenAIServer({
    respond: (messages) => {
      const text = messages[1]!.content;
      const first = /【回答1】\n([\s\S]*?)\n\n【回答2】/.exec(text)![1]!;
      const second = /【回答2】\n([\s\S]*)$/.exec(text)![1]!;
      const [x, y] = [[...first].length, [...second].length];
      return `{"better": "${x === y ? 'tie' : x > y ? '1' : '2'}"}`;
    },
  });
  cwd = await tempDir('medeval-pairwise-');
  for (const [out, model] of [['a', 'baseline:bm25'], ['b', 'baseline:random']]) {
    const r = await medeval(['run', '--task', 'huatuo', '--model', model!, '--out', out!, '--quiet'], { cwd });
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(async () => {
  await judge?.close();
});

const records = async (dir: string) => (await readFile(join(cwd, dir, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

describe('medeval compare --pairwise-judge', () => {
  it('reports the win rate of B over A from both orders, and its sign test', async () => {
    const result = await medeval(['compare', 'a', 'b', '--pairwise-judge', `openai-compatible:${judge.url}#judge`, '--json'], { cwd, env: { MEDEVAL_API_KEY: 'k' } });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const [ra, rb] = [await records('a'), await records('b')];
    const byId = new Map(ra.map((r) => [r.id, r]));
    let wins = 0, losses = 0, ties = 0;
    for (const r of rb) {
      const other = byId.get(r.id);
      const [la, lb] = [[...String(other.prediction ?? other.output)].length, [...String(r.prediction ?? r.output)].length];
      if (lb > la) wins++;
      else if (lb < la) losses++;
      else ties++;
    }
    expect(json.pairwise).toMatchObject({ n: rb.length, winsB: wins, winsA: losses, ties, inconsistent: 0, failed: 0 });
    expect(json.pairwise.winRateB).toBeCloseTo((100 * (wins + ties / 2)) / rb.length, 10);
    expect(judge.requests).toHaveLength(2 * rb.length);
    expect(json.n).toBe(rb.length); // the paired metrics are still there
  });

  it('is refused for the answer task, and for three runs', async () => {
    for (const out of ['c', 'd']) expect((await medeval(['run', '--task', 'cmexam', '--model', 'baseline:random', '--out', out, '--quiet'], { cwd })).code).toBe(0);
    const mcq = await medeval(['compare', 'c', 'd', '--pairwise-judge', `openai-compatible:${judge.url}#judge`], { cwd, env: { MEDEVAL_API_KEY: 'k' } });
    expect(mcq.code).toBe(2);
    expect(mcq.stderr).toContain('--pairwise-judge is for free-text tasks');
    await cp(join(cwd, 'a'), join(cwd, 'a2'), { recursive: true });
    const three = await medeval(['compare', 'a', 'b', 'a2', '--pairwise-judge', `openai-compatible:${judge.url}#judge`], { cwd, env: { MEDEVAL_API_KEY: 'k' } });
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('--pairwise-judge compares exactly two runs, got 3');
  });
});
