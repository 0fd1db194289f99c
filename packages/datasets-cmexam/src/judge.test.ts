import { describe, expect, it } from 'vitest';
import { cmexam } from './index.js';
import { clipForJudge, JUDGE_PROMPT_ID, judgeRequest, readJudgeAnswer } from './judge.js';
import type { CmexamSample } from './schema.js';

// Four options, A–D: a letter E is not among them.
const sample: CmexamSample = {
  id: '0',
  input: {
    question: '二尖瓣狭窄最常见的病因是',
    options: [
      { letter: 'A', text: '风湿热' },
      { letter: 'B', text: '先天性畸形' },
      { letter: 'C', text: '老年退行性变' },
      { letter: 'D', text: '感染性心内膜炎' },
    ],
    optionsText: 'A 风湿热\nB 先天性畸形\nC 老年退行性变\nD 感染性心内膜炎',
  },
  target: { answer: 'A', explanation: '' },
  meta: {},
};

describe('readJudgeAnswer', () => {
  it('reads letters (sorted) or null, and keeps the JSON as the span', () => {
    expect(readJudgeAnswer('{"answer": "A"}', sample)).toEqual({ prediction: 'A', span: '{"answer": "A"}' });
    expect(readJudgeAnswer('{"answer": "DB"}', sample)).toEqual({ prediction: 'BD', span: '{"answer": "DB"}' });
    expect(readJudgeAnswer('{"answer": "a, c"}', sample)).toEqual({ prediction: 'AC', span: '{"answer": "a, c"}' });
    expect(readJudgeAnswer('{"answer": null}', sample)).toEqual({ prediction: null, span: '{"answer": null}' });
  });
  it('finds the JSON in a fenced block, after prose, or after a think block', () => {
    expect(readJudgeAnswer('```json\n{"answer": "C"}\n```', sample)).toMatchObject({ prediction: 'C' });
    expect(readJudgeAnswer('结论如下：{"answer": "B"}。', sample)).toMatchObject({ prediction: 'B', span: '{"answer": "B"}' });
    expect(readJudgeAnswer('<think>作答写的是 {"answer": "D"} 吗</think>{"answer": "A"}', sample)).toMatchObject({ prediction: 'A' });
    expect(readJudgeAnswer('{"answer": "C"}（依据：作答最后写了 {选C}）', sample)).toMatchObject({ prediction: 'C', span: '{"answer": "C"}' });
  });
  it('says why a reply is malformed', () => {
    expect(readJudgeAnswer('答案是A', sample)).toEqual({ malformed: 'no JSON object in the reply' });
    expect(readJudgeAnswer('{"answer": A}', sample)).toMatchObject({ malformed: expect.stringMatching(/^not valid JSON/) });
    expect(readJudgeAnswer('{"choice": "A"}', sample)).toEqual({ malformed: 'expected {"answer": "<letters>" | null}' });
    expect(readJudgeAnswer('{"answer": 3}', sample)).toEqual({ malformed: 'expected {"answer": "<letters>" | null}' });
    expect(readJudgeAnswer('{"answer": "E"}', sample)).toEqual({ malformed: 'answer "E": E is not an option (A, B, C, D)' });
    expect(readJudgeAnswer('{"answer": "风湿热"}', sample)).toEqual({ malformed: 'answer "风湿热": expected option letters' });
    expect(readJudgeAnswer('{"answer": ""}', sample)).toEqual({ malformed: 'answer "": expected option letters' });
    expect(readJudgeAnswer('{"answer": "AA"}', sample)).toEqual({ malformed: 'answer "AA": a letter repeats' });
  });
});

describe('judgeRequest', () => {
  it('shows the question, the options and the output without its reasoning block, at temperature 0', () => {
    const request = judgeRequest('<think>先考虑B</think>因此最可能的病因是风湿热。', sample);
    expect(request.temperature).toBe(0);
    const text = request.messages.map((m) => m.content).join('\n');
    expect(text).toContain('题目：二尖瓣狭窄最常见的病因是');
    expect(text).toContain('A 风湿热\nB 先天性畸形');
    expect(text).toContain('<<<\n因此最可能的病因是风湿热。\n>>>');
    expect(text).not.toContain('先考虑B');
    expect(text).toContain('{"answer": null}');
  });
  it('cuts very long outputs to their start and end', () => {
    const clipped = clipForJudge(`开头${'重复'.repeat(3000)}最终选A`);
    expect(clipped.startsWith('开头')).toBe(true);
    expect(clipped.endsWith('最终选A')).toBe(true);
    expect(clipped).toMatch(/……（中间省略 \d+ 字）……/);
  });
});

describe('the tasks offer the judge only under standard', () => {
  it('answer and joint tasks have it under standard; the paper protocols and the explanation task do not', () => {
    expect(cmexam.answer().judge?.promptId).toBe(JUDGE_PROMPT_ID);
    expect(cmexam.joint().judge?.promptId).toBe(JUDGE_PROMPT_ID);
    expect(cmexam.answer({ protocol: 'cmexam-paper' }).judge).toBeUndefined();
    expect(cmexam.answer({ protocol: 'cmexam-gpt' }).judge).toBeUndefined();
    expect(cmexam.joint({ protocol: 'cmexam-paper' }).judge).toBeUndefined();
    expect(cmexam.explanation().judge).toBeUndefined();
  });
  it('the joint judge keeps the explanation the rules read', () => {
    const judge = cmexam.joint().judge!;
    const parsed = { prediction: { answer: null, explanation: '风湿热最常见' }, status: 'unparsed' as const };
    expect(judge.read('{"answer": "A"}', sample, parsed)).toEqual({ prediction: { answer: 'A', explanation: '风湿热最常见' }, span: '{"answer": "A"}' });
    expect(judge.read('{"answer": null}', sample, parsed)).toEqual({ prediction: null, span: '{"answer": null}' });
  });
});
