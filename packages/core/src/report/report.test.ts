import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachDisplay, JUPYTER_DISPLAY, renderHtml, renderJson, renderMarkdown } from './index.js';
import { escapeHtml, escapeMarkdownCell } from './escape.js';
import { VIEWER_SCRIPT } from './viewer-script.js';
import { VIEWER_SCRIPT_SHA256 } from './viewer-script-hash.js';
import { fixtureRun, iterate, XSS_OUTPUT } from './test-fixture.js';
import type { ViewerData } from './viewer-data.js';

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeMarkdownCell('a|b\n<c>')).toBe('a\\|b &lt;c&gt;');
    // a bare ampersand stays readable; one that would start an entity is escaped
    expect(escapeMarkdownCell('PH&PM &lt; &#60;')).toBe('PH&PM &amp;lt; &amp;#60;');
  });
});

describe('renderMarkdown', () => {
  const { result } = fixtureRun();
  const md = renderMarkdown(result);

  it('has the overall table, then one table per dimension, each followed by the protocol signature', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Overall', '## Difficulty level', '## Medical Discipline', '## Clinical Department']);
    expect(md).toContain('| Model | Acc | Distinct-1 |');
    expect(md.match(/<sub>Protocol `standard`: `standard\|extract:strict\|acc:exact-set\|v1`/g)).toHaveLength(4);
    expect(md).toContain('Wilson score interval for Acc');
    expect(md).toContain('percentile bootstrap (200 resamples, seed 1) for Distinct-1');
  });

  it('prints values with intervals, labels instead of raw values, and n per row', () => {
    const acc = result.metrics.accuracy!;
    const overall = md.split('\n').find((l) => l.startsWith('| baseline'))!;
    expect(overall).toContain(`${acc.value!.toFixed(2)} [${acc.ci95![0].toFixed(2)}, ${acc.ci95![1].toFixed(2)}]`);
    expect(md).toContain('| baseline:fixture&lt;i&gt; |');
    const d1 = result.slices['Difficulty level']!['1']!;
    expect(md).toContain(`| 1 Easy | ${d1.n} | ${d1.metrics.accuracy!.value!.toFixed(2)}`);
    expect(md).toMatch(/\| ClinMed \| 20 \|/);
    expect(md).toMatch(/\| N\/A \| 15 \|/);
    expect(md).toMatch(/\| \*n\* \| 59 \| \d+ \|/); // accuracy n excludes the error row
    // every table row has the same number of cells as its header
    for (const block of md.split('\n\n')) {
      const rows = block.split('\n').filter((l) => l.startsWith('|'));
      if (rows.length) expect(new Set(rows.map((r) => r.split(/(?<!\\)\|/).length)).size).toBe(1);
    }
  });

  it('prints a dash for a metric with no scorable sample', () => {
    const { result: r } = fixtureRun();
    r.metrics.distinct1 = { value: null, ci95: null, n: 0, signature: 's', scale: 'fraction' };
    expect(renderMarkdown(r)).toMatch(/\| baseline:fixture&lt;i&gt; \| [\d.]+ \[[\d., ]+\] \| — \|/);
  });
});

/** The viewer's data block of a page, parsed the way the browser does (JSON.parse of the element's text). */
function embeddedData(html: string): ViewerData {
  const m = /<script type="application\/json" id="medeval-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]!) as ViewerData;
}

describe('renderHtml', () => {
  it('is one self-contained page with tables, SVG charts, a legend and model text only as inert data', async () => {
    const { result, records } = fixtureRun();
    const html = await renderHtml(result, iterate(records));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(`script-src 'sha256-${VIEWER_SCRIPT_SHA256}'`);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('Acc by Difficulty level');
    expect(html).toContain('Extraction status');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // model text never appears as markup: not even a "<" of it survives outside JSON escapes
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</td></tr></table><script>');
    // two script elements: the JSON data block (not executable) and the pinned viewer script
    expect(html.match(/<script/gi)).toHaveLength(2);
    const data = embeddedData(html);
    expect(data.samples).toHaveLength(60);
    expect(data.cells[0]![3]![2]).toBe(XSS_OUTPUT);
    expect(data.samples[4]![1]).toBe('问题<script>window.__pwned=3</script>');
    expect(data.cells[0]![11]![11]).toBe('HTTP 500 <server error>');
    // legend: the paper's abbreviation next to the annotation it stands for
    expect(html).toContain('<h2>Legend</h2>');
    expect(html).toContain('<tr><td>ClinMed</td><td>临床医学</td></tr>');
  });

  it('embeds every sample by default (no 2,000 cap) and stops reading at maxSamples', async () => {
    const { result, records } = fixtureRun(2300);
    expect(embeddedData(await renderHtml(result, iterate(records))).samples).toHaveLength(2300);
    let pulled = 0;
    async function* counting() { for (const r of records) { pulled++; yield r; } }
    const html = await renderHtml(result, counting(), { maxSamples: 5 });
    expect(pulled).toBe(5);
    expect(html).toContain('The first 5 of 2300 samples.');
    expect(embeddedData(html).samples).toHaveLength(5);
  });

  it('pins the sha256 of its script in the Content-Security-Policy', () => {
    expect(createHash('sha256').update(VIEWER_SCRIPT, 'utf8').digest('base64')).toBe(VIEWER_SCRIPT_SHA256);
  });
});

describe('renderJson and attachDisplay', () => {
  it('renders JSON and adds a non-enumerable notebook display', () => {
    const { result } = fixtureRun();
    const before = renderJson(result);
    expect(JSON.parse(before)).toEqual(result);
    const shown = attachDisplay(result);
    expect(shown).toBe(result);
    expect(renderJson(shown)).toBe(before);
    expect(Object.keys(shown)).not.toContain(JUPYTER_DISPLAY);
    expect(Object.getOwnPropertyDescriptor(shown, JUPYTER_DISPLAY)!.enumerable).toBe(false);
    const bundle = (shown as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]!();
    expect(bundle['text/markdown']).toBe(renderMarkdown(result));
    expect(bundle['text/html']).toMatch(/^<div class="medeval"><style>/);
    expect(bundle['text/html']).toContain('<svg ');
    expect(bundle['text/html']).not.toContain('<script');
    // slices and the overall metrics display as their own tables
    const slice = shown.slices['Medical Discipline'] as unknown as Record<symbol, () => Record<string, string>>;
    expect(slice[JUPYTER_DISPLAY]!()['text/markdown']).toMatch(/^## Medical Discipline\n\n\| Medical Discipline \| n \| Acc \| Distinct-1 \|/);
    expect(slice[JUPYTER_DISPLAY]!()['text/html']).toContain('<td title="临床医学">ClinMed</td>');
    const all = shown.slices as unknown as Record<symbol, () => Record<string, string>>;
    expect(all[JUPYTER_DISPLAY]!()['text/markdown'].match(/^## /gm)).toHaveLength(3);
    const overall = shown.metrics as unknown as Record<symbol, () => Record<string, string>>;
    expect(overall[JUPYTER_DISPLAY]!()['text/markdown']).toMatch(/^## Overall/);
    expect(Object.keys(shown.slices['Medical Discipline']!)).toEqual(['中医学', '临床医学', '药学']); // equal n: code-point order
    expect(renderJson(shown)).toBe(before);
  });
});
