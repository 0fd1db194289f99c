import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { plainTables } from './plain-tables.js';

describe('plainTables', () => {
  it('aligns CJK text by display width, numbers to the right, and drops Markdown marks', () => {
    const text = plainTables('## 按科室\n\n| 科室 | n | Acc |\n|---|---:|---|\n| 内科 | 12 | 50.00 |\n| Surg | 3 | 100.00 |\n| *n* | 15 | 15 |\n\n<sub>`standard`</sub>');
    const lines = text.split('\n');
    expect(lines[0]).toBe('按科室');
    const table = lines.slice(2, 7);
    expect(table[0]).toBe('科室  n   Acc');
    expect(table[2]).toBe('内科  12   50.00');
    expect(table[3]).toBe('Surg   3  100.00');
    expect(table[4]).toBe('n     15      15');
    // every row of the table has the same display width up to its last column
    expect(new Set(table.slice(2).map((l) => stringWidth(l))).size).toBe(1);
    expect(lines.at(-1)).toBe('standard');
  });
});
