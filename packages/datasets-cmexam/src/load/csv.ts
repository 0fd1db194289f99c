// A small streaming RFC 4180 parser that works on text chunks (no Node streams, so it runs in Deno and
// browsers) and remembers the physical line where each record starts, so errors can name it.
// Written here rather than taken from csv-parse: its browser build pulls in a Node-stream polyfill.

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** Set when the record is structurally suspicious (text after a closing quote). */
  problem?: string;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}: line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterQuoted';

/**
 * Push text chunks, get complete records back. CRLF, LF and lone CR end a record outside quotes;
 * inside quotes every character (including newlines) is kept. `""` inside quotes is one quote.
 * A line with nothing on it (blank line) yields no record, as pandas' `skip_blank_lines` does.
 */
export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private pendingCR = false;
  private problem: string | undefined;

  constructor(private readonly file: string) {}

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') continue; // the LF of a CRLF already ended the record
      }
      switch (this.state) {
        case 'quoted':
          if (c === '"') this.state = 'quoteInQuoted';
          else {
            if (c === '\n') this.line++;
            this.field += c;
          }
          break;
        case 'quoteInQuoted':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else {
            this.state = 'afterQuoted';
            i--; // re-read c as the character after the closing quote
          }
          break;
        case 'afterQuoted':
          if (c === ',') this.endField();
          else if (c === '\r' || c === '\n') this.endRecord(c, out);
          else {
            this.problem ??= `text after the closing quote of field ${this.fields.length + 1}`;
            this.field += c;
          }
          break;
        case 'fieldStart':
        case 'unquoted':
          if (c === '"' && this.state === 'fieldStart') {
            this.state = 'quoted';
            this.quoteLine = this.line;
          } else if (c === ',') this.endField();
          else if (c === '\r' || c === '\n') this.endRecord(c, out);
          else {
            this.state = 'unquoted';
            this.field += c; // a quote inside an unquoted field is kept literally, as Python's csv does
          }
          break;
      }
    }
    return out;
  }

  /** Flushes the last record; throws on an unterminated quoted field. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') {
      throw new CsvSyntaxError(this.file, this.quoteLine, 'quoted field never closed (unbalanced ")');
    }
    const out: CsvRecord[] = [];
    if (this.fields.length > 0 || this.field !== '' || this.state !== 'fieldStart') this.endRecord('\n', out);
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(terminator: string, out: CsvRecord[]): void {
    const blank = this.fields.length === 0 && this.field === '' && this.state === 'fieldStart';
    if (!blank) {
      this.fields.push(this.field);
      const record: CsvRecord = { fields: this.fields, line: this.recordLine };
      if (this.problem) record.problem = this.problem;
      out.push(record);
    }
    this.fields = [];
    this.field = '';
    this.state = 'fieldStart';
    this.problem = undefined;
    if (terminator === '\r') this.pendingCR = true;
    this.line++;
    this.recordLine = this.line;
  }
}
