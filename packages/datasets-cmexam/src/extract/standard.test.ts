// One test per class of real model output that issue 10 lists (the classes where the first extractor missed).
// The outputs are written for medeval in the styles those models use; the real, sourced outputs are in
// fixtures/real (see real-corpus.test.ts).
import { describe, expect, it } from 'vitest';
import type { CmexamOption } from '../schema.js';
import { extractAnswer } from './strict.js';

const opts = (text: string): CmexamOption[] => text.split('\n').map((line) => ({ letter: line[0]!, text: line.slice(2) }));
const mitral = opts('A 主动脉瓣狭窄\nB 二尖瓣狭窄\nC 二尖瓣关闭不全\nD 肺动脉高压\nE 室间隔缺损');
const fish = opts('A 副溶血性弧菌食物中毒\nB 组胺中毒\nC 肉毒中毒\nD 河豚中毒\nE 沙门菌食物中毒');
const vitk = opts('A 夜盲症\nB 佝偻病\nC 凝血障碍\nD 坏血病\nE 脚气病');
const ra = opts('A 晨僵\nB 对称性小关节肿痛\nC 类风湿结节\nD 类风湿因子阳性\nE 大关节很少受累');
const psych = opts('A 系统脱敏\nB 厌恶疗法\nC 认知疗法\nD 自由联想\nE 催眠疗法');
const num = opts('A 200\nB 400\nC 800\nD 1200');
const cmmlu4 = opts('A 甲\nB 乙\nC 丙\nD 丁');

const read = (output: string, options: CmexamOption[], question?: string) =>
  extractAnswer({ output, options, ...(question ? { question } : {}) });
const expectAnswer = (output: string, options: CmexamOption[], answer: string, question?: string) => {
  const r = read(output, options, question);
  expect({ answer: r.answer, status: r.status }).toEqual({ answer, status: 'ok' });
  expect(typeof r.span === 'string' && r.span.length > 0 && output.includes(r.span)).toBe(true);
  return r;
};
const expectNone = (output: string, options: CmexamOption[], status: 'unparsed' | 'empty' | 'truncated' = 'unparsed', question?: string) => {
  const r = read(output, options, question);
  expect({ answer: r.answer, status: r.status }).toEqual({ answer: null, status });
  return r;
};

describe('answer given only as option text', () => {
  it('a concluding sentence naming one option', () => {
    expectAnswer('患者有风湿热病史，心尖区舒张期隆隆样杂音。因此，最可能的诊断是二尖瓣狭窄。', mitral, 'B');
    expectAnswer('进食不新鲜的青皮红肉鱼后出现面部潮红、头痛。综上所述，患者最可能是组胺中毒', fish, 'B');
  });
  it('markdown-bold option text', () => {
    expectAnswer('根据题干描述，应考虑：**二尖瓣狭窄**。该病听诊可闻及开瓣音。', mitral, 'B');
  });
  it('never guesses between two options named in the conclusion', () => {
    expectNone('因此，可能是二尖瓣狭窄，也可能是主动脉瓣狭窄。', mitral);
  });
});

describe('bracket and template conventions', () => {
  it.each([
    ['<C>', 'C'],
    ['< A >', 'A'],
    ['【答案】C<eoa>', 'C'],
    ['\\boxed{C}', 'C'],
    ['所以血量约为 $\\boxed{C. 800}$ 毫升。', 'C'],
    ['{"answer": "C"}', 'C'],
    ['答：<D>', 'D'],
    ['维生素K参与凝血因子Ⅱ、Ⅶ、Ⅸ、Ⅹ的合成，缺乏时出现出血倾向。<C>\n以上为本题解析。', 'C'],
  ])('%s', (output, answer) => {
    expectAnswer(output, output.includes('800') ? num : vitk, answer);
  });
  it('an empty template or a boxed value that is not an option is no answer', () => {
    expectNone('<>', vitk);
    expectNone('答案是 $\\boxed{1000}$', num);
  });
  it('a boxed option value is that option', () => {
    expectAnswer('\\boxed{800}', num, 'C');
  });
});

describe('chain-of-thought letters: the last committed answer wins', () => {
  it.each([
    ['坏血病是维生素C缺乏所致。因此，选项C正确。', 'C'],
    ['维生素K缺乏影响凝血，故选C', 'C'],
    ['C项正确，维生素K缺乏可致凝血障碍。', 'C'],
    ['选项C正确，其余错误。', 'C'],
    ['A错误，夜盲症由维生素A缺乏引起；B错误；C正确，维生素K参与凝血；D错误；E错误。', 'C'],
    ['答案：c', 'C'],
    ['答案：C选项', 'C'],
    ['初看像是A，但夜盲症与维生素A有关。答案应为C。', 'C'],
    ['答案：A\n不对，重新分析，维生素K与凝血有关，所以答案是C。', 'C'],
  ])('%s', (output, answer) => {
    expectAnswer(output, vitk, answer);
  });
  it('选ABC and English lists of several letters', () => {
    expectAnswer('本题为多选题，选ABC。', psych, 'ABC');
    expectAnswer('The answers are A, B and C.', psych, 'ABC');
  });
});

