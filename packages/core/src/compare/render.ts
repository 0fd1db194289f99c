// Markdown and HTML for comparisons. Two runs: an overall table (A, B, Δ with its paired 95% interval, p,
// test) and one table per annotation dimension. Three or more: a Table-3-style summary (one row per model),
// then each pair in turn.
import { htmlPage, renderViewerPage, type HtmlOptions } from '../report/html-page.js';
import type { ViewerRun } from '../report/viewer-data.js';
import { escapeHtml, escapeMarkdownCell, markdownCode } from '../report/escape.js';
import {
  formatInterval, formatNumber, formatP, formatSigned, metricLabel, orderMetrics, primaryMetric,
} from '../report/format.js';
import { deltaChart } from '../report/svg-chart.js';
import { usageText } from '../report/usage-text.js';
import { tableRow, tableRule } from '../report/markdown.js';
import { comparisonInfo, isMultiComparison, type Comparison, type ComparisonInfo, type MetricComparison, type MultiComparison } from './types.js';

/** Below this many samples a slice's bootstrap interval and p-value are marked as unreliable (†). */
export const SMALL_SLICE = 20;
const SMALL_NOTE = `† fewer than ${SMALL_SLICE} samples: bootstrap intervals and p-values are unreliable at this size (the resampled deltas can be degenerate); McNemar p stays exact.`;
const dagger = (n: number) => (n < SMALL_SLICE ? ' †' : '');

const fractionOf = (info: ComparisonInfo | undefined, name: string) =>
  info?.metrics[name]?.scale ? info.metrics[name]!.scale === 'fraction' : name.startsWith('distinct');

function cellText(mc: MetricComparison | undefined, fraction: boolean): string {
  if (!mc || mc.delta === null) return '—';
  return `${formatNumber(mc.a, fraction)} → ${formatNumber(mc.b, fraction)}, Δ ${formatSigned(mc.delta, fraction)} ${formatInterval(mc.ci95, fraction)}, p ${formatP(mc.p)}`;
}

/**
 * The Markdown report of a comparison: per metric A → B, Δ, paired 95 % interval and p, overall and per slice.
 *
 * @example
 * console.log(renderComparisonMarkdown(await compare({ runs, metrics })));
 */
export function renderComparisonMarkdown(comparison: Comparison | MultiComparison): string {
  if (!isMultiComparison(comparison)) return pairMarkdown(comparison, 1).join('\n').replace(/\n+$/, '\n');
  const names = Object.keys(comparison.comparisons);
  const first = comparison.comparisons[names[0]!]!;
  const metrics = orderMetrics(Object.keys(first.metrics));
  const info = comparisonInfo(first);
  const out = [`# Comparison with baseline ${escapeMarkdownCell(comparison.baseline)}`, ''];
  out.push(tableRow(['Model', 'n', ...metrics.map(metricLabel)]), tableRule(metrics.length + 2));
  out.push(tableRow([`${escapeMarkdownCell(comparison.baseline)} (baseline)`, String(first.n), ...metrics.map((m) => formatNumber(first.metrics[m]?.a, fractionOf(info, m)))]));
  for (const name of names) {
    const c = comparison.comparisons[name]!;
    const ci = comparisonInfo(c);
    out.push(tableRow([escapeMarkdownCell(name), String(c.n), ...metrics.map((m) => {
      const mc = c.metrics[m];
      const f = fractionOf(ci, m);
      return mc?.b == null ? '—' : `${formatNumber(mc.b, f)} (${formatSigned(mc.delta, f)}, p ${formatP(mc.p)})`;
    })]));
  }
  out.push('', '<sub>Each row is compared with the baseline on the samples both share; the baseline value shown is on its samples shared with the first model. Δ = model − baseline; p as in each section below.</sub>', '');
  for (const name of names) out.push(...pairMarkdown(comparison.comparisons[name]!, 2), '');
  return out.join('\n').replace(/\n+$/, '\n');
}

