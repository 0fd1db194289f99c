// --help text, generated from the same spec the parser uses.
import type { CommandSpec } from './spec.js';

export function formatHelp(spec: CommandSpec): string {
  const lines: string[] = [`medeval ${spec.name} — ${spec.summary}`, '', 'Usage:'];
  for (const usage of spec.usage) lines.push(`  ${usage}`);
  for (const paragraph of spec.details ?? []) lines.push('', ...wrap(paragraph, 100));
  const rows: Array<[string, string]> = [];
  for (const [name, option] of Object.entries(spec.options)) {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    let text = option.description;
    if (option.multiple) text += ' (repeatable)';
    if (option.defaultText !== undefined) text += ` (default: ${option.defaultText})`;
    rows.push([flag, text]);
  }
  rows.push(['-h, --help', 'Show this help and exit']);
  const width = Math.min(40, Math.max(...rows.map(([flag]) => flag.length)) + 2);
  lines.push('', 'Options:');
  for (const [flag, text] of rows) {
    const wrapped = wrap(text, 100 - width - 2);
    lines.push(`  ${flag.padEnd(width)}${wrapped[0] ?? ''}`);
    for (const more of wrapped.slice(1)) lines.push(`  ${' '.repeat(width)}${more}`);
  }
  if (spec.examples?.length) {
    lines.push('', 'Examples:');
    for (const example of spec.examples) lines.push(`  ${example}`);
  }
  lines.push('', 'Exit codes: 0 success, 1 bad input (the message names the file and line), 2 usage error.');
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
