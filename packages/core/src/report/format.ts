// How metric names and values print in every report (Markdown, HTML, comparisons).
import type { MetricValue, ResultJson } from '../types.js';

/** The papers' column names; metrics not listed print under their own name, after these. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  accuracy: 'Acc',
  f1_weighted: 'F1',
  f1_macro: 'F1 (macro)',
  bleu1: 'BLEU-1',
  bleu2: 'BLEU-2',
  bleu3: 'BLEU-3',
  bleu4: 'BLEU-4',
  gleu: 'GLEU',
  rouge1: 'ROUGE-1',
  rouge2: 'ROUGE-2',
  rougeL: 'ROUGE-L',
  distinct1: 'Distinct-1',
  distinct2: 'Distinct-2',
};

const ORDER = Object.keys(METRIC_LABELS);

export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? name;
}

/** Known metrics in the papers' order, then the others in the order they were given. */
export function orderMetrics(names: Iterable<string>): string[] {
  const list = [...new Set(names)];
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length + list.indexOf(n));
  return list.sort((a, b) => rank(a) - rank(b));
}

/** Fractions (Distinct) print with 4 decimals; values on the 0–100 scale with 2, as the papers do. */
export function isFraction(name: string, value?: MetricValue | null): boolean {
  if (value?.scale) return value.scale === 'fraction';
  if (METRIC_LABELS[name]) return name.startsWith('distinct');
  const v = value?.value;
  return v !== null && v !== undefined && Math.abs(v) <= 1; // unknown metric without a scale: a guess
}

export function formatNumber(x: number | null | undefined, fraction: boolean): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(fraction ? 4 : 2);
}

export function formatInterval(ci: [number, number] | null | undefined, fraction: boolean): string {
  if (!ci) return '';
  return `[${formatNumber(ci[0], fraction)}, ${formatNumber(ci[1], fraction)}]`;
}

/** "61.60 [60.44, 62.75]" */
export function formatMetric(name: string, value: MetricValue | undefined): string {
  if (!value) return '—';
  const fraction = isFraction(name, value);
  const ci = formatInterval(value.ci95, fraction);
  return ci ? `${formatNumber(value.value, fraction)} ${ci}` : formatNumber(value.value, fraction);
}

/** "p < 0.001" style for p-values. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

export function formatSigned(x: number | null | undefined, fraction: boolean): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = formatNumber(x, fraction);
  return x > 0 ? `+${s}` : s;
}

/** One sentence saying how the intervals were computed, from what the result records. */
export function intervalNote(result: ResultJson): string {
  const methods = new Map<string, string[]>();
  for (const name of orderMetrics(Object.keys(result.metrics))) {
    const m = result.metrics[name]!.interval ?? 'bootstrap';
    methods.set(m, [...(methods.get(m) ?? []), metricLabel(name)]);
  }
  const parts: string[] = [];
  const wilson = methods.get('wilson');
  if (wilson) parts.push(`Wilson score interval for ${wilson.join(', ')}`);
  const boot = methods.get('bootstrap');
  if (boot) {
    parts.push(
      `percentile bootstrap (${result.manifest.bootstrapSamples} resamples, seed ${result.manifest.seed}) for ${boot.join(', ')}`,
    );
  }
  const none = methods.get('none');
  if (none) parts.push(`no interval for ${none.join(', ')}`);
  return parts.length ? `95% intervals in brackets: ${parts.join('; ')}.` : '';
}

/** Short title: task and model. */
export function reportTitle(result: ResultJson): string {
  return `${result.task.name} · ${result.model?.id ?? 'scored predictions (no model)'}`;
}

/** The metric a chart shows: accuracy when present, else the first metric in display order. */
export function primaryMetric(names: Iterable<string>): string | null {
  const ordered = orderMetrics(names);
  return ordered.includes('accuracy') ? 'accuracy' : (ordered[0] ?? null);
}

export function isDifficultyDimension(name: string): boolean {
  return /difficulty/i.test(name) || name.includes('难度');
}

/** Text for a prediction or gold value of any shape. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
