// `--judge SPEC` on a free-text task: the medical rubric (fluency, relevance, completeness, proficiency,
// 1–5) scores every Huatuo answer with one judge request per sample, a malformed reply is re-asked once
// (and a reply still malformed leaves the sample unscored, visible in n), means and intervals land in
// results.json like any metric, and a cached rerun sends nothing. Expected values are worked out here
// from the replies the judge server gives.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const N = 12;
/** The model's answer to question k (k = the position of the question in the run, from the request count). */
let model: OpenAIServer;
let judge: OpenAIServer;
// The judge scores by the answer's length class and misbehaves on purpose for two answers.
const scores = (answer: string) => {
  const n = [...answer].length % 5; // 0..4
  return { fluency: 5, relevance: 1 + n, completeness: 1 + ((n + 2) % 5), proficiency: 3 };
};
const judged: Array<{ answer: string; verdict: ReturnType<typeof scores> | null }> = [];

beforeAll(async () => {
  assertBuilt();
  // Answers of different lengths: "建议" followed by k "多" characters.
  model = await startOpenAIServer({ respond: (_messages, request) => `建议${'多'.repeat(request.n % 7)}休息。` });
  judge = await startOpenAIServer({
    respond: (messages) => {
      const user = messages[1]!.content;
      const answer = /【待评回答】\n([\s\S]*)$/.exec(user)![1]!;
      const retry = messages.length === 4;
      const verdict = scores(answer);
      // Answers of 5 characters: prose first, JSON after the re-ask. Answers of 7: never usable.
      if ([...answer].length === 7) return retry ? '还可以' : '整体不错';
      if ([...answer].length === 5 && !retry) return '这个回答比较简短。';
      return `好的。\n\`\`\`json\n${JSON.stringify(verdict)}\n\`\`\``;
    },
  });
});
afterAll(async () => {
  await model?.close();
  await judge?.close();
});

const env = { MEDEVAL_API_KEY: 'k', CI: 'true' };

describe('medeval run --task huatuo --judge', () => {
  it('scores every answer on the four aspects and their mean; a cached rerun asks nothing', async () => {
    const dir = await tempDir('medeval-rubric-');
    const args = ['run', '--task', 'huatuo', '--limit', String(N), '--model', `openai-compatible:${model.url}#m`, '--judge', `openai-compatible:${judge.url}#j`, '--cache', 'cache'];
    const result = await medeval([...args, '--out', 'run'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    const records = (await readFile(join(dir, 'run', 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(N);
    for (const r of records) {
      const answer: string = r.output;
      const verdict = [...answer].length === 7 ? null : scores(answer);
      judged.push({ answer, verdict });
    }
    const usable = judged.filter((j) => j.verdict !== null);
    const meanOf = (pick: (v: ReturnType<typeof scores>) => number) => usable.reduce((s, j) => s + pick(j.verdict!), 0) / usable.length;
    const results = JSON.parse(await readFile(join(dir, 'run', 'results.json'), 'utf8'));
    const rubric = `judge:openai-compatible:${judge.url}#j|rubric:cmb-clin-4d@1|scale:1-5|mean|v1`;
    for (const aspect of ['fluency', 'relevance', 'completeness', 'proficiency'] as const) {
      const value = results.metrics[`judge_${aspect}`];
      expect(value.n).toBe(usable.length);
      expect(value.value).toBeCloseTo(meanOf((v) => v[aspect]), 12);
      expect(value.signature).toBe(`judge_${aspect}|${rubric}`);
      expect(value.ci95[0]).toBeLessThanOrEqual(value.value);
    }
    expect(results.metrics.judge_mean.value).toBeCloseTo(meanOf((v) => (v.fluency + v.relevance + v.completeness + v.proficiency) / 4), 12);
    // Per-sample scores in the records; the unusable ones have none.
    for (const [k, r] of records.entries()) {
      expect(r.scores.judge_relevance).toBe(judged[k]!.verdict?.relevance ?? null);
    }
    // One request per answer, plus one re-ask for every 5- and 7-character answer.
    const reasked = judged.filter((j) => [5, 7].includes([...j.answer].length)).length;
    expect(reasked).toBeGreaterThan(0);
    expect(usable.length).toBeLessThan(N);
    expect(judge.requests).toHaveLength(N + reasked);
    // The BLEU/ROUGE metrics of the protocol are still there, untouched.
    expect(results.metrics.bleu4).toBeDefined();
    expect(result.stdout).toContain('judge_mean');

    const again = await medeval([...args, '--out', 'again'], { cwd: dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(judge.requests).toHaveLength(N + reasked);
    const rerun = JSON.parse(await readFile(join(dir, 'again', 'results.json'), 'utf8'));
    expect(rerun.metrics.judge_mean).toEqual(results.metrics.judge_mean);
  });
});
