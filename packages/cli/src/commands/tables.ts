// What `run` and `score` print: the report's overall table (per-dimension tables only with --full; they are
// always in report.md). The text itself comes from core's renderMarkdown.
import { renderMarkdown, type ResultJson } from '@medeval/core';

export function resultTables(result: ResultJson, full: boolean): string {
  const markdown = renderMarkdown(result);
  if (full) return markdown;
  const overall = markdown.indexOf('\n## ');
  const next = overall === -1 ? -1 : markdown.indexOf('\n## ', overall + 4);
  if (next === -1) return markdown;
  const dimensions = Object.keys(result.slices);
  return `${markdown.slice(0, next).trimEnd()}\n\n(${dimensions.length} more tables, by ${dimensions.join(', ')}: see report.md, or pass --full)\n`;
}
