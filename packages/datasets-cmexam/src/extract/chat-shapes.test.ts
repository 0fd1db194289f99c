// 64 answer shapes of current chat and reasoning models on one CMExam-style question, written for medeval
// (not copied from any model) and labelled with what a careful reader takes as the committed answer. A
// regression net for the shapes the standard extractor learned in issue 10; the real outputs are in
// fixtures/real (real-corpus.test.ts).
import { describe, expect, it } from 'vitest';
import type { CmexamOption } from '../schema.js';
import { extractAnswer } from './strict.js';

const options: CmexamOption[] = [
  ['A', '主动脉瓣狭窄'],
  ['B', '二尖瓣狭窄'],
  ['C', '二尖瓣关闭不全'],
  ['D', '肺动脉高压'],
  ['E', '室间隔缺损'],
].map(([letter, text]) => ({ letter: letter!, text: text! }));
const question = '患者，女，35岁，心悸气短，心尖区舒张期隆隆样杂音，最可能的诊断是';

const SHAPES: Array<[string, string | null]> = [
  ['**答案：B**', 'B'], ['最终答案：B', 'B'], ['答案选B', 'B'], ['正确答案为：B. 二尖瓣狭窄', 'B'], ['【B】', 'B'],
  ['选项 B 是正确的。', 'B'], ['综上分析，本题选择 B。', 'B'], ['Final answer: B', 'B'], ['**Answer: B**', 'B'],
  ['The correct answer is (B).', 'B'], ['$\\boxed{B}$', 'B'], ['<think>\n可能是A……不对，应该是B\n</think>\n\n**B. 二尖瓣狭窄**', 'B'],
  ['<think>分析……</think>\n\n答案：B', 'B'], ['<think>A? C?</think>B', 'B'], ['答案是 B 和 C', 'BC'],
  ['根据题干，心尖区舒张期隆隆样杂音是二尖瓣狭窄的典型体征。\n\n**正确答案：B**', 'B'],
  ['### 答案\nB. 二尖瓣狭窄\n\n### 解析\n舒张期隆隆样杂音提示二尖瓣狭窄。', 'B'],
  ['答案：**B**（二尖瓣狭窄）', 'B'], ['我的答案是B。', 'B'], ['故本题答案为B项。', 'B'], ['因此选 B', 'B'],
  ['所以答案应该选B：二尖瓣狭窄', 'B'], ['B选项正确', 'B'], ['本题正确选项为B', 'B'], ['答案\nB', 'B'],
  ['正确答案是：\n\nB', 'B'], ['**B. 二尖瓣狭窄**\n\n解析：……', 'B'], ['答：B', 'B'], ['答案为(B)', 'B'], ['答案：Ｂ', 'B'],
  ['answer: b', 'B'], ['选择：B', 'B'], ['正确答案：B\n解析：A项主动脉瓣狭窄为收缩期杂音，故A错误。', 'B'],
  ['A. 错误\nB. 正确\nC. 错误\nD. 错误\nE. 错误', 'B'], ['最可能的诊断是二尖瓣狭窄（B）。', 'B'],
  ['<think>\n首先……答案应该是A。\n</think>\n最终答案：B', 'B'], ['<think>\n……', null], ['', null], ['我无法回答这个问题。', null],
  ['答案：B或C', null], ['{"answer": "B"}', 'B'], ['```json\n{"answer": "B"}\n```', 'B'], ['答案是B，不是C。', 'B'],
  ['The answer is B. Mitral stenosis.', 'B'], ['Answer: (B) 二尖瓣狭窄', 'B'], ['B. 二尖瓣狭窄', 'B'], ['B', 'B'],
  ['选B。', 'B'], ['正确的选项是 B', 'B'], ['综上所述，答案选择B选项。', 'B'], ['此题答案：B', 'B'],
  ['分析：……\n结论：B', 'B'], ['参考答案：B', 'B'], ['答案: B', 'B'], ['答案是：B、二尖瓣狭窄', 'B'],
  ['**最终答案**：B', 'B'], ['最终选择：**B**', 'B'], ['答案为：\n**B. 二尖瓣狭窄**', 'B'], ['✅ 正确答案：B', 'B'],
  ['正确答案：B（二尖瓣狭窄）\n\n其他选项：\nA. 主动脉瓣狭窄：收缩期杂音\nC. 二尖瓣关闭不全：收缩期杂音', 'B'],
  ['<think>The murmur suggests mitral stenosis, so B.</think>\nThe answer is B.', 'B'],
  ['首先排除A和C，因为它们是收缩期杂音。D和E也不符合。因此答案是B。', 'B'],
  ['答案：B\n\n注意：若为收缩期杂音则考虑C。', 'B'],
  ['我认为最可能的是B，但也可能是C。', null],
];

describe('answer shapes of current chat and reasoning models (written for medeval)', () => {
  it('holds 64 shapes', () => expect(SHAPES).toHaveLength(64));
  it.each(SHAPES)('%j → %s', (output, answer) => {
    expect(extractAnswer({ output, options, question }).answer).toBe(answer);
  });
});