describe('several letters committed', () => {
  it.each([
    ['正确答案应该是A和B', 'AB'],
    ['ABCDE选项都可以', 'ABCDE'],
    ['正确答案：\nD：自由联想\nE：催眠疗法', 'DE'],
  ])('%s', (output, answer) => {
    expectAnswer(output, psych, answer);
  });
});

describe('more answer shapes of 2026 chat models', () => {
  it.each([
    ['答案\nB', 'B'],
    ['答案：\n\nB. 二尖瓣狭窄', 'B'],
    ['分析：……\n结论：B', 'B'],
    ['answer: b', 'B'],
    ['A. 错误\nB. 正确\nC. 错误\nD. 错误\nE. 错误', 'B'],
    ['### 答案\nA. 主动脉瓣狭窄：错误\nB. 二尖瓣狭窄：正确', 'B'],
  ])('%j → %s', (output, answer) => {
    expectAnswer(output, mitral, answer);
  });
  it.each([
    '我认为最可能的是B，但也可能是C。',
    'The answer is a mitral valve problem.',
  ])('%j → no answer', (output) => {
    expect(read(output, mitral).answer).toBeNull();
  });
});

describe('reasoning formats of 2026 models', () => {
  it.each([
    ['<|channel|>analysis<|message|>The answer might be A… no, B.<|end|><|start|>assistant<|channel|>final<|message|>B', 'B'],
    ['Thinking...\n首先考虑A，答案是A？\n...done thinking.\n\nB', 'B'],
    ['<reasoning>答案：A？不，应为B。</reasoning>\n<answer>B</answer>', 'B'],
    ['<|begin_of_thought|>\n答案应为A？\n<|end_of_thought|>\n<|begin_of_solution|>\nB\n<|end_of_solution|>', 'B'],
    ['<answer>\nB. 二尖瓣狭窄\n</answer>', 'B'],
  ])('%j → %s (the letter after the reasoning, not the one inside it)', (output, answer) => {
    expectAnswer(output, mitral, answer);
  });
  it('harmony analysis without a final message is a cut-off trace', () => {
    expect(read('<|channel|>analysis<|message|>答案是A……', mitral)).toMatchObject({ answer: null, status: 'truncated' });
  });
});

describe('several letters on a question the task says has one answer', () => {
  it('are no answer (several-on-single), with the span kept', () => {
    const r = extractAnswer({ output: '答案：ABCD', options: cmmlu4, single: true });
    expect(r).toMatchObject({ answer: null, status: 'unparsed', rule: 'several-on-single', span: '答案：ABCD' });
  });
  it('leave one letter as read', () => {
    expect(extractAnswer({ output: '答案：C', options: cmmlu4, single: true })).toMatchObject({ answer: 'C', status: 'ok' });
  });
  it('are read as they are when the task does not know (CMExam)', () => {
    expect(extractAnswer({ output: '答案：ABCD', options: cmmlu4 })).toMatchObject({ answer: 'ABCD', status: 'ok' });
  });
});

describe('negated questions', () => {
  const question = '关于类风湿关节炎的临床表现，下列说法不正确的是';
  it('"选项E…是错误的" commits E', () => {
    expectAnswer('类风湿关节炎以小关节受累为主，但大关节也常受累。选项E“大关节很少受累”是错误的。', ra, 'E', question);
  });
  it('per-option verdicts pick the option judged wrong', () => {
    expectAnswer('A正确；B正确；C正确；D正确；E错误。', ra, 'E', question);
  });
  it('the same verdicts on a positive question pick the options judged right', () => {
    expectAnswer('A正确；B正确；C正确；D正确；E错误。', ra, 'ABCD', '类风湿关节炎的表现有');
  });
  // Shapes of lawyer-llama-13b on LawBench (fixtures/real dev): the wrong statement named as such.
  it.each([
    ['不准确的说法是E: 大关节很少受累。\n\n类风湿关节炎也常累及大关节。', '关于类风湿关节炎的临床表现，下列哪一说法是不准确的?'],
    ['您好，下列说法是错误的：\n\nE: 大关节很少受累。\n\n请问您还有其他问题吗？', question],
    ['错误的选项为：E', question],
  ])('naming the wrong statement answers a negated question: %s', (output, q) => {
    const r = expectAnswer(output, ra, 'E', q);
    expect(r.rule).toBe('negated-answer');
  });
  it('"错误的说法是E" on a positive question is not an answer', () => {
    expect(read('错误的说法是E', ra, '类风湿关节炎的表现有').rule).not.toBe('negated-answer');
  });
  it('"错误的是：" followed by several option lines is not one answer', () => {
    expect(read('错误的是：\nC：类风湿结节\nE：大关节很少受累', ra, question).rule).not.toBe('negated-answer');
  });
});

