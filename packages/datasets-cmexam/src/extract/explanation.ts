// The `standard` protocol's explanation extraction: the text after a `解释：`/`解释:` label if there is
// one, else the output without a leading answer line. Markdown emphasis is removed; nothing else changes.
const LABEL = /(?:^|\n)\s*(?:\*\*)?\s*(?:【\s*)?(?:解释|解析|理由|分析)\s*(?:】)?\s*(?:\*\*)?\s*[:：]?\s*(?:\*\*)?/;
const ANSWER_LINE = /^\s*(?:\*\*)?\s*(?:最终|正确)?答案\s*(?:\*\*)?\s*[:：是为][^\n]*(?:\n|$)/;

export function extractExplanationStrict(output: string | null): string | null {
  if (output === null || output.trim() === '') return null;
  const label = LABEL.exec(output);
  let text = label ? output.slice(label.index + label[0].length) : output.replace(ANSWER_LINE, '');
  // `答案：C，解释：…` on one line (the GPT format).
  if (!label) {
    const inline = /解释\s*[:：]/.exec(output);
    if (inline) text = output.slice(inline.index + inline[0].length);
  }
  return text.replace(/\*\*/g, '').trim();
}
