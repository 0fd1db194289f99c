import { describe, expect, it } from 'vitest';
import { clipOutput, ExtractionAudit } from '../aggregate/extraction-audit.js';
import type { EvalRecord, Status } from '../types.js';
import { renderHtml, renderMarkdown } from './index.js';
import { fixtureRun, iterate, XSS_OUTPUT } from './test-fixture.js';

const FENCE_BREAK = '答案不确定\n~~~~\n<script>alert(1)</script>\n## 伪造的标题';

function audited() {
  const { result, records } = fixtureRun(20);
  const audit = new ExtractionAudit();
  // 20 records: 12 by answer-statement, 5 by option-text, 3 unreadable (2 unparsed, 1 truncated).
  const rule = (i: number) => (i < 12 ? 'answer-statement' : i < 17 ? 'option-text' : 'none');
  const status = (i: number): Status => (i === 19 ? 'truncated' : i >= 17 ? 'unparsed' : 'ok');
  const output = (i: number) => (i === 17 ? XSS_OUTPUT : i === 18 ? FENCE_BREAK : i === 19 ? '<think>先看A' : `答案：${'ABCDE'[i % 5]}`);
  const audits: EvalRecord[] = records.map((r, i) => ({ ...r, status: status(i), output: output(i), extraction: { rule: rule(i), span: null } }));
  for (const record of audits) audit.add(record);
  result.extraction = audit.finish()!;
  return { result, records: audits };
}

/** Markdown headings as CommonMark reads them: a fence closes only with a run of its character at least as long. */
function headingsOutsideFences(md: string): string[] {
  const headings: string[] = [];
  let open: string | undefined;
  for (const line of md.split('\n')) {
    const fence = /^(~{3,}|`{3,})/.exec(line)?.[1];
    if (open === undefined && fence) open = fence;
    else if (open !== undefined && fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
    else if (open === undefined && line.startsWith('## ')) headings.push(line);
  }
  return headings;
}

describe('the extraction audit', () => {
  it('counts records per rule, most used first, and keeps the first unreadable outputs', () => {
    const { result } = audited();
    expect(result.extraction!.rules).toEqual({ 'answer-statement': 12, 'option-text': 5, none: 3 });
    expect(Object.keys(result.extraction!.rules)).toEqual(['answer-statement', 'option-text', 'none']);
    expect(result.extraction!.examples.map((e) => [e.id, e.status])).toEqual([['17', 'unparsed'], ['18', 'unparsed'], ['19', 'truncated']]);
  });

  it('keeps at most three examples per status and nothing when no record names a rule', () => {
    const audit = new ExtractionAudit();
    for (let i = 0; i < 10; i++) audit.add({ id: String(i), status: 'unparsed', output: `x${i}`, extraction: { rule: 'none', span: null } });
    expect(audit.finish()!.examples.map((e) => e.id)).toEqual(['0', '1', '2']);
    const none = new ExtractionAudit();
    none.add({ id: '0', status: 'ok', output: 'A' });
    expect(none.finish()).toBeUndefined();
  });

  it('clips long outputs to their start and end', () => {
    const long = `开头${'重复'.repeat(400)}最终答案：C`;
    const clipped = clipOutput(long);
    expect(clipped.startsWith('开头')).toBe(true);
    expect(clipped.endsWith('最终答案：C')).toBe(true);
    expect(clipped).toContain(' … ');
    expect([...clipped].length).toBeLessThan(500);
    expect(clipOutput('答案：C')).toBe('答案：C');
  });
});

describe('reports show the audit', () => {
  it('Markdown: a table of rule shares and the unreadable outputs in fences they cannot close', () => {
    const { result } = audited();
    const md = renderMarkdown(result);
    expect(md).toContain('## Answer extraction');
    expect(md).toContain('| `answer-statement` | 12 | 60.0% |');
    expect(md).toContain('| `option-text` | 5 | 25.0% |');
    expect(md).toContain('| `none` | 3 | 15.0% |');
    // The output with "~~~~" gets a longer fence; its fake heading stays inside the code block.
    expect(md).toContain(`~~~~~text\n${FENCE_BREAK}\n~~~~~`);
    expect(headingsOutsideFences(md)).not.toContain('## 伪造的标题');
    expect(headingsOutsideFences(md)).toContain('## Answer extraction');
    expect(md).toContain('Sample 19 · truncated');
  });

  it('HTML: the same table and the outputs escaped', async () => {
    const { result, records } = audited();
    const html = await renderHtml(result, iterate(records));
    expect(html).toContain('<h2>Answer extraction</h2>');
    expect(html).toContain('<tr><td><code>option-text</code></td><td>5</td><td>25.0%</td></tr>');
    expect(html).toContain('<pre>答案不确定\n~~~~\n&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script/gi)).toHaveLength(2); // the JSON data block and the pinned viewer script
  });

  it('names the judge with its tally, and shows truncated counts in the summary', () => {
    const { result } = audited();
    result.counts = { ...result.counts, truncated: 1 };
    result.extraction!.judge = { model: 'openai-compatible:http://127.0.0.1:1/v1#judge<x>', promptId: 'cmexam-judge@1', asked: 2, answered: 1, failed: 0 };
    const md = renderMarkdown(result);
    expect(md).toContain('Judge openai-compatible:http://127.0.0.1:1/v1#judge&lt;x&gt; (prompt cmexam-judge@1) was asked about 2 unparsed outputs: answered 1, no answer 1, no usable reply 0.');
    expect(md).toMatch(/- Samples: 20 · .* · truncated 1 · errors/);
  });

  it('reports without an audit (older results.json) have no such section', () => {
    const { result } = fixtureRun(5);
    delete result.counts.truncated;
    expect(renderMarkdown(result)).not.toContain('Answer extraction');
    expect(renderMarkdown(result)).not.toContain('truncated');
  });
});
