import { defineDisplay } from '../report/display.js';
import { htmlFragment } from '../report/html-page.js';
import { comparisonFragment, renderComparisonMarkdown } from './render.js';
import type { Comparison, MultiComparison } from './types.js';

/** Notebook display for comparisons (non-enumerable; the JSON shape is unchanged). */
export function attachComparisonDisplay<T extends Comparison | MultiComparison>(comparison: T): T {
  return defineDisplay(comparison, () => ({
    'text/html': htmlFragment(comparisonFragment(comparison)),
    'text/markdown': renderComparisonMarkdown(comparison),
  }));
}
