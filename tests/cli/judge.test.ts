// `--judge SPEC` end to end: a model and a judge behind two loopback OpenAI-compatible servers. Every output
// the rules leave unparsed is sent to the judge (request counts exact), a malformed judge reply is re-asked
// once, answers are recorded with rule judge:<id>, a cached rerun sends nothing, and the papers' protocols
// refuse --judge with a usage error. The model also returns reasoning_content and think blocks.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer, type Reply } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const KEY = 'sk-judge-test-secret-7c1e9a4b2d8f6e3a5c0b';
const GOLD = ['A', 'B', 'C', 'D', 'E', 'AB', 'C', 'D', 'BE', 'A'];
const question = (i: number) => `第${i}题：下列哪项正确？`;
const csv =
  'Question,Options,Answer,Explanation\n' +
  GOLD.map((gold, i) => `"${question(i)}","A 甲${i}\nB 乙${i}\nC 丙${i}\nD 丁${i}\nE 戊${i}",${gold},"因为${gold}"\n`).join('');

// Outputs the rules cannot read (no letter, no option text): 1, 4 and 7. The judge answers 1, says null
// for 4, and first replies in prose for 7 (re-asked once, then answers).
const UNREADABLE = new Set([1, 4, 7]);
const indexIn = (text: string) => GOLD.findIndex((_, i) => text.includes(question(i)));

function modelReply(text: string): Reply {
  const i = indexIn(text);
  if (UNREADABLE.has(i)) return { content: '这道题我不太确定，需要更多信息才能判断。' };
  if (i === 2) return { content: `答案：${GOLD[i]}`, reasoning_content: '答案：A？再想想，应该选C。' };
  if (i === 5) return { content: `<think>答案：C？不对。</think>\n答案：${GOLD[i]}` };
  if (i === 8) return { content: '<think>先看B和E……', finish_reason: 'length' }; // cut off inside the trace
  return { content: `答案：${GOLD[i]}` };
}

function judgeReply(messages: Array<{ content: string }>): string {
  const i = indexIn(messages.map((m) => m.content).join('\n'));
  if (i === 4) return '{"answer": null}';
  if (i === 7 && messages.length === 2) return '我认为作答选的是B。';
  return `{"answer": "${GOLD[i]}"}`;
}

let model: OpenAIServer;
let judge: OpenAIServer;
let dir: string;
let data: string;
beforeAll(async () => {
  assertBuilt();
  model = await startOpenAIServer({ respond: (messages) => modelReply(messages.at(-1)!.content) });
  judge = await startOpenAIServer({ respond: (messages) => judgeReply(messages) });
  dir = await tempDir('medeval-judge-');
  data = join(dir, 'cmexam.csv');
  await writeFile(data, csv);
});
afterAll(async () => {
  await model?.close();
  await judge?.close();
});

