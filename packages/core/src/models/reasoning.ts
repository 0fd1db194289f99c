// Reasoning models write their chain of thought into the answer text (`<think>…</think>` from DeepSeek-R1,
// QwQ, Qwen3; `<thinking>`, `<reasoning>`, `◁think▷` from others; gpt-oss's harmony channels; `ollama run`'s
// "Thinking... / ...done thinking."). What is scored is the text after the block, without `<answer>` tags;
// the block itself is kept as `reasoning`. A block that opens and never closes means the output was
// cut off inside the reasoning (max_tokens): there is no final answer to read.

/** The answer text with reasoning blocks removed, the removed reasoning, and whether it was cut off. */
export interface ReasoningSplit {
  /** The text to extract from: every reasoning block removed, surrounding text kept. */
  text: string;
  /** The text of the removed blocks (joined by a blank line), or undefined when there were none. */
  reasoning?: string;
  /** True when a reasoning block opened and never closed: the trace was cut off before an answer. */
  truncated: boolean;
}

// Tag pairs seen in the wild. Names are matched case-insensitively; `<think>` is by far the most common.
const TAG_NAMES = ['think', 'thinking', 'thought', 'reasoning', 'reflection', 'scratchpad'];
const OPEN = new RegExp(String.raw`<(${TAG_NAMES.join('|')})>|◁think▷|<\|begin_of_thought\|>`, 'i');

function closerFor(opener: string): RegExp {
  if (opener === '◁think▷') return /◁\/think▷/;
  if (opener.toLowerCase() === '<|begin_of_thought|>') return /<\|end_of_thought\|>/i;
  const name = /^<([a-z]+)>$/i.exec(opener)![1]!;
  return new RegExp(`</${name}>`, 'i');
}

// DeepSeek-R1's chat template puts `<think>\n` in the prompt, so the output starts inside the block and
// only the closing tag appears.
const LONE_CLOSE = new RegExp(String.raw`</(?:${TAG_NAMES.join('|')})>|◁/think▷|<\|end_of_thought\|>`, 'i');

/**
 * Splits reasoning blocks off a model output.
 *
 * @example
 * splitReasoning('<think>A 看似对，但…应选 C</think>\n答案：C')
 * // → { text: '\n答案：C', reasoning: 'A 看似对，但…应选 C', truncated: false }
 * splitReasoning('<think>先分析 A…') // → { text: '', reasoning: '先分析 A…', truncated: true }
 */
export function splitReasoning(output: string): ReasoningSplit {
  const harmony = splitHarmony(output);
  if (harmony) return harmony;
  if (OLLAMA_OPEN.test(output) && !OLLAMA.test(output)) {
    return { text: '', reasoning: output.replace(OLLAMA_OPEN, '').trim(), truncated: true }; // cut off while thinking
  }
  const ollama = OLLAMA.exec(output);
  if (ollama) {
    const inner = splitReasoning(output.slice(ollama[0].length));
    const reasoning = [ollama[1]!.trim(), inner.reasoning ?? ''].filter((x) => x !== '').join('\n\n');
    return { ...inner, reasoning };
  }
  const parts: string[] = [];
  let rest = output;
  // An output that starts inside the block (no opener before the first closer).
  const close = LONE_CLOSE.exec(rest);
  const open = OPEN.exec(rest);
  if (close && (!open || close.index < open.index)) {
    parts.push(rest.slice(0, close.index));
    rest = rest.slice(close.index + close[0].length);
  }
  let text = '';
  for (;;) {
    const opener = OPEN.exec(rest);
    if (!opener) {
      text += rest;
      break;
    }
    text += rest.slice(0, opener.index);
    const after = rest.slice(opener.index + opener[0].length);
    const closer = closerFor(opener[0]).exec(after);
    if (!closer) {
      parts.push(after);
      return { text, reasoning: joinParts(parts), truncated: true };
    }
    parts.push(after.slice(0, closer.index));
    rest = after.slice(closer.index + closer[0].length);
  }
  text = stripAnswerTags(text);
  const reasoning = joinParts(parts);
  return reasoning === undefined ? { text, truncated: false } : { text, reasoning, truncated: false };
}

// `ollama run` prints a thinking model's reasoning between these two lines.
const OLLAMA = /^\s*Thinking\.\.\.\n([\s\S]*?)\n\.\.\.done thinking\.[ \t]*(?:\n|$)/;
const OLLAMA_OPEN = /^\s*Thinking\.\.\.\n/;

// Tags around the final answer that RL-trained reasoning models write (`<answer>B</answer>`, Open-Thoughts'
// `<|begin_of_solution|>…<|end_of_solution|>`): the content is the answer, the tags are not.
const ANSWER_TAGS = /<\/?answer>|<\|(?:begin|end)_of_solution\|>/gi;
const stripAnswerTags = (text: string) => text.replace(ANSWER_TAGS, '\n');

/**
 * OpenAI's harmony format (gpt-oss served without a parser): `<|channel|>analysis<|message|>…<|end|>` is
 * reasoning, `<|channel|>final<|message|>…` the answer. Analysis without a final message was cut off.
 */
function splitHarmony(output: string): ReasoningSplit | undefined {
  if (!output.includes('<|channel|>')) return undefined;
  const reasoning: string[] = [];
  let final: string | undefined;
  for (const m of output.matchAll(/<\|channel\|>\s*([a-z]+)[^<]*<\|message\|>([\s\S]*?)(?=<\|(?:end|return|call|start|channel)\|>|$)/g)) {
    if (m[1] === 'final') final = (final ?? '') + m[2]!;
    else reasoning.push(m[2]!);
  }
  const joined = joinParts(reasoning);
  if (final === undefined) return { text: '', ...(joined !== undefined ? { reasoning: joined } : {}), truncated: true };
  return { text: stripAnswerTags(final), ...(joined !== undefined ? { reasoning: joined } : {}), truncated: false };
}

function joinParts(parts: string[]): string | undefined {
  const kept = parts.map((p) => p.trim()).filter((p) => p !== '');
  return parts.length === 0 ? undefined : kept.join('\n\n');
}
