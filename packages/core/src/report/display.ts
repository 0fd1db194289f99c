// Notebook display (Deno's Jupyter kernel, and any host that honours the same symbol): results and
// comparisons render as HTML tables with charts, and as Markdown.
import type { ResultJson } from '../types.js';
import { htmlFragment } from './html-page.js';
import { dimensionSection, overallSection, resultFragment } from './html-fragment.js';
import { dimensionTable, overallMarkdown, renderMarkdown } from './markdown.js';
import { orderMetrics } from './format.js';

export const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

export interface DisplayBundle {
  'text/html': string;
  'text/markdown': string;
}

/**
 * Adds non-enumerable display methods (JSON.stringify, Object.keys and spreads are unaffected) to the
 * result, to `result.metrics` (the overall table), to `result.slices` (every dimension's table) and to
 * each `result.slices[dimension]` (that dimension's table), so each renders as a table when it is a
 * notebook cell's value.
 * Returns the same object.
 *
 * @example
 * const result = attachDisplay(await evaluate({ task, model }));
 * result.slices['Clinical Department']; // a notebook cell with this value shows that dimension's table
 */
export function attachDisplay<T extends ResultJson>(result: T): T {
  defineDisplay(result.metrics, () => ({
    'text/html': htmlFragment(overallSection(result)),
    'text/markdown': overallMarkdown(result).join('\n'),
  }));
  const metricNames = () => orderMetrics(Object.keys(result.metrics));
  defineDisplay(result.slices, () => ({
    'text/html': htmlFragment(Object.keys(result.slices).map((d) => dimensionSection(result, d)).join('\n')),
    'text/markdown': Object.keys(result.slices).map((d) => dimensionTable(result, d, result.slices[d]!, metricNames()).join('\n')).join('\n\n'),
  }));
  for (const dimension of Object.keys(result.slices)) {
    defineDisplay(result.slices[dimension]!, () => ({
      'text/html': htmlFragment(dimensionSection(result, dimension)),
      'text/markdown': dimensionTable(result, dimension, result.slices[dimension]!, metricNames()).join('\n'),
    }));
  }
  return defineDisplay(result, () => ({
    'text/html': htmlFragment(resultFragment(result)),
    'text/markdown': renderMarkdown(result),
  }));
}

export function defineDisplay<T extends object>(target: T, render: () => DisplayBundle): T {
  Object.defineProperty(target, JUPYTER_DISPLAY, { value: render, enumerable: false, configurable: true, writable: true });
  return target;
}