describe('no answer', () => {
  it.each([
    '抱歉，我无法回答这个问题。',
    '本题无正确答案。',
    '题目有误，五个选项都不符合。',
    '答案可能是C或D，需要更多信息。',
    'A. 夜盲症：维生素A缺乏。\nB. 佝偻病：维生素D缺乏。\nC. 凝血障碍：维生素K缺乏。\nD. 坏血病：维生素C缺乏。',
    '维生素K缺乏时最可能出现的是',
    // a base model that writes the option letters and nothing else (internlm-7b on LawBench)
    '\nA:B:C:D:',
    '答案：C。\n等等，这题我无法确定正确答案。',
  ])('%s', (output) => {
    expectNone(output, vitk);
  });
  it('empty output', () => {
    expectNone('   ', vitk, 'empty');
  });
});

describe('reasoning models', () => {
  it('a think block that argues for another letter does not decide', () => {
    const r = expectAnswer('<think>\n看起来答案是A，夜盲症……不对，维生素K与凝血有关。答案：B？再想想。\n</think>\n\n答案：C', vitk, 'C');
    expect(r.reasoning).toContain('答案是A');
    expect(r.span).toBe('答案：C');
  });
  it('a think block and nothing after it is no answer', () => {
    expectNone('<think>答案是A</think>', vitk);
  });
  it('an unclosed think block is a cut-off trace: truncated', () => {
    const r = expectNone('<think>\n我们来分析各选项。A 夜盲症与维生素A有关，答案可能是', vitk, 'truncated');
    expect(r.reasoning).toContain('分析各选项');
  });
  it('the DeepSeek-R1 template (output starts inside the block)', () => {
    expectAnswer('嗯，选A吗？不对。\n</think>\n\n**答案：C**', vitk, 'C');
  });
});

describe('repetition and letters outside the question', () => {
  it('degenerate repetition asserting one option counts as that option', () => {
    expectAnswer('答案是C答案是C答案是C答案是C答案是C答案是C', vitk, 'C');
    expectAnswer('C. 凝血障碍\nC. 凝血障碍\nC. 凝血障碍\nC. 凝血障碍', vitk, 'C');
    expectAnswer('凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍凝血障碍', vitk, 'C');
  });
  it('letters are generic: F–J exist when the question has them; words are not letters', () => {
    const ten = opts('A 一\nB 二\nC 三\nD 四\nE 五\nF 六\nG 七\nH 八\nI 九\nJ 十');
    expectAnswer('答案：H', ten, 'H');
    expectNone('答案：H', cmmlu4);
    expectAnswer('B超', opts('A CT\nB MRI\nC B超\nD 胃镜'), 'C'); // the letter B of B超 is not a letter answer
  });
});

describe('echoes and prohibitions', () => {
  it('an answer marker followed by the whole option list is an echo, not an answer', () => {
    expectNone('正确答案:A:体系解释;B:语法解释;C:学理解释;D:目的解释。', opts('A 体系解释\nB 语法解释\nC 学理解释\nD 目的解释'));
  });
  it('an answer followed by the question again (a new, invented turn) keeps the first answer', () => {
    const question = '关于维生素K缺乏，下列说法错误的是';
    expectAnswer(`正确答案：B\n\n${question}？A:夜盲症；B:佝偻病；C:凝血障碍\n\n正确答案：C`, vitk, 'B', question);
  });
  it('"请勿选择D" does not choose D', () => {
    expectAnswer('[正确答案]A<eoa>。B、C、D都不对，请勿选择D。', vitk, 'A');
  });
  it('a quoted format example is not an answer', () => {
    expectAnswer('[正确答案]C<eoa>\n我已按照要求的格式作答，格式如：[正确答案]A<eoa>', vitk, 'C');
  });
});

describe('audit trail', () => {
  it('names the rule and the exact span of the output', () => {
    expect(read('**答案：Ｃ**\n解释：维生素K缺乏。', vitk)).toMatchObject({ answer: 'C', rule: 'answer-statement', span: '答案：Ｃ' });
    expect(read('因此，最可能的诊断是二尖瓣狭窄。', mitral)).toMatchObject({ rule: 'answer-option-text' });
    expect(read('我不知道', vitk)).toMatchObject({ status: 'unparsed', rule: 'refusal', span: '不知道' });
    expect(read('维生素K是脂溶性维生素。', vitk)).toMatchObject({ status: 'unparsed', rule: 'unparsed', span: null });
  });
});
