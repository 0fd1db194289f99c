// The browsable table of samples in report.html. Every cell is escaped HTML text (never JSON inside a
// script), so a model that writes `</script>` or `<img onerror=...>` only produces visible text.
import type { EvalRecord } from '../types.js';
import { escapeHtml } from './escape.js';
import { metricLabel, orderMetrics } from './format.js';

export const DEFAULT_MAX_SAMPLES = 2000;

/** The script that filters the table. Its sha256 is pinned in the page's Content-Security-Policy. */
export const SAMPLES_SCRIPT =
  "(function(){var q=document.getElementById('medeval-q'),s=document.getElementById('medeval-s'),c=document.getElementById('medeval-c');" +
  "if(!q||!s||!c)return;var rows=Array.prototype.slice.call(document.querySelectorAll('#medeval-samples tbody tr'));" +
  "function f(){var t=q.value.toLowerCase(),st=s.value,n=0;rows.forEach(function(r){" +
  "var show=(!st||r.getAttribute('data-status')===st)&&(!t||r.textContent.toLowerCase().indexOf(t)>=0);r.hidden=!show;if(show)n++;});" +
  "c.textContent=n+' of '+rows.length+' shown';}q.addEventListener('input',f);s.addEventListener('change',f);f();})();";

/** base64 sha256 of SAMPLES_SCRIPT (checked by a test; update both together). */
export const SAMPLES_SCRIPT_SHA256 = '9s5Je9+efp9/plXBl2PuFy7ZnEivKLee1ru+iiaWV7c=';

export async function samplesSection(records: AsyncIterable<EvalRecord>, total: number, maxSamples: number): Promise<string> {
  const rows: string[] = [];
  let scoreNames: string[] | null = null;
  const widest = { value: 0 };
  if (maxSamples > 0) {
    for await (const record of records) {
      scoreNames ??= orderMetrics(Object.keys(record.scores ?? {}));
      rows.push(sampleRow(record, scoreNames, widest));
      if (rows.length >= maxSamples) break;
    }
  }
  // Answer letters get narrow prediction/gold columns; free text (Huatuo, explanations) shares the width.
  const layout = widest.value <= 16 ? 'samples short' : 'samples long';
  const shown = rows.length;
  const note = shown < total ? `The first ${shown} of ${total} samples.` : `${shown} samples.`;
  return [
    '<section><h2>Samples</h2>',
    `<p class="muted">${escapeHtml(note)} Model outputs are shown as plain text.</p>`,
    '<div class="filters"><input id="medeval-q" type="search" placeholder="Filter by any text (id, question, output…)" aria-label="Filter samples">',
    '<select id="medeval-s" aria-label="Status"><option value="">all statuses</option><option value="ok">ok</option><option value="unparsed">unparsed</option><option value="empty">empty</option><option value="truncated">truncated</option><option value="error">error</option></select>',
    '<span id="medeval-c" class="muted"></span></div>',
    `<div class="tw"><table id="medeval-samples" class="${layout}"><colgroup>`,
    '<col class="id"><col class="st"><col class="q"><col class="out"><col class="pred"><col class="gold"><col class="sc"></colgroup>',
    '<thead><tr><th>id</th><th>status</th><th>question</th><th>output</th><th>prediction</th><th>gold</th><th>scores</th></tr></thead><tbody>',
    rows.join('\n'),
    '</tbody></table></div></section>',
  ].join('\n');
}

function sampleRow(record: EvalRecord, scoreNames: string[], widest: { value: number }): string {
  const status = String(record.status);
  const output = record.output ?? (record.error ? `error: ${record.error}` : '');
  const prediction = displayValue(record.prediction);
  const gold = displayValue(record.target);
  widest.value = Math.max(widest.value, prediction.length, gold.length);
  const scores = scoreNames
    .filter((name) => record.scores?.[name] !== undefined)
    .map((name) => `${metricLabel(name)} ${formatScore(record.scores[name] ?? null)}`)
    .join('\n');
  const cell = (text: string) => `<td><div>${escapeHtml(text)}</div></td>`;
  return (
    `<tr data-status="${escapeHtml(status)}"><td>${escapeHtml(record.id)}</td>` +
    `<td><span class="badge ${escapeHtml(status)}">${escapeHtml(status)}</span></td>` +
    cell(record.input ?? '') + cell(output) +
    (prediction !== '' && prediction === record.output ? '<td><div class="muted">(the output)</div></td>' : cell(prediction)) +
    cell(gold) + cell(scores) +
    '</tr>'
  );
}

function formatScore(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
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
