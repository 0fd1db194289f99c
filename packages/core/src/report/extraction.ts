// The "Answer extraction" section of report.md and report.html: the share of records each extraction rule
// decided, the judge's tally when one was used, and the first outputs that could not be read, so a user
// sees at a glance whether a model's format was understood. Model text is escaped in both formats.
import type { ExtractionSummary, ResultJson } from '../types.js';
import { escapeHtml, escapeMarkdownCell, markdownCode } from './escape.js';

const percent = (count: number, total: number) => `${((100 * count) / Math.max(1, total)).toFixed(1)}%`;

function ruleRows(result: ResultJson): Array<{ rule: string; count: number; share: string }> {
  const summary = result.extraction;
  if (!summary) return [];
  return Object.entries(summary.rules).map(([rule, count]) => ({ rule, count, share: percent(count, result.counts.samples) }));
}

function judgeLine(judge: NonNullable<ExtractionSummary['judge']>): string {
  return (
    `Judge ${judge.model} (prompt ${judge.promptId}) was asked about ${judge.asked} unparsed outputs: ` +
    `answered ${judge.answered}, no answer ${judge.asked - judge.answered - judge.failed}, no usable reply ${judge.failed}.`
  );
}

/** A fence longer than any run of its character in the text, so model output cannot close it. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/~+/g)].map((m) => m[0].length));
  return '~'.repeat(Math.max(3, longest + 1));
}

/**
 * The Markdown lines of the section (empty when the run has no extraction audit).
 *
 * @example
 * extractionMarkdown(result).join('\n') // "## Answer extraction\n\n| Rule | Records | Share |…"
 */
export function extractionMarkdown(result: ResultJson): string[] {
  const summary = result.extraction;
  if (!summary) return [];
  const lines = ['## Answer extraction', ''];
  const rows = ruleRows(result);
  if (rows.length) {
    lines.push(`How each of the ${result.counts.samples} answers was read (records per extraction rule):`, '');
    lines.push('| Rule | Records | Share |', '| --- | --- | --- |');
    for (const row of rows) lines.push(`| ${markdownCode(row.rule)} | ${escapeMarkdownCell(String(row.count))} | ${escapeMarkdownCell(row.share)} |`);
    lines.push('');
  }
  if (summary.judge) lines.push(escapeMarkdownCell(judgeLine(summary.judge)), '');
  if (summary.examples.length) {
    lines.push('Outputs that could not be read (the first few; long ones cut to their start and end):', '');
    for (const example of summary.examples) {
      const fence = fenceFor(example.output);
      lines.push(`Sample ${escapeMarkdownCell(example.id)} · ${example.status}`, '', `${fence}text`, example.output, fence, '');
    }
  }
  return lines;
}

/** The HTML section (empty string when the run has no extraction audit). */
export function extractionHtml(result: ResultJson): string {
  const summary = result.extraction;
  if (!summary) return '';
  const parts = ['<section><h2>Answer extraction</h2>'];
  const rows = ruleRows(result);
  if (rows.length) {
    parts.push(
      `<p class="muted">How each of the ${result.counts.samples} answers was read (records per extraction rule).</p>`,
      '<div class="tw"><table><thead><tr><th>Rule</th><th>Records</th><th>Share</th></tr></thead><tbody>',
      ...rows.map((row) => `<tr><td><code>${escapeHtml(row.rule)}</code></td><td>${escapeHtml(String(row.count))}</td><td>${escapeHtml(row.share)}</td></tr>`),
      '</tbody></table></div>',
    );
  }
  if (summary.judge) parts.push(`<p>${escapeHtml(judgeLine(summary.judge))}</p>`);
  if (summary.examples.length) {
    parts.push('<h3>Outputs that could not be read</h3><p class="muted">The first few; long ones cut to their start and end.</p>');
    for (const example of summary.examples) {
      parts.push(
        `<div class="example"><span class="badge ${escapeHtml(example.status)}">${escapeHtml(example.status)}</span> sample ${escapeHtml(example.id)}` +
          `<pre>${escapeHtml(example.output)}</pre></div>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('');
}
