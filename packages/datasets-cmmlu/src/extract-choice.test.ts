// CMMLU's extract_choice, case by case. Each expectation comes from reading haonan-li/CMMLU src/mp_utils.py
// (commit d6e7b71): the step that decides and the letter Python's `re` returns there.
import { describe, expect, it } from 'vitest';
import { extractChoice } from './extract-choice.js';

const never = () => {
  throw new Error('the random fallback must not be reached');
};

describe('extractChoice (CMMLU mp_utils.extract_choice)', () => {
  it('the first character when it is a letter: `if response[0] in choices`', () => {
    expect(extractChoice('C. 前庭球', never)).toEqual({ choice: 'C', rule: 'first-char', span: 'C' });
  });

  it('single-match patterns, in their order', () => {
    // r'答案(选项)?(是|为)：? ?([ABCD])', group 3
    expect(extractChoice('所以答案是：B', never)).toMatchObject({ choice: 'B', rule: 'single:1' });
    // r'答案(是|为)选项 ?([ABCD])', group 2 (pattern 1 fails: after 为 comes 选, not a letter)
    expect(extractChoice('因此答案为选项 D', never)).toMatchObject({ choice: 'D', rule: 'single:2' });
    // r'故?选择?：? ?([ABCD])', group 1
    expect(extractChoice('我选择：A', never)).toMatchObject({ choice: 'A', rule: 'single:3' });
    // r'([ABCD]) ?选?项(是|为)?正确', group 1 (no 选 before the letter, so pattern 3 does not apply)
    expect(extractChoice('所以B项正确', never)).toMatchObject({ choice: 'B', rule: 'single:4' });
    // r'答案(选项)?为(.*?)([ABCD])', group 3: every earlier pattern needs a letter right after 为/答案
    expect(extractChoice('答案为第二项，也就是B', never)).toMatchObject({ choice: 'B', rule: 'single:12' });
  });

  it('recursive match keeps the innermost match: "A和B都正确，但C最正确" gives B, not C', () => {
    // r'([ABCD])(.*?)正确': first match "A和B都正确"; re.search in "和B都正确" → "B都正确"; in "都正确" → none.
    expect(extractChoice('分析：A和B都正确，但C最正确', never)).toMatchObject({ choice: 'B', rule: 'recursive:2', span: 'B都正确' });
  });

  it('the weak pattern r"[^不]是：? ?([ABCD])", then the only letter mentioned — even after 不是', () => {
    expect(extractChoice('我认为是：C，因为……', never)).toMatchObject({ choice: 'C', rule: 'weak' });
    // "不是C": the weak pattern needs a character other than 不 before 是; the only letter is C.
    expect(extractChoice('肯定不是C', never)).toMatchObject({ choice: 'C', rule: 'only-mention' });
  });

  it('always returns a letter: a random one when nothing matches (choices[randint(0, 3)])', () => {
    expect(extractChoice('我不知道', () => 2)).toEqual({ choice: 'C', rule: 'random', span: null });
    // Two letters and no pattern: not "the only letter", so random.
    expect(extractChoice('在A与D之间犹豫', () => 0)).toMatchObject({ choice: 'A', rule: 'random' });
  });
});
