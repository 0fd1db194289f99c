import { describe, expect, it } from 'vitest';
import { splitReasoning } from './reasoning.js';

describe('splitReasoning', () => {
  it('leaves text without reasoning alone', () => {
    expect(splitReasoning('答案：C')).toEqual({ text: '答案：C', truncated: false });
  });

  it('removes a closed think block that argues for another letter', () => {
    const out = splitReasoning('<think>\n看起来答案是A，但再想想，应选C。\n</think>\n\n答案：C');
    expect(out).toEqual({ text: '\n\n答案：C', reasoning: '看起来答案是A，但再想想，应选C。', truncated: false });
  });

  it('handles the DeepSeek-R1 template, where the output starts inside the block', () => {
    const out = splitReasoning('嗯，答案可能是B……\n</think>\n最终答案：D');
    expect(out).toEqual({ text: '\n最终答案：D', reasoning: '嗯，答案可能是B……', truncated: false });
  });

  it('marks an unclosed block as truncated and returns no answer text after it', () => {
    const out = splitReasoning('<think>先分析选项A：正确答案是A吗？');
    expect(out.truncated).toBe(true);
    expect(out.text).toBe('');
    expect(out.reasoning).toBe('先分析选项A：正确答案是A吗？');
  });

  it('knows the other common tags, case-insensitively', () => {
    expect(splitReasoning('<Thinking>x</Thinking>答案：A').text).toBe('答案：A');
    expect(splitReasoning('<reasoning>x</reasoning>答案：A').text).toBe('答案：A');
    expect(splitReasoning('◁think▷x◁/think▷答案：A').text).toBe('答案：A');
    expect(splitReasoning('<|begin_of_thought|>x<|end_of_thought|>答案：A').text).toBe('答案：A');
  });

  it('removes several blocks and keeps the text between them', () => {
    const out = splitReasoning('前言<think>a</think>中间<think>b</think>答案：B');
    expect(out).toEqual({ text: '前言中间答案：B', reasoning: 'a\n\nb', truncated: false });
  });

  it('an empty block still counts as reasoning that was removed', () => {
    expect(splitReasoning('<think>\n\n</think>\n\nC')).toEqual({ text: '\n\nC', reasoning: '', truncated: false });
  });

  it('reads gpt-oss harmony channels: analysis is reasoning, final is the answer; no final means cut off', () => {
    const out = '<|channel|>analysis<|message|>Maybe A… no, B.<|end|><|start|>assistant<|channel|>final<|message|>B<|return|>';
    expect(splitReasoning(out)).toEqual({ text: 'B', reasoning: 'Maybe A… no, B.', truncated: false });
    expect(splitReasoning('<|channel|>analysis<|message|>Maybe A')).toEqual({ text: '', reasoning: 'Maybe A', truncated: true });
  });

  it("reads ollama run's Thinking... / ...done thinking. block, and a cut-off one", () => {
    expect(splitReasoning('Thinking...\n答案是A？\n...done thinking.\n\nB')).toEqual({ text: '\nB', reasoning: '答案是A？', truncated: false });
    expect(splitReasoning('Thinking...\n答案是A？')).toEqual({ text: '', reasoning: '答案是A？', truncated: true });
  });

  it('drops <answer> and <|begin_of_solution|> tags around the final answer, keeping their content', () => {
    expect(splitReasoning('<reasoning>A? 不，B。</reasoning>\n<answer>B</answer>').text.trim()).toBe('B');
    expect(splitReasoning('<|begin_of_thought|>A?<|end_of_thought|>\n<|begin_of_solution|>\nB\n<|end_of_solution|>').text.trim()).toBe('B');
  });
});

