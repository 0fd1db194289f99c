// Notebook display (Deno's Jupyter kernel, and any host that honours the same symbol): results and
// comparisons render as HTML tables with charts, and as Markdown.
import type { ResultJson } from '../types.js';
import { htmlFragment } from './html-page.js';
import { resultFragment } from './html-fragment.js';
import { renderMarkdown } from './markdown.js';

export const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

export interface DisplayBundle {
  'text/html': string;
  'text/markdown': string;
}

/** Adds a non-enumerable display method (JSON.stringify and spreads are unaffected). Returns the same object. */
export function attachDisplay<T extends ResultJson>(result: T): T {
  return defineDisplay(result, () => ({
    'text/html': htmlFragment(resultFragment(result)),
    'text/markdown': renderMarkdown(result),
  }));
}

export function defineDisplay<T extends object>(target: T, render: () => DisplayBundle): T {
  Object.defineProperty(target, JUPYTER_DISPLAY, { value: render, enumerable: false, configurable: true, writable: true });
  return target;
}
