// Escaping for everything that reaches a report from outside (model output, questions, annotation values,
// model ids). One function for HTML text, attribute values and SVG text: it escapes the five characters that
// can end a text node, an attribute or a tag, so `</script>`, `onerror=` and quotes stay inert text.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * For a Markdown table cell: HTML-escape (Markdown renderers pass raw HTML through), escape the pipe that
 * would split the cell, and fold newlines into spaces.
 */
export function escapeMarkdownCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}

/** For text inside Markdown inline code (signatures): backticks would end the span. */
export function markdownCode(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  const close = text.includes('`') ? ' ``' : '`';
  return fence + text.replace(/\r\n|\r|\n/g, ' ') + close;
}
