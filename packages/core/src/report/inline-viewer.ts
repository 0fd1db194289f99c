// A report page shown inside a notebook cell: the whole page (viewer script included) in a sandboxed
// iframe. The sandbox allows scripts but not the notebook's origin, so the page cannot touch the
// notebook, and its own Content-Security-Policy still applies inside the frame.
import { defineDisplay, type DisplayBundle } from './display.js';
import { escapeHtml } from './escape.js';

export interface InlineViewer {
  /** The iframe element's HTML. */
  html: string;
}

/**
 * Wraps a page from `renderHtml()` or `renderComparisonReport()` for notebook display.
 *
 * @example
 * // Deno notebook: records kept with an in-memory sink during evaluate()
 * await Deno.jupyter.display(inlineViewer(await renderHtml(result, records)));
 */
export function inlineViewer(page: string, options: { height?: number } = {}): InlineViewer & { [key: symbol]: () => DisplayBundle } {
  const height = Math.max(200, Math.round(options.height ?? 900));
  const html = `<iframe class="medeval-viewer" title="medeval report" sandbox="allow-scripts" style="width:100%;height:${height}px;border:1px solid #dfe4ea;border-radius:6px" srcdoc="${escapeHtml(page)}"></iframe>`;
  return defineDisplay({ html }, () => ({
    'text/html': html,
    'text/markdown': 'The medeval sample viewer (an HTML page in an iframe); open the notebook in a front end that renders HTML.',
  })) as InlineViewer & { [key: symbol]: () => DisplayBundle };
}
