// The viewer's static part: the legend of slice abbreviations, the filter bar, the list and detail
// containers, and the embedded data. The script (viewer-script.ts) fills them in.
import type { ResultJson } from '../types.js';
import { escapeHtml } from './escape.js';
import { embedViewerParts, type PackedViewerData, type ViewerData } from './viewer-data.js';

/**
 * The legend: for each annotation dimension whose values are shown abbreviated (the paper's labels), the
 * label next to the value it stands for. Empty when no label differs from its value.
 */
export function legendSection(result: Pick<ResultJson, 'slices'>): string {
  const parts: string[] = [];
  for (const [dimension, values] of Object.entries(result.slices)) {
    const rows = Object.entries(values)
      .filter(([key, slice]) => slice.label !== undefined && slice.label !== key)
      .map(([key, slice]) => `<tr><td>${escapeHtml(slice.label!)}</td><td>${escapeHtml(key)}</td></tr>`);
    if (rows.length === 0) continue;
    parts.push(`<div class="legend-dim"><h3>${escapeHtml(dimension)}</h3><table class="legend"><thead><tr><th>shown as</th><th>annotation in the data</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
  }
  if (parts.length === 0) return '';
  return `<section id="medeval-legend"><h2>Legend</h2><p class="muted">Abbreviations used in the tables, charts and sample filters, and the annotation values they stand for.</p><div class="legends">${parts.join('')}</div></section>`;
}

/** The samples section: filters, list, detail pane and the data block. */
export function viewerSection(data: ViewerData | PackedViewerData, total: number): string {
  return [...viewerSectionParts(data, total)].join('');
}

/** `viewerSection` in pieces (the data block element by element; see embedJsonParts), for writing to a file. */
export function* viewerSectionParts(data: ViewerData | PackedViewerData, total: number): Generator<string> {
  const shown = data.samples.length;
  const runs = data.runs.length;
  const note =
    runs > 1
      ? `${data.capped ? `The first ${shown} of ${shown + data.capped}` : shown} samples that ${runs === 2 ? 'both' : `all ${runs}`} runs share${data.unmatched ? ` (${data.unmatched} records in only some of the runs are not shown)` : ''}.`
      : shown < total
        ? `The first ${shown} of ${total} samples.`
        : `${shown} samples.`;
  yield [
    '<section id="medeval-viewer" class="viewer"><h2>Samples</h2>',
    `<p class="muted">${escapeHtml(note)} Model outputs are shown as plain text; the highlighted part of an output is what the answer was read from. Each row: number, id, the outcome and the answer read${runs > 1 ? ' (per run)' : ''}, the gold answer, the question. Keys: ↑/↓ or j/k in the list.</p>`,
    '<noscript><p class="muted">The sample viewer needs JavaScript; the tables above do not.</p></noscript>',
    '<div class="filters"><input id="mv-q" type="search" placeholder="Search id, question, output, answer…" aria-label="Search samples">',
    '<span id="mv-count" class="muted" aria-live="polite"></span></div>',
    '<div id="mv-facets" class="facets"></div>',
    runs === 2 ? '<div id="mv-presets" class="presets" aria-label="Quick filters"></div>' : '',
    '<div class="vwrap"><div id="mv-list" class="vlist" role="listbox" tabindex="0" aria-label="Samples"><div id="mv-spacer" class="vspacer"></div></div>',
    '<div id="mv-detail" class="detail" aria-live="polite"></div></div>',
    '<script type="application/json" id="medeval-data">',
  ].join('\n');
  yield* embedViewerParts(data);
  yield '</script>\n</section>';
}