function pairMarkdown(c: Comparison, level: number): string[] {
  const info = comparisonInfo(c);
  const h = '#'.repeat(level);
  const a = info?.baseline ?? 'A', b = info?.candidate ?? 'B';
  const metrics = orderMetrics(Object.keys(c.metrics));
  const out = [`${h} ${escapeMarkdownCell(b)} vs ${escapeMarkdownCell(a)}`, ''];
  if (info) {
    out.push(`- Task ${escapeMarkdownCell(info.task)}, protocol ${markdownCode(info.protocol.name)}`);
  }
  out.push(`- Samples compared: ${c.n}${info ? ` (only in ${escapeMarkdownCell(a)}: ${info.onlyA}, only in ${escapeMarkdownCell(b)}: ${info.onlyB})` : ''}`);
  for (const [name, usage] of usageLines(info, a, b)) out.push(`- Usage of ${escapeMarkdownCell(name)}: ${escapeMarkdownCell(usage)}`);
  out.push('');
  out.push(`${h}# Overall`, '');
  out.push(tableRow(['Metric', escapeMarkdownCell(a), escapeMarkdownCell(b), 'Δ (B − A)', '95% CI of Δ', 'p', 'test']), tableRule(7));
  for (const m of metrics) {
    const mc = c.metrics[m]!;
    const f = fractionOf(info, m);
    out.push(tableRow([metricLabel(m), formatNumber(mc.a, f), formatNumber(mc.b, f), formatSigned(mc.delta, f), formatInterval(mc.ci95, f) || '—', formatP(mc.p), testName(info, m)]));
  }
  out.push('', footer(info), '');
  for (const [dim, values] of Object.entries(c.slices)) {
    out.push(`${h}# ${escapeMarkdownCell(dim)}`, '');
    out.push(tableRow([escapeMarkdownCell(dim), 'n', ...metrics.map(metricLabel)]), tableRule(metrics.length + 2));
    for (const [key, slice] of Object.entries(values)) {
      const label = info?.labels[dim]?.[key] ?? key;
      out.push(tableRow([escapeMarkdownCell(label) + dagger(slice.n), String(slice.n), ...metrics.map((m) => cellText(slice.metrics[m], fractionOf(info, m)))]));
    }
    const small = Object.values(values).some((v) => v.n < SMALL_SLICE);
    out.push('', footer(info) + (small ? `<br><sub>${SMALL_NOTE}</sub>` : ''), '');
  }
  return out;
}

/** [run name, usage line] for each run of a pair that has usage (tokens and cost side by side). */
function usageLines(info: ComparisonInfo | undefined, a: string, b: string): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  const textA = usageText(info?.usage?.a);
  const textB = usageText(info?.usage?.b);
  if (textA) lines.push([a, textA]);
  if (textB) lines.push([b, textB]);
  return lines;
}

function testName(info: ComparisonInfo | undefined, m: string): string {
  const t = info?.metrics[m]?.test;
  return t === 'mcnemar' ? 'exact McNemar' : t === 'bootstrap' ? 'paired bootstrap' : '—';
}

function footer(info: ComparisonInfo | undefined): string {
  if (!info) return '';
  return `<sub>Protocol ${markdownCode(info.protocol.name)}: ${markdownCode(info.protocol.signature)}. Δ intervals: paired percentile bootstrap (${info.bootstrapSamples} resamples, seed ${info.seed}); p: exact two-sided McNemar for 0/1 items, paired bootstrap otherwise.</sub>`;
}

// ---------- HTML ----------