const env = { MEDEVAL_API_KEY: KEY, CI: 'true' };
const judgeSpec = () => `openai-compatible:${judge.url}#judge-model`;
const records = async (out: string) => (await readFile(join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

describe('medeval run --judge', () => {
  it('sends exactly the unparsed outputs to the judge and records its answers; a cached rerun sends nothing', async () => {
    const out = join(dir, 'run');
    const cache = join(dir, 'cache');
    const args = ['run', '--task', 'cmexam', '--data', data, '--model', `openai-compatible:${model.url}#m`, '--judge', judgeSpec(), '--cache', cache, '--concurrency', '3'];
    const result = await medeval([...args, '--out', out], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(model.requests).toHaveLength(10);
    // 3 unparsed outputs + 1 re-ask after the prose reply; nothing for the 7 outputs the rules read.
    expect(judge.requests).toHaveLength(4);
    expect(judge.requests.map((r) => indexIn(r.messages.map((m) => m.content).join('\n'))).sort()).toEqual([1, 4, 7, 7]);
    expect(judge.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const reask = judge.requests.find((r) => r.messages.length === 4)!;
    expect(reask.messages[2]).toEqual({ role: 'assistant', content: '我认为作答选的是B。' });

    const rule = `judge:openai-compatible:${judge.url}#judge-model`;
    const byId = new Map((await records(out)).map((r) => [r.id, r]));
    expect(byId.get('1')).toMatchObject({ status: 'ok', prediction: 'B', extraction: { rule, span: '{"answer": "B"}' } });
    expect(byId.get('4')).toMatchObject({ status: 'unparsed', prediction: null, extraction: { rule, span: '{"answer": null}' } });
    expect(byId.get('7')).toMatchObject({ status: 'ok', prediction: 'D', extraction: { rule, span: '{"answer": "D"}' } });
    expect(byId.get('2')).toMatchObject({ status: 'ok', prediction: 'C', reasoning: '答案：A？再想想，应该选C。' });
    expect(byId.get('2').output).toBe('答案：C');
    // The answer after the think block is scored; the block is the record's reasoning, never read.
    expect(byId.get('5')).toMatchObject({ status: 'ok', prediction: 'AB', reasoning: '答案：C？不对。' });
    expect(byId.get('5').extraction.rule).not.toMatch(/^judge:/);
    expect(byId.get('5').extraction.span).toContain('AB');
    // Cut off inside the trace: truncated, never sent to the judge.
    expect(byId.get('8')).toMatchObject({ status: 'truncated', prediction: null, reasoning: '先看B和E……' });

    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.counts).toMatchObject({ samples: 10, scored: 8, unparsed: 1, truncated: 1, errors: 0 });
    expect(results.metrics.accuracy.value).toBeCloseTo(80, 9);
    expect(results.extraction.examples.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([['4', 'unparsed'], ['8', 'truncated']]);
    expect(results.protocol.signature).toMatch(/^medeval:standard@/);
    expect(results.protocol.signature.endsWith(`|judge:openai-compatible:${judge.url}#judge-model|judge-prompt:cmexam-judge@1`)).toBe(true);
    expect(results.extraction.judge).toEqual({ model: `openai-compatible:${judge.url}#judge-model`, promptId: 'cmexam-judge@1', asked: 3, answered: 2, failed: 0 });
    expect(results.extraction.rules[rule]).toBe(3);
    expect(result.stderr).toContain(`note: judge openai-compatible:${judge.url}#judge-model read 3 unparsed outputs: 2 answered, 1 with no answer, 0 without a usable reply`);
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Answer extraction');
    expect(md).toContain(`| \`${rule}\` | 3 | 30.0% |`);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<h2>Answer extraction</h2>');
    for (const file of await readdir(out)) expect(await readFile(join(out, file), 'utf8')).not.toContain(KEY);

    const again = await medeval([...args, '--out', join(dir, 'rerun')], { cwd: dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(model.requests).toHaveLength(10);
    expect(judge.requests).toHaveLength(4);
    const rerun = JSON.parse(await readFile(join(dir, 'rerun', 'results.json'), 'utf8'));
    expect(rerun.counts).toEqual(results.counts);
    expect((await records(join(dir, 'rerun'))).map((r) => [r.id, r.status, r.prediction, r.extraction])).toEqual(
      (await records(out)).map((r) => [r.id, r.status, r.prediction, r.extraction]),
    );
  });

  it('refuses --judge on the answer task under the papers\' protocols, and without --task (usage error, nothing asked)', async () => {
    const before = { model: model.requests.length, judge: judge.requests.length };
    for (const protocol of ['cmexam-paper', 'cmexam-gpt']) {
      const result = await medeval(['run', '--task', 'cmexam', '--data', data, '--protocol', protocol, '--model', `openai-compatible:${model.url}#m`, '--judge', judgeSpec(), '--out', join(dir, protocol)], { cwd: dir, env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--judge: task cmexam under protocol ${protocol} takes no judge`);
    }
    const noTask = await medeval(['run', '--judge', judgeSpec()], { cwd: dir, env });
    expect(noTask.code).toBe(2);
    expect(noTask.stderr).toContain('--judge needs --task');
    const badSpec = await medeval(['run', '--task', 'cmexam', '--data', data, '--model', `openai-compatible:${model.url}#m`, '--judge', 'gpt4', '--out', join(dir, 'bad')], { cwd: dir, env });
    expect(badSpec.code).toBe(2);
    expect(badSpec.stderr).toContain('--judge: model spec "gpt4"');
    expect({ model: model.requests.length, judge: judge.requests.length }).toEqual(before);
  });
});

describe('medeval score --judge', () => {
  it('asks the judge about unparsed predictions only; predictions may carry reasoning', async () => {
    const predictions = join(dir, 'predictions.jsonl');
    const lines = GOLD.map((_, i) => ({ id: String(i), output: modelReply(question(i)).content, ...(i === 0 ? { reasoning: '先排除E' } : {}) }));
    await writeFile(predictions, lines.map((l) => JSON.stringify(l)).join('\n'));
    const before = judge.requests.length;
    const out = join(dir, 'scored');
    const result = await medeval(['score', '--task', 'cmexam', '--data', data, '--predictions', predictions, '--judge', judgeSpec(), '--out', out], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(judge.requests.length - before).toBe(4);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.counts).toMatchObject({ scored: 8, unparsed: 1, truncated: 1 });
    expect(results.extraction.judge).toMatchObject({ asked: 3, answered: 2 });
    expect((await records(out))[0]).toMatchObject({ status: 'ok', prediction: 'A', reasoning: '先排除E' });

    const paper = await medeval(['score', '--task', 'cmexam', '--protocol', 'cmexam-paper', '--data', data, '--predictions', predictions, '--judge', judgeSpec(), '--out', join(dir, 'p')], { cwd: dir, env });
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('--judge: task cmexam under protocol cmexam-paper takes no judge');
    const cacheOnly = await medeval(['score', '--task', 'cmexam', '--data', data, '--predictions', predictions, '--cache', join(dir, 'c'), '--out', join(dir, 'q')], { cwd: dir, env });
    expect(cacheOnly.code).toBe(2);
    expect(cacheOnly.stderr).toContain('--cache is for the judge');
  });
});
