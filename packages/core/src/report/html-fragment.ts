// The report body shared by report.html and notebook display: summary, tables, charts. No script here,
// so the fragment is safe to embed anywhere; every outside string goes through escapeHtml.
import type { MetricValue, ResultJson } from '../types.js';
import { escapeHtml } from './escape.js';
import {
  formatInterval, formatNumber, intervalNote, isDifficultyDimension, isFraction, metricLabel, orderMetrics,
  primaryMetric, reportTitle,
} from './format.js';
import { extractionHtml } from './extraction.js';
import { usageText } from './usage-text.js';
import { epochsText } from './epochs-text.js';
import { barChart, type BarRow } from './svg-chart.js';

export function resultFragment(result: ResultJson): string {
  const metrics = orderMetrics(Object.keys(result.metrics));
  const parts = [header(result), overallTable(result, metrics), chartsSection(result, metrics), extractionHtml(result)].filter((p) => p !== '');
  for (const dimension of Object.keys(result.slices)) parts.push(dimensionSection(result, dimension, metrics));
  return parts.join('\n');
}

/** One annotation dimension: a table of its values (label, n, every metric with its interval). */
export function dimensionSection(result: ResultJson, dimension: string, metrics = orderMetrics(Object.keys(result.metrics))): string {
  const values = result.slices[dimension] ?? {};
  const keys = Object.keys(values);
  const rows = keys.map((key) => {
    const slice = values[key]!;
    const title = slice.label && slice.label !== key ? ` title="${escapeHtml(key)}"` : '';
    return `<tr><td${title}>${escapeHtml(slice.label ?? key)}</td><td>${slice.n}</td>${metrics.map((m) => metricCell(m, slice.metrics[m])).join('')}</tr>`;
  });
  return [
    `<section><h2>${escapeHtml(dimension)}</h2>`,
    keys.length === 0
      ? '<p class="muted">No samples.</p>'
      : `<div class="tw"><table><thead><tr><th>${escapeHtml(dimension)}</th><th>n</th>${metrics.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    signature(result),
    '</section>',
  ].join('');
}

/** The overall table alone. */
export function overallSection(result: ResultJson): string {
  return overallTable(result, orderMetrics(Object.keys(result.metrics)));
}

function header(result: ResultJson): string {
  const { task, counts } = result;
  const ds = task.dataset;
  const card = (value: string | number, label: string) => `<div class="card"><b>${escapeHtml(String(value))}</b><span>${escapeHtml(label)}</span></div>`;
  const primary = primaryMetric(Object.keys(result.metrics));
  const primaryValue = primary ? result.metrics[primary] : undefined;
  const usage = usageText(result.usage);
  const repeats = epochsText(result.epochs);
  return [
    `<h1>${escapeHtml(reportTitle(result))}</h1>`,
    `<p class="sub">${escapeHtml(`${task.name}@${task.version}`)} · prompt <code>${escapeHtml(task.promptId)}</code> · data <code>${escapeHtml(ds.source)}</code>${ds.sha256 ? ` <span title="${escapeHtml(ds.sha256)}">(sha256 ${escapeHtml(ds.sha256.slice(0, 12))}…)</span>` : ''} · protocol <code>${escapeHtml(result.protocol.name)}</code></p>`,
    '<div class="cards">',
    primary && primaryValue ? card(formatNumber(primaryValue.value, isFraction(primary, primaryValue)), metricLabel(primary)) : '',
    card(counts.samples, 'samples'),
    card(counts.scored, 'scored'),
    card(counts.unparsed, 'unparsed'),
    card(counts.empty, 'empty'),
    counts.truncated ? card(counts.truncated, 'truncated') : '',
    card(counts.errors, 'errors'),
    '</div>',
    repeats ? `<p class="sub">Repeats: ${escapeHtml(repeats)}</p>` : '',
    usage ? `<p class="sub">Usage: ${escapeHtml(usage)}</p>` : '',
  ].join('');
}

/** The paper's layout (one row, a column per metric); transposed when there are too many columns to read. */
function overallTable(result: ResultJson, metrics: string[]): string {
  if (metrics.length > 6) {
    const rows = metrics.map((m) => {
      const v = result.metrics[m];
      const fraction = isFraction(m, v);
      return `<tr><td>${escapeHtml(metricLabel(m))}</td><td class="v">${formatNumber(v?.value, fraction)}</td><td class="v"><span class="ci">${formatInterval(v?.ci95, fraction) || '—'}</span></td><td>${v?.n ?? 0}</td></tr>`;
    });
    return [
      '<section><h2>Overall</h2>',
      `<p class="sub">${escapeHtml(result.model?.id ?? '—')}</p>`,
      `<div class="tw"><table><thead><tr><th>Metric</th><th>Value</th><th>95% CI</th><th>n</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
      signature(result),
      '</section>',
    ].join('');
  }
  const head = metrics.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('');
  const values = metrics.map((m) => metricCell(m, result.metrics[m])).join('');
  const ns = metrics.map((m) => `<td>${escapeHtml(String(result.metrics[m]?.n ?? 0))}</td>`).join('');
  return [
    '<section><h2>Overall</h2>',
    `<div class="tw"><table><thead><tr><th>Model</th>${head}</tr></thead><tbody>`,
    `<tr><td>${escapeHtml(result.model?.id ?? '—')}</td>${values}</tr>`,
    `<tr class="muted"><td><i>n</i></td>${ns}</tr>`,
    '</tbody></table></div>',
    signature(result),
    '</section>',
  ].join('');
}