export function comparisonFragment(comparison: Comparison | MultiComparison): string {
  if (!isMultiComparison(comparison)) return pairHtml(comparison, 'h1');
  const names = Object.keys(comparison.comparisons);
  const first = comparison.comparisons[names[0]!]!;
  const metrics = orderMetrics(Object.keys(first.metrics));
  const info = comparisonInfo(first);
  const head = `<tr><th>Model</th><th>n</th>${metrics.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('')}</tr>`;
  const baseRow = `<tr><td>${escapeHtml(comparison.baseline)} <span class="muted">(baseline)</span></td><td>${first.n}</td>${metrics.map((m) => `<td class="v">${formatNumber(first.metrics[m]?.a, fractionOf(info, m))}</td>`).join('')}</tr>`;
  const rows = names.map((name) => {
    const c = comparison.comparisons[name]!;
    const ci = comparisonInfo(c);
    return `<tr><td>${escapeHtml(name)}</td><td>${c.n}</td>${metrics.map((m) => {
      const mc = c.metrics[m];
      const f = fractionOf(ci, m);
      return mc?.b == null ? '<td class="v">—</td>' : `<td class="v">${formatNumber(mc.b, f)} <span class="ci ${deltaClass(mc, ci, m)}">${escapeHtml(formatSigned(mc.delta, f))}, p ${escapeHtml(formatP(mc.p))}</span></td>`;
    }).join('')}</tr>`;
  });
  return [
    `<h1>Comparison with baseline ${escapeHtml(comparison.baseline)}</h1>`,
    `<section><h2>Models</h2><table><thead>${head}</thead><tbody>${baseRow}${rows.join('')}</tbody></table></section>`,
    ...names.map((name) => pairHtml(comparison.comparisons[name]!, 'h2')),
  ].join('\n');
}

function deltaClass(mc: MetricComparison, info: ComparisonInfo | undefined, m: string): string {
  if (mc.delta === null || mc.delta === 0 || mc.p === null || mc.p >= 0.05) return '';
  const better = (mc.delta > 0) === (info?.metrics[m]?.higherIsBetter ?? true);
  return better ? 'pos' : 'neg';
}

