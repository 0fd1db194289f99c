// report.md: the layout of the papers (CMExam Table 3): an overall table with 95% intervals, then one
// table per annotation dimension (rows = values, with the paper's abbreviation and n), each followed by
// the protocol signature that produced its numbers.
import type { ResultJson, SliceValue } from '../types.js';
import { escapeMarkdownCell, markdownCode } from './escape.js';
import { extractionMarkdown } from './extraction.js';
import { usageText } from './usage-text.js';
import { epochsText } from './epochs-text.js';
import { formatMetric, intervalNote, metricLabel, orderMetrics, reportTitle } from './format.js';

/**
 * The Markdown report of a run: overall metrics with intervals, every slice dimension, the extraction audit.
 *
 * @example
 * await writeFile('report.md', renderMarkdown(result)); // overall table, slices, extraction audit
 */
export function renderMarkdown(result: ResultJson): string {
  const metrics = orderMetrics(Object.keys(result.metrics));
  const out: string[] = [];
  out.push(`# ${escapeMarkdownCell(reportTitle(result))}`, '');
  out.push(...summaryLines(result), '');
  out.push(...overallMarkdown(result), '');
  for (const [dimension, values] of Object.entries(result.slices)) {
    out.push(...dimensionTable(result, dimension, values, metrics), '');
  }
  out.push(...extractionMarkdown(result));
  return out.join('\n').replace(/\n+$/, '\n');
}

export function overallMarkdown(result: ResultJson): string[] {
  const metrics = orderMetrics(Object.keys(result.metrics));
  return [
    '## Overall',
    '',
    tableRow(['Model', ...metrics.map(metricLabel)]),
    tableRule(metrics.length + 1),
    tableRow([escapeMarkdownCell(result.model?.id ?? '—'), ...metrics.map((m) => formatMetric(m, result.metrics[m]))]),
    tableRow(['*n*', ...metrics.map((m) => String(result.metrics[m]?.n ?? 0))]),
    '',
    ...footer(result),
  ];
}

export function dimensionTable(
  result: ResultJson,
  dimension: string,
  values: Record<string, SliceValue>,
  metrics: string[],
): string[] {
  const lines = [`## ${escapeMarkdownCell(dimension)}`, ''];
  const keys = Object.keys(values);
  if (keys.length === 0) return [...lines, '_No samples._', ''];
  lines.push(tableRow([escapeMarkdownCell(dimension), 'n', ...metrics.map(metricLabel)]), tableRule(metrics.length + 2));
  for (const key of keys) {
    const slice = values[key]!;
    lines.push(tableRow([escapeMarkdownCell(slice.label ?? key), String(slice.n), ...metrics.map((m) => formatMetric(m, slice.metrics[m]))]));
  }
  lines.push('', ...footer(result));
  return lines;
}

function summaryLines(result: ResultJson): string[] {
  const { task, counts } = result;
  const ds = task.dataset;
  const sha = ds.sha256 ? ` (sha256 ${ds.sha256.slice(0, 12)}…)` : '';
  const usage = usageText(result.usage);
  const repeats = epochsText(result.epochs);
  return [
    `- Task: ${escapeMarkdownCell(`${task.name}@${task.version}`)}, prompt ${escapeMarkdownCell(task.promptId)}`,
    `- Data: ${escapeMarkdownCell(ds.source)}${sha}, ${ds.samples} samples`,
    `- Model: ${escapeMarkdownCell(result.model?.id ?? 'none (scored predictions)')}`,
    `- Protocol: ${markdownCode(result.protocol.name)}`,
    `- Samples: ${counts.samples} · scored ${counts.scored} · unparsed ${counts.unparsed} · empty ${counts.empty} · ${truncatedPart(counts)}errors ${counts.errors}`,
    `- Run: ${escapeMarkdownCell(result.manifest.startedAt)} → ${escapeMarkdownCell(result.manifest.endedAt)}${result.manifest.configHash !== undefined ? `, config ${markdownCode(result.manifest.configHash)}` : ''}`,
    ...(repeats ? [`- Repeats: ${escapeMarkdownCell(repeats)}`] : []),
    ...(usage ? [`- Usage: ${escapeMarkdownCell(usage)}`] : []),
  ];
}

// Shown whenever the run counted truncated outputs (results written before the field existed have none).
function truncatedPart(counts: ResultJson['counts']): string {
  return counts.truncated !== undefined ? `truncated ${counts.truncated} · ` : '';
}

function footer(result: ResultJson): string[] {
  const note = intervalNote(result);
  return [`<sub>Protocol ${markdownCode(result.protocol.name)}: ${markdownCode(result.protocol.signature)}${note ? `. ${note}` : ''}</sub>`];
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function tableRule(columns: number): string {
  return `|${' --- |'.repeat(columns)}`;
}
