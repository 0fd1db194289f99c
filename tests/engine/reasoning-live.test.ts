// A reasoning model behind a loopback OpenAI-compatible server: `reasoning_content` beside the answer, a
// `<think>` block inside it, and a trace cut off by max_tokens. Records keep the reasoning and the rule
// that read the answer; only the text after the block is scored; a cached rerun asks nothing and keeps it all.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, openaiCompatible, splitReasoning, type EvalRecord, type Parsed } from '@medeval/core';
import { readRunFolder } from '@medeval/core/node';
import { startOpenAIServer, type OpenAIServer, type Reply } from '../helpers/openai-server.js';
import { toyTask } from './fixtures/toy-task.mjs';

let dir: string;
let server: OpenAIServer | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-reasoning-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function recordsOf(folder: string): Promise<EvalRecord[]> {
  const records: EvalRecord[] = [];
  for await (const record of (await readRunFolder(folder)).records()) records.push(record);
  return records;
}

// The toy task with a parser that strips think blocks and names its rule, as the standard CMExam one does.
function reasoningToyTask(n: number) {
  const task = toyTask(n);
  return {
    ...task,
    parse: (output: string): Parsed<string> => {
      const split = splitReasoning(output);
      const reasoning = split.reasoning !== undefined ? { reasoning: split.reasoning } : {};
      if (split.truncated) return { prediction: null, status: 'truncated', extraction: { rule: 'none', span: null }, ...reasoning };
      const match = /答案[:：]\s*([A-E])/.exec(split.text);
      if (!match) return { prediction: null, status: split.text.trim() === '' ? 'empty' : 'unparsed', extraction: { rule: 'none', span: null }, ...reasoning };
      return { prediction: match[1]!, status: 'ok', extraction: { rule: 'answer-statement', span: match[0] }, ...reasoning };
    },
  };
}

// Sample i's gold letter is "ABCDE"[i % 5]. Every reply argues for a wrong letter first.
function reply(question: string): Reply {
  const i = Number(/Q(\d+)/.exec(question)![1]);
  const gold = 'ABCDE'[i % 5]!;
  const wrong = 'ABCDE'[(i + 1) % 5]!;
  switch (i % 4) {
    case 0: // server-side reasoning parser (DeepSeek, vLLM): reasoning_content names the wrong letter
      return { content: `答案：${gold}`, reasoning_content: `答案：${wrong}？再想想。` };
    case 1: // think block inside the content (R1-style template through a plain server)
      return { content: `<think>答案：${wrong}，不对。</think>\n答案：${gold}` };
    case 2: // OpenRouter-style `reasoning`, cut off by max_tokens before any answer
      return { content: null, reasoning: `先看${wrong}……`, finish_reason: 'length' };
    default: // an unclosed think block: cut off inside the trace
      return { content: `<think>答案：${gold}吗？`, finish_reason: 'length' };
  }
}

describe('a reasoning model behind a loopback server', () => {
  it('records reasoning and extraction, scores the answer after the block, counts truncation; a cached rerun sends nothing', async () => {
    server = await startOpenAIServer({ respond: (messages) => reply(messages.at(-1)!.content) });
    const model = openaiCompatible({ baseURL: server.url, model: 'r1-like' });
    const cache = join(dir, 'cache');
    const out = join(dir, 'run');
    const result = await evaluate({ task: reasoningToyTask(8), model, cache, out, bootstrapSamples: 50 });
    expect(server.requests).toHaveLength(8);
    expect(result.counts).toEqual({ samples: 8, scored: 4, unparsed: 0, empty: 0, truncated: 4, errors: 0 });
    expect(result.metrics.accuracy!.value).toBe(50); // every answer after the reasoning is right; the 4 cut-off ones are wrong

    const records = await recordsOf(out);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get('0')).toMatchObject({ status: 'ok', prediction: 'A', output: '答案：A', reasoning: '答案：B？再想想。', extraction: { rule: 'answer-statement', span: '答案：A' } });
    expect(byId.get('1')).toMatchObject({ status: 'ok', prediction: 'B', reasoning: '答案：C，不对。', extraction: { rule: 'answer-statement', span: '答案：B' } });
    expect(byId.get('1')!.output).toBe('<think>答案：C，不对。</think>\n答案：B'); // the raw output is kept as sent
    expect(byId.get('2')).toMatchObject({ status: 'truncated', prediction: null, output: '', reasoning: '先看D……' });
    expect(byId.get('3')).toMatchObject({ status: 'truncated', prediction: null, reasoning: '答案：D吗？', extraction: { rule: 'none', span: null } });

    const again = await evaluate({ task: reasoningToyTask(8), model, cache, out: join(dir, 'rerun'), bootstrapSamples: 50 });
    expect(server.requests).toHaveLength(8);
    expect(again.counts).toEqual(result.counts);
    const rerun = await recordsOf(join(dir, 'rerun'));
    expect(rerun.map((r) => ({ ...r, cached: false, attempts: 0 }))).toEqual(records.map((r) => ({ ...r, cached: false, attempts: 0 })));
    expect(rerun.every((r) => r.cached)).toBe(true);
  });
});
