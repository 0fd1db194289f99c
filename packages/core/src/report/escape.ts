// Escaping for everything that reaches a report from outside (model output, questions, annotation values,
// model ids). One function for HTML text, attribute values and SVG text: it escapes the five characters that
// can end a text node, an attribute or a tag, so `</script>`, `onerror=` and quotes stay inert text.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes the five HTML-special characters, for text put into HTML.
 *
 * @example
 * escapeHtml('<b>C</b> & "D"'); // '&lt;b&gt;C&lt;/b&gt; &amp; &quot;D&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * For a Markdown table cell: neutralise raw HTML (Markdown renderers pass it through) by escaping `<`, `>`
 * and an `&` that would start an entity, escape the pipe that would split the cell, and fold newlines into
 * spaces. A plain `&` stays readable (`PH&PM`), since it cannot start markup on its own.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** For text inside Markdown inline code (signatures): backticks would end the span. */
export function markdownCode(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  const close = text.includes('`') ? ' ``' : '`';
  return fence + text.replace(/\r\n|\r|\n/g, ' ') + close;
}