function pairHtml(c: Comparison, heading: 'h1' | 'h2'): string {
  const info = comparisonInfo(c);
  const a = info?.baseline ?? 'A', b = info?.candidate ?? 'B';
  const metrics = orderMetrics(Object.keys(c.metrics));
  const sub = heading === 'h1' ? 'h2' : 'h3';
  const parts = [`<${heading}>${escapeHtml(b)} vs ${escapeHtml(a)}</${heading}>`];
  parts.push(`<p class="sub">${info ? `task ${escapeHtml(info.task)} · protocol <code>${escapeHtml(info.protocol.name)}</code> · ` : ''}${c.n} samples compared${info ? ` (only in ${escapeHtml(a)}: ${info.onlyA}, only in ${escapeHtml(b)}: ${info.onlyB})` : ''}</p>`);
  for (const [name, usage] of usageLines(info, a, b)) parts.push(`<p class="sub">Usage of ${escapeHtml(name)}: ${escapeHtml(usage)}</p>`);
  const rows = metrics.map((m) => {
    const mc = c.metrics[m]!;
    const f = fractionOf(info, m);
    return `<tr><td>${escapeHtml(metricLabel(m))}</td><td class="v">${formatNumber(mc.a, f)}</td><td class="v">${formatNumber(mc.b, f)}</td><td class="v ${deltaClass(mc, info, m)}">${escapeHtml(formatSigned(mc.delta, f))}</td><td class="v">${escapeHtml(formatInterval(mc.ci95, f) || '—')}</td><td class="v">${escapeHtml(formatP(mc.p))}</td><td>${escapeHtml(testName(info, m))}</td></tr>`;
  });
  parts.push(
    `<section><${sub}>Overall</${sub}><table><thead><tr><th>Metric</th><th>${escapeHtml(a)}</th><th>${escapeHtml(b)}</th><th>Δ (B − A)</th><th>95% CI of Δ</th><th>p</th><th>test</th></tr></thead><tbody>${rows.join('')}</tbody></table>${htmlFooter(info)}</section>`,
  );
  const primary = primaryMetric(metrics);
  const charts: string[] = [];
  for (const [dim, values] of Object.entries(c.slices)) {
    const keys = Object.keys(values);
    const head = `<tr><th>${escapeHtml(dim)}</th><th>n</th>${metrics.map((m) => `<th>${escapeHtml(metricLabel(m))} (A → B, Δ, p)</th>`).join('')}</tr>`;
    const body = keys.map((key) => {
      const slice = values[key]!;
      const label = info?.labels[dim]?.[key] ?? key;
      return `<tr><td title="${escapeHtml(key)}">${escapeHtml(label + dagger(slice.n))}</td><td>${slice.n}</td>${metrics.map((m) => `<td class="v ${slice.metrics[m] ? deltaClass(slice.metrics[m]!, info, m) : ''}">${escapeHtml(cellText(slice.metrics[m], fractionOf(info, m)))}</td>`).join('')}</tr>`;
    });
    const small = keys.some((k) => values[k]!.n < SMALL_SLICE) ? `<p class="sig">${escapeHtml(SMALL_NOTE)}</p>` : '';
    parts.push(`<section><${sub}>${escapeHtml(dim)}</${sub}><table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>${htmlFooter(info)}${small}</section>`);
    if (primary && keys.length) {
      const f = fractionOf(info, primary);
      charts.push(deltaChart({
        title: `Δ ${metricLabel(primary)} (B − A) by ${dim}`,
        rows: keys.map((key) => {
          const mc = values[key]!.metrics[primary];
          return {
            label: info?.labels[dim]?.[key] ?? key,
            delta: mc?.delta ?? null,
            ci: mc?.ci95 ?? null,
            note: `${formatSigned(mc?.delta, f)} (p ${formatP(mc?.p)})`,
            tooltip: `${key}: ${cellText(mc, f)}`,
          };
        }),
      }));
    }
  }
  if (charts.length) parts.splice(3, 0, `<section><${sub}>Charts</${sub}><div class="charts">${charts.join('')}</div></section>`);
  return parts.join('\n');
}

function htmlFooter(info: ComparisonInfo | undefined): string {
  if (!info) return '';
  return `<p class="sig">Protocol <code>${escapeHtml(info.protocol.name)}</code>: <code>${escapeHtml(info.protocol.signature)}</code><br>Δ intervals: paired percentile bootstrap (${info.bootstrapSamples} resamples, seed ${info.seed}); p: exact two-sided McNemar for 0/1 items, paired bootstrap otherwise.</p>`;
}

/**
 * A self-contained page (no script at all, no network).
 *
 * @example
 * await writeFile('compare.html', renderComparisonHtml(await compare({ runs, metrics })));
 */
export function renderComparisonHtml(comparison: Comparison | MultiComparison): string {
  return htmlPage(comparisonTitle(comparison), comparisonFragment(comparison), false);
}

/**
 * The comparison page with the sample viewer: the paired tests on top, then the runs side by side on the
 * samples they all share, with filters per run (e.g. A right, B wrong). `runs` in the order compared.
 *
 * @example
 * const runs = folders.map((f, i) => ({ name: names[i], result: f.results, records: f.records() }));
 * await writeFile('compare.html', await renderComparisonReport(comparison, runs));
 */
export function renderComparisonReport(comparison: Comparison | MultiComparison, runs: readonly ViewerRun[], options: HtmlOptions = {}): Promise<string> {
  return renderViewerPage(comparisonTitle(comparison), comparisonFragment(comparison), runs, options);
}

function comparisonTitle(comparison: Comparison | MultiComparison): string {
  return isMultiComparison(comparison)
    ? `Comparison with baseline ${comparison.baseline}`
    : `${comparisonInfo(comparison)?.candidate ?? 'B'} vs ${comparisonInfo(comparison)?.baseline ?? 'A'}`;
}
