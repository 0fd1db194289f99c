// Inline SVG bar charts (no script, no external resource): one bar per row, with a 95% interval whisker.
import { escapeHtml } from './escape.js';

export interface BarRow {
  label: string;
  value: number | null;
  ci?: [number, number] | null;
  /** Text printed right of the bar (value, n...). */
  note: string;
  /** Full text for the hover tooltip. */
  tooltip?: string;
  tone?: 'ok' | 'warn' | 'bad' | 'muted';
}

export interface BarChartOptions {
  title: string;
  rows: BarRow[];
  /** Upper end of the axis (100 for percentages, 1 for fractions). */
  max: number;
  /** Accessible description. */
  description?: string;
}

const WIDTH = 570, LABEL_W = 165, NOTE_W = 115, ROW_H = 24, TOP = 30, BOTTOM = 26;
const BAR_W = WIDTH - LABEL_W - NOTE_W;

export function barChart(options: BarChartOptions): string {
  const { rows } = options;
  const max = options.max > 0 && Number.isFinite(options.max) ? options.max : 1;
  const height = TOP + rows.length * ROW_H + BOTTOM;
  const x = (v: number) => LABEL_W + (Math.min(Math.max(v, 0), max) / max) * BAR_W;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(options.description ?? options.title)}">`,
    `<text class="chart-title" x="0" y="18">${escapeHtml(options.title)}</text>`,
  );
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const gx = x(t * max).toFixed(1);
    parts.push(
      `<line class="grid" x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${height - BOTTOM + 2}"/>`,
      `<text class="axis" x="${gx}" y="${height - 8}" text-anchor="middle">${escapeHtml(tick(t * max))}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    const cy = y + ROW_H / 2;
    parts.push(rowStart(row, row.tone ?? 'ok', cy));
    if (row.value !== null && Number.isFinite(row.value)) {
      const w = Math.max(x(row.value) - LABEL_W, row.value > 0 ? 1 : 0);
      parts.push(`<rect class="bar" x="${LABEL_W}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW_H - 10}" rx="2"/>`);
    }
    parts.push(rowEnd(row, cy, x));
  });
  parts.push('</svg>');
  return parts.join('');
}

interface RowText {
  label: string;
  note: string;
  tooltip?: string;
  ci?: [number, number] | null;
}

/** A row's group, tooltip and label (left of the bars); every string is escaped. */
function rowStart(row: RowText, tone: string, cy: number): string {
  return (
    `<g class="row ${tone}"><title>${escapeHtml(row.tooltip ?? `${row.label}: ${row.note}`)}</title>` +
    `<text class="label" x="${LABEL_W - 8}" y="${cy + 4}" text-anchor="end">${escapeHtml(shorten(row.label, 20))}</text>`
  );
}

/** A row's interval whiskers and note (right of the bars), closing its group. */
function rowEnd(row: RowText, cy: number, x: (v: number) => number): string {
  let out = '';
  if (row.ci) {
    const [lo, hi] = [x(row.ci[0]).toFixed(1), x(row.ci[1]).toFixed(1)];
    out +=
      `<line class="ci" x1="${lo}" y1="${cy}" x2="${hi}" y2="${cy}"/>` +
      `<line class="ci" x1="${lo}" y1="${cy - 5}" x2="${lo}" y2="${cy + 5}"/>` +
      `<line class="ci" x1="${hi}" y1="${cy - 5}" x2="${hi}" y2="${cy + 5}"/>`;
  }
  return `${out}<text class="note" x="${LABEL_W + BAR_W + 8}" y="${cy + 4}">${escapeHtml(row.note)}</text></g>`;
}

function tick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(v < 1 ? 2 : 1);
}

/** Shortens by code points (never splits a surrogate pair). */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export interface DeltaRow {
  label: string;
  delta: number | null;
  ci?: [number, number] | null;
  note: string;
  tooltip?: string;
}

/** Differences around a zero line (B − A), with interval whiskers; green right of zero, red left. */
export function deltaChart(options: { title: string; rows: DeltaRow[] }): string {
  const { rows } = options;
  let span = 0;
  for (const r of rows) for (const v of [r.delta, ...(r.ci ?? [])]) if (v !== null && Number.isFinite(v)) span = Math.max(span, Math.abs(v));
  span = span > 0 ? niceCeil(span) : 1;
  const height = TOP + rows.length * ROW_H + BOTTOM;
  const mid = LABEL_W + BAR_W / 2;
  const x = (v: number) => mid + (Math.max(-span, Math.min(span, v)) / span) * (BAR_W / 2);
  const parts = [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<text class="chart-title" x="0" y="18">${escapeHtml(options.title)}</text>`,
  ];
  for (const t of [-1, -0.5, 0, 0.5, 1]) {
    const gx = x(t * span).toFixed(1);
    parts.push(
      `<line class="grid${t === 0 ? ' zero' : ''}" x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${height - BOTTOM + 2}"/>`,
      `<text class="axis" x="${gx}" y="${height - 8}" text-anchor="middle">${escapeHtml(t > 0 ? `+${tick(t * span)}` : tick(t * span))}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    const cy = y + ROW_H / 2;
    const tone = row.delta === null ? 'muted' : row.delta >= 0 ? 'up' : 'down';
    parts.push(rowStart(row, tone, cy));
    if (row.delta !== null && Number.isFinite(row.delta)) {
      const [x0, x1] = [x(Math.min(0, row.delta)), x(Math.max(0, row.delta))];
      parts.push(`<rect class="bar" x="${x0.toFixed(1)}" y="${y + 5}" width="${Math.max(x1 - x0, 1).toFixed(1)}" height="${ROW_H - 10}" rx="2"/>`);
    }
    parts.push(rowEnd(row, cy, x));
  });
  parts.push('</svg>');
  return parts.join('');
}

function niceCeil(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
