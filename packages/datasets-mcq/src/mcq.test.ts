// loadMcq on small hand-written files (labelled as such) in each accepted shape, its errors, and the task.
import { describe, expect, it } from 'vitest';
import { evaluate, fromFunction } from '@medeval/core';
import { loadMcq, mcq, randomMcqBaseline, type McqSample } from './index.js';

const file = (name: string, text: string) => ({ name, text });
async function all(data: ReturnType<typeof file>, options = {}): Promise<McqSample[]> {
  const out: McqSample[] = [];
  for await (const s of loadMcq(data, options).samples()) out.push(s);
  return out;
}

describe('loadMcq: the accepted shapes (hand-written examples)', () => {
  it('JSON Lines with options as an object, a list, answers as strings, lists and "A,C"', async () => {
    const samples = await all(
      file('exam.jsonl', [
        JSON.stringify({ question: '高血压首选检查？', options: { A: '血压测量', B: '心电图', C: '胸片' }, answer: 'A', subject: '内科' }),
        JSON.stringify({ question: '以下属于抗生素的是？', options: ['青霉素', '阿司匹林', '头孢', '布洛芬'], answer: ['A', 'C'], subject: '药理' }),
        '',
        JSON.stringify({ id: 'q9', question: '哪些正确？', options: { a: '甲', b: '乙' }, answer: 'b, a' }),
      ].join('\n')),
      { sliceBy: ['subject'] },
    );
    expect(samples.map((s) => [s.id, s.target.answer, s.input.options.map((o) => o.letter).join(''), s.meta])).toEqual([
      ['0', 'A', 'ABC', { subject: '内科' }],
      ['1', 'AC', 'ABCD', { subject: '药理' }],
      ['q9', 'AB', 'AB', {}],
    ]);
    expect(samples[1]!.input.optionsText).toBe('A 青霉素\nB 阿司匹林\nC 头孢\nD 布洛芬');
  });

  it('CSV with one column per letter and renamed columns; JSON arrays', async () => {
    const csv = await all(file('exam.csv', '题目,A,B,C,D,答案,year\n"糖尿病诊断标准，\n空腹血糖≥？",6.1,7.0,11.1,5.6,B,2021\n'), { columns: { question: '题目', answer: '答案' }, sliceBy: ['year'] });
    expect(csv[0]).toMatchObject({ input: { question: '糖尿病诊断标准，\n空腹血糖≥？' }, target: { answer: 'B' }, meta: { year: '2021' } });
    expect(csv[0]!.input.options).toHaveLength(4);
    const json = await all(file('exam.json', JSON.stringify([{ question: 'Q', options: ['x', 'y'], answer: 'B' }])));
    expect(json[0]!.target.answer).toBe('B');
  });

  it('names the file, the line and the problem', async () => {
    await expect(all(file('a.jsonl', '{"question":"Q","options":["x","y"],"answer":"C"}'))).rejects.toThrow('a.jsonl:1: answer "C" names C, not among the options AB');
    await expect(all(file('b.jsonl', '\n{"question":"Q","options":["x"],"answer":"A"}'))).rejects.toThrow('b.jsonl:2: 1 options; a question has 2 to 10');
    await expect(all(file('c.jsonl', '{"question":"","options":["x","y"],"answer":"A"}'))).rejects.toThrow('c.jsonl:1: "question" is missing or empty');
    await expect(all(file('d.jsonl', '{"question":"Q","options":["x","y"]}\n'))).rejects.toThrow('d.jsonl:1: the answer is missing');
    await expect(all(file('e.jsonl', '{oops'))).rejects.toThrow(/e\.jsonl:1: not valid JSON/);
    await expect(all(file('f.csv', 'question,A,B,answer\nQ,x,y\n'))).rejects.toThrow('f.csv:2: 3 fields, the header has 4');
    const dup = '{"id":"1","question":"Q","options":["x","y"],"answer":"A"}\n{"id":"1","question":"R","options":["x","y"],"answer":"B"}';
    await expect(all(file('g.jsonl', dup))).rejects.toThrow('g.jsonl:2: id "1" was already used on line 1');
  });
});

describe('the mcq task', () => {
  it('reads answers with the standard extractor and scores single and multi-answer questions', async () => {
    const data = file('exam.jsonl', [
      JSON.stringify({ question: 'Q1', options: ['甲', '乙', '丙'], answer: 'B', subject: 's1' }),
      JSON.stringify({ question: 'Q2', options: ['甲', '乙', '丙', '丁'], answer: 'AD', subject: 's2' }),
      JSON.stringify({ question: 'Q3', options: ['甲', '乙'], answer: 'A', subject: 's1' }),
    ].join('\n'));
    const answers: Record<string, string> = { Q1: '分析后，答案：B', Q2: '答案：AD', Q3: '我不确定' };
    const model = fromFunction((_r, { sample }) => answers[(sample as McqSample).input.question]!, { id: 'test:m' });
    const task = mcq({ sliceBy: ['subject'] });
    const result = await evaluate({ task: { ...task, dataset: loadMcq(data, { sliceBy: ['subject'] }) }, model });
    expect(result.metrics.accuracy!.value).toBeCloseTo((100 * 2) / 3, 10);
    expect(result.counts).toMatchObject({ scored: 2, unparsed: 1 });
    expect(Object.keys(result.slices.subject!)).toEqual(['s1', 's2']);
  });

  it('the random baseline picks one of the question\'s own letters', async () => {
    const data = file('exam.jsonl', Array.from({ length: 40 }, (_, i) => JSON.stringify({ question: `Q${i}`, options: ['a', 'b', 'c', 'd', 'e'], answer: 'C' })).join('\n'));
    const task = mcq();
    const result = await evaluate({ task: { ...task, dataset: loadMcq(data) }, model: randomMcqBaseline({ seed: 3 }) });
    expect(result.counts.scored).toBe(40);
  });
});
