// The terminal shows plain-text tables aligned by display width (a CJK character takes two columns), not
// Markdown: Markdown stays in report.md. Widths come from `string-width` (East Asian Width + emoji), not a
// hand-rolled table of code points.
import stringWidth from 'string-width';

/** Markdown cells back to text: `\|` → `|`, emphasis and code marks dropped. */
function cellText(cell: string): string {
  return cell.trim().replace(/\\\|/g, '|').replace(/\*\*|__|`/g, '').replace(/^\*(.+)\*$/, '$1');
}

/** Splits a Markdown table row on unescaped `|`. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map(cellText);
}

const isSeparator = (row: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(row.trim());

/** One Markdown table (its lines) as aligned columns; numbers right-aligned, text left-aligned. */
function alignTable(rows: string[]): string[] {
  const body = rows.filter((r) => !isSeparator(r)).map(cells);
  const columns = Math.max(...body.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...body.map((r) => stringWidth(r[c] ?? ''))));
  const numeric = Array.from({ length: columns }, (_, c) => body.slice(1).every((r) => /^[-+]?[\d.,%]+( \[.*\])?$|^–?$/.test(r[c] ?? '')));
  const pad = (text: string, c: number) => {
    const gap = ' '.repeat(widths[c]! - stringWidth(text));
    return numeric[c] && text !== body[0]![c] ? gap + text : text + gap;
  };
  const lines = body.map((r) => Array.from({ length: columns }, (_, c) => pad(r[c] ?? '', c)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return lines;
}

/**
 * A Markdown report as terminal text: headings without `#`, tables aligned by display width.
 *
 * @example
 * plainTables('| 科室 | n |\n|---|---|\n| 内科 | 12 |') // → '科室  n\n────  ──\n内科  12'
 */
export function plainTables(markdown: string): string {
  const out: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length) out.push(...alignTable(table));
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('|')) {
      table.push(line);
      continue;
    }
    flush();
    out.push(line.replace(/^#{1,6}\s+/, '').replace(/\*\*|`|<\/?sub>/g, ''));
  }
  flush();
  return out.join('\n');
}