export function metricCell(name: string, value: MetricValue | undefined): string {
  if (!value) return '<td class="v">—</td>';
  const fraction = isFraction(name, value);
  const ci = formatInterval(value.ci95, fraction);
  return `<td class="v">${formatNumber(value.value, fraction)}${ci ? ` <span class="ci">${ci}</span>` : ''}</td>`;
}

function signature(result: ResultJson): string {
  const note = intervalNote(result);
  return `<p class="sig">Protocol <code>${escapeHtml(result.protocol.name)}</code>: <code>${escapeHtml(result.protocol.signature)}</code>${note ? `<br>${escapeHtml(note)}` : ''}</p>`;
}

function chartsSection(result: ResultJson, metrics: string[]): string {
  const charts: string[] = [];
  const primary = primaryMetric(metrics);
  if (primary) {
    const dims = Object.keys(result.slices).sort((a, b) => Number(isDifficultyDimension(b)) - Number(isDifficultyDimension(a)));
    for (const dim of dims) {
      const values = result.slices[dim]!;
      const rows: BarRow[] = Object.entries(values).map(([key, slice]) => metricRow(slice.label ?? key, primary, slice.metrics[primary], slice.n, key));
      if (rows.length) charts.push(barChart({ title: `${metricLabel(primary)} by ${dim}`, rows, max: axisMax(primary, result.metrics[primary]) }));
    }
  }
  const percent = metrics.filter((m) => !isFraction(m, result.metrics[m]));
  if (percent.length >= 2) {
    const rows = percent.map((m) => metricRow(metricLabel(m), m, result.metrics[m], result.metrics[m]?.n ?? 0, m));
    charts.push(barChart({ title: 'Overall metrics (0–100)', rows, max: 100 }));
  }
  charts.push(statusChart(result));
  return `<section><h2>Charts</h2><div class="charts">${charts.join('')}</div></section>`;
}

function metricRow(label: string, name: string, value: MetricValue | undefined, n: number, key: string): BarRow {
  const fraction = isFraction(name, value);
  const v = value?.value ?? null;
  const ci = value?.ci95 ?? null;
  return {
    label,
    value: v,
    ci,
    note: `${formatNumber(v, fraction)} (n=${n})`,
    tooltip: `${key}: ${formatNumber(v, fraction)} ${formatInterval(ci, fraction)} n=${n}`,
    tone: v === null ? 'muted' : 'ok',
  };
}

/** A round axis end (4 equal ticks) at or above n. */
function niceMax(n: number): number {
  if (n <= 4) return 4;
  const p = Math.pow(10, Math.floor(Math.log10(n / 4)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p * 4 >= n) return m * p * 4;
  return n;
}

function axisMax(name: string, value: MetricValue | undefined): number {
  return isFraction(name, value) ? 1 : 100;
}

function statusChart(result: ResultJson): string {
  const { counts } = result;
  const total = counts.samples || 1;
  const row = (label: string, count: number, tone: BarRow['tone']): BarRow => ({
    label,
    value: count,
    note: `${count} (${((100 * count) / total).toFixed(1)}%)`,
    tone,
  });
  return barChart({
    title: 'Extraction status',
    rows: [
      row('ok', counts.scored, 'ok'),
      row('unparsed', counts.unparsed, 'warn'),
      row('empty', counts.empty, 'warn'),
      ...(counts.truncated !== undefined ? [row('truncated', counts.truncated, 'warn')] : []),
      row('error', counts.errors, 'bad'),
    ],
    max: niceMax(counts.samples),
  });
}
