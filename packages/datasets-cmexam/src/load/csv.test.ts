import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, type CsvRecord } from './csv.js';

/** Parses text cut into chunks of `size` characters (1 = every boundary case). */
function parse(text: string, size = text.length || 1): CsvRecord[] {
  const parser = new CsvParser('t.csv');
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

describe('CsvParser', () => {
  const official = 'Question,Options,Answer\r\n"问题一","A 甲\nB 乙",A\r\n问题二,"A ""引号"", 逗号\nB 乙",B\r\n';

  it.each([1, 2, 3, 7, 1000])('parses RFC 4180 with quoted newlines, "" and CRLF in chunks of %i', (size) => {
    const records = parse(official, size);
    expect(fields(records)).toEqual([
      ['Question', 'Options', 'Answer'],
      ['问题一', 'A 甲\nB 乙', 'A'],
      ['问题二', 'A "引号", 逗号\nB 乙', 'B'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('accepts LF, lone CR and a missing final newline', () => {
    expect(fields(parse('a,b\nc,d'))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fields(parse('a,b\rc,d\r'))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty fields and skips blank lines (as pandas does), counting their line numbers', () => {
    const records = parse('a,,c\n\n,,\nx,y,z\n', 1);
    expect(fields(records)).toEqual([['a', '', 'c'], ['', '', ''], ['x', 'y', 'z']]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it('keeps a quote inside an unquoted field literally', () => {
    expect(fields(parse('a"b,c\n'))).toEqual([['a"b', 'c']]);
  });

  it('flags text after a closing quote', () => {
    const [record] = parse('"ab"x,c\n');
    expect(record!.fields).toEqual(['abx', 'c']);
    expect(record!.problem).toMatch(/after the closing quote of field 1/);
  });

  it('names the line where an unterminated quoted field starts', () => {
    expect(() => parse('a,b\n"open,\nmore\n')).toThrow(CsvSyntaxError);
    expect(() => parse('a,b\n"open,\nmore\n')).toThrow(/t\.csv: line 2: quoted field never closed/);
  });

  it('handles an empty quoted field and a quoted field at the end', () => {
    expect(fields(parse('"",""\r\n'))).toEqual([['', '']]);
  });
});
