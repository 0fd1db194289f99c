// report.html: one self-contained page. Inline CSS and SVG, the sample viewer's script and its data
// block, and a Content-Security-Policy that allows nothing else: no network request of any kind, and no
// script other than the pinned one could run even if some text escaped escaping.
import type { EvalRecord, ResultJson } from '../types.js';
import { escapeHtml } from './escape.js';
import { reportTitle } from './format.js';
import { resultFragment } from './html-fragment.js';
import { REPORT_CSS } from './style.js';
import { packedViewerData, viewerData, type PackedViewerData, type ViewerData, type ViewerRun } from './viewer-data.js';
import { VIEWER_SCRIPT } from './viewer-script.js';
import { VIEWER_SCRIPT_SHA256 } from './viewer-script-hash.js';
import { legendSection, viewerSection, viewerSectionParts } from './viewer-section.js';

export interface HtmlOptions {
  /**
   * How many samples the viewer embeds, the first ones in records order (default 100,000: every sample of
   * CMExam's 68k questions; past that the page would outgrow what a browser opens comfortably).
   */
  maxSamples?: number;
}

/** The viewer's default sample cap (see HtmlOptions.maxSamples). */
export const DEFAULT_VIEWER_SAMPLES = 100_000;

/**
 * The self-contained report page of one run: summary, charts, slice tables, a legend of the slice
 * abbreviations and a viewer of every sample (filters, search, detail with prompt, output, reasoning,
 * the span the answer was read from, scores, tokens and latency).
 *
 * @example
 * const folder = await readRunFolder('medeval-runs/2026-01-01T00-00-00Z/cmexam');
 * await writeFile('report.html', await renderHtml(folder.results, folder.records()));
 */
export async function renderHtml(result: ResultJson, records: AsyncIterable<EvalRecord> | Iterable<EvalRecord>, options: HtmlOptions = {}): Promise<string> {
  return [...(await renderHtmlParts(result, records, options))].join('');
}

/**
 * `renderHtml` as pieces of text, for writing the page to a file without holding it as one string (with 100,000
 * samples the page and its copies took ~35 MB at the end of a run). Joined, the pieces are `renderHtml`'s page.
 *
 * @example
 * await writeFileAtomic('report.html', await renderHtmlParts(folder.results, folder.records()));
 */
export async function renderHtmlParts(
  result: ResultJson,
  records: AsyncIterable<EvalRecord> | Iterable<EvalRecord>,
  options: HtmlOptions = {},
): Promise<Iterable<string>> {
  const data = await packedViewerData({ name: viewerRunName(result), result, records }, { maxSamples: options.maxSamples ?? DEFAULT_VIEWER_SAMPLES });
  return htmlPartsWithViewer(result, data);
}

/** The name a run's own report shows it under in the viewer. */
export const viewerRunName = (result: ResultJson): string => result.model?.id ?? result.task.name;

/**
 * `renderHtmlParts` with the viewer's data already collected (a run folder collects it while it writes the records:
 * `viewerCollector`), so the records need not be read again.
 */
export function htmlPartsWithViewer(result: ResultJson, data: ViewerData | PackedViewerData): Iterable<string> {
  const head = [resultFragment(result), legendSection(result)].filter((p) => p !== '');
  function* body(): Generator<string> {
    if (head.length > 0) yield `${head.join('\n')}\n`;
    yield* viewerSectionParts(data, result.counts.samples);
  }
  return htmlPageParts(reportTitle(result), body(), true);
}

/**
 * Several runs side by side on the samples they share: `top` (the comparison tables) above the viewer.
 *
 * @example
 * const page = await renderViewerPage('gpt-4o vs qwen', comparisonFragment(comparison), runs);
 */
export async function renderViewerPage(title: string, top: string, runs: readonly ViewerRun[], options: HtmlOptions = {}): Promise<string> {
  const data = await viewerData(runs, { maxSamples: options.maxSamples ?? DEFAULT_VIEWER_SAMPLES });
  const body = [top, legendSection(runs[0]!.result), viewerSection(data, data.samples.length)].filter((p) => p !== '').join('\n');
  return htmlPage(title, body, true);
}

/** A complete page around a body fragment; `withScript` adds the pinned sample-viewer script. */
export function htmlPage(title: string, body: string, withScript: boolean): string {
  return [...htmlPageParts(title, [body], withScript)].join('');
}

/** `htmlPage` in pieces: the head, the body's own pieces, the tail. */
function* htmlPageParts(title: string, body: Iterable<string>, withScript: boolean): Generator<string> {
  const scriptSrc = withScript ? `'sha256-${VIEWER_SCRIPT_SHA256}'` : "'none'";
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSrc}; base-uri 'none'; form-action 'none'`;
  yield [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)} — medeval</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body class="medeval-body">',
    '<main class="medeval page">',
  ].join('\n');
  yield* body;
  yield `\n${[
    '<p class="muted">Generated by medeval. This page is self-contained and loads nothing from the network.</p></main>',
    withScript ? `<script>${VIEWER_SCRIPT}</script>` : '',
    '</body></html>',
    '',
  ].join('\n')}`;
}

/** A fragment for notebooks: scoped CSS + body, no script. */
export function htmlFragment(body: string): string {
  return `<div class="medeval"><style>${REPORT_CSS}</style>${body}</div>`;
}
