// loadMcq: a user's own multiple-choice exam as a Dataset. JSON Lines (one object a line), JSON (an array
// of objects) or CSV (a header row), by file extension. Each record needs a question, options and an answer;
// a column mapping renames fields (`{ question: '题目', answer: '答案' }`). Options may be an object keyed by
// letter, a list (lettered A, B, … in order), or one column per letter (A … J). The answer is one or several
// letters ("C", "ACD", "A,C", ["A", "C"]). Any other field can become a slice. A record that does not fit
// stops the load with the file, the line and what is wrong.
import { decodeUtf8, openSource, sourceName, type DataSource, type Dataset, type LoadSummary, type MetaValue, type Sample } from '@medeval/core';
import { CsvParser } from '@medeval/datasets-cmexam/internal';

export const MCQ_LETTERS = 'ABCDEFGHIJ';

export interface McqOption {
  letter: string;
  text: string;
}

export type McqSample = Sample<{ question: string; options: McqOption[]; optionsText: string }, { answer: string }> & { meta: Record<string, MetaValue> };

export interface LoadMcqOptions {
  /** Our field name → the file's: `question`, `options`, `answer`, `id`. */
  columns?: Partial<Record<'question' | 'options' | 'answer' | 'id', string>>;
  /** Fields kept as `meta` (slices), by their names in the file. */
  sliceBy?: readonly string[];
  format?: 'jsonl' | 'json' | 'csv';
}

/** A record that is not a valid question: names the file and the line. */
export class McqFormatError extends Error {
  constructor(readonly file: string, readonly line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'McqFormatError';
  }
}

/**
 * @example
 * const exam = loadMcq('my-exam.jsonl', { sliceBy: ['subject'] });
 */
export function loadMcq(data: DataSource, options: LoadMcqOptions = {}): Dataset<McqSample> {
  const source = sourceName(data);
  const format = options.format ?? (/\.csv$/i.test(source) ? 'csv' : /\.json$/i.test(source) ? 'json' : 'jsonl');
  let summary: LoadSummary = { source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
  const field = (name: 'question' | 'options' | 'answer' | 'id') => options.columns?.[name] ?? name;
  const toSample = (record: Record<string, unknown>, line: number, index: number): McqSample => {
    const bad = (problem: string) => new McqFormatError(source, line, problem);
    const question = record[field('question')];
    if (typeof question !== 'string' || question.trim() === '') throw bad(`"${field('question')}" is missing or empty`);
    const opts = optionsOf(record, field('options'));
    if (typeof opts === 'string') throw bad(opts);
    if (opts.length < 2 || opts.length > 10) throw bad(`${opts.length} options; a question has 2 to 10`);
    const answer = answerOf(record[field('answer')], opts);
    if (answer.startsWith('!')) throw bad(answer.slice(1));
    const meta: Record<string, MetaValue> = {};
    for (const key of options.sliceBy ?? []) {
      const value = record[key];
      if (value !== undefined && value !== null && typeof value !== 'object') meta[key] = value as MetaValue;
    }
    const rawId = record[field('id')];
    return {
      id: rawId !== undefined && rawId !== null && rawId !== '' ? String(rawId) : String(index),
      input: { question, options: opts, optionsText: opts.map((o) => `${o.letter} ${o.text}`).join('\n') },
      target: { answer },
      meta,
    };
  };
  async function* records(): AsyncGenerator<{ record: Record<string, unknown>; line: number }> {
    const bytes = await openSource(data);
    if (format === 'json') {
      let text = '';
      for await (const chunk of decodeUtf8(bytes)) text += chunk;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new McqFormatError(source, 1, `not valid JSON (${(error as Error).message})`);
      }
      if (!Array.isArray(parsed)) throw new McqFormatError(source, 1, 'expected a JSON array of questions');
      for (const [k, record] of parsed.entries()) {
        if (!record || typeof record !== 'object') throw new McqFormatError(source, 1, `item ${k} is not an object`);
        yield { record: record as Record<string, unknown>, line: k + 1 };
      }
      return;
    }
    if (format === 'csv') {
      const parser = new CsvParser(source);
      let header: string[] | undefined;
      const emit = function* (rows: ReturnType<CsvParser['push']>) {
        for (const row of rows) {
          if (!header) {
            header = row.fields.map((f) => f.trim());
            continue;
          }
          if (row.problem) throw new McqFormatError(source, row.line, row.problem);
          if (row.fields.length !== header.length) throw new McqFormatError(source, row.line, `${row.fields.length} fields, the header has ${header.length}`);
          yield { record: Object.fromEntries(header.map((h, i) => [h, row.fields[i]!])), line: row.line };
        }
      };
      for await (const chunk of decodeUtf8(bytes)) yield* emit(parser.push(chunk));
      yield* emit(parser.end());
      return;
    }
    let buffered = '';
    let line = 0;
    const flush = function* (text: string) {
      line++;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new McqFormatError(source, line, `not valid JSON (${(error as Error).message})`);
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new McqFormatError(source, line, 'expected a JSON object');
      yield { record: value as Record<string, unknown>, line };
    };
    for await (const chunk of decodeUtf8(bytes)) {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        yield* flush(buffered.slice(0, newline).replace(/\r$/, ''));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    }
    if (buffered !== '') yield* flush(buffered);
  }
  return {
    name: 'mcq',
    source,
    async *samples() {
      summary = { source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
      const ids = new Map<string, number>();
      let index = 0;
      for await (const { record, line } of records()) {
        summary.read++;
        const sample = toSample(record, line, index++);
        const seen = ids.get(sample.id);
        if (seen !== undefined) throw new McqFormatError(source, line, `id "${sample.id}" was already used on line ${seen}`);
        ids.set(sample.id, line);
        summary.loaded++;
        yield sample;
      }
    },
    summary: () => summary,
  };
}

/**
 * The options of a record, in any of the three shapes, or what is wrong.
 *
 * @example
 * optionsOf({ options: { A: '头痛', B: '发热' } }, 'options'); // [{ letter: 'A', text: '头痛' }, { letter: 'B', text: '发热' }]
 * optionsOf({}, 'options'); // a string saying what is wrong
 */
export function optionsOf(record: Record<string, unknown>, name: string): McqOption[] | string {
  const value = record[name];
  if (Array.isArray(value)) {
    if (value.length > 10) return `${value.length} options; a question has 2 to 10`;
    const texts = value.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null));
    if (texts.some((t) => t === null || t.trim() === '')) return `"${name}" must be a list of non-empty texts`;
    return texts.map((text, i) => ({ letter: MCQ_LETTERS[i]!, text: text! }));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const out: McqOption[] = [];
    for (const [key, text] of entries) {
      const letter = key.trim().toUpperCase();
      if (!MCQ_LETTERS.includes(letter) || letter.length !== 1) return `option key "${key}" is not a letter A–J`;
      if (typeof text !== 'string' || text.trim() === '') return `option ${letter} is empty`;
      out.push({ letter, text });
    }
    return out.sort((a, b) => a.letter.localeCompare(b.letter));
  }
  if (value === undefined) {
    // One column per letter: A, B, … as long as they are filled.
    const out: McqOption[] = [];
    for (const letter of MCQ_LETTERS) {
      const text = record[letter];
      if (typeof text === 'string' && text.trim() !== '') out.push({ letter, text });
      else if (typeof text === 'number') out.push({ letter, text: String(text) });
    }
    return out.length ? out : `no options: "${name}" is missing and there are no columns A, B, …`;
  }
  return `"${name}" must be an object {A: …}, a list, or one column per letter`;
}

/**
 * Sorted answer letters, or "!" + the problem.
 *
 * @example
 * answerOf('b, a', options); // 'AB'
 * answerOf('', options);     // '!the answer is missing (one or several letters)'
 */
export function answerOf(value: unknown, options: readonly McqOption[]): string {
  const letters = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [...value.toUpperCase().replace(/[\s,，、;；]/g, '')] : null;
  if (!letters || letters.length === 0) return '!the answer is missing (one or several letters)';
  const have = new Set(options.map((o) => o.letter));
  const bad = letters.map((l) => l.trim().toUpperCase()).filter((l) => !have.has(l));
  if (bad.length) return `!answer ${JSON.stringify(value)} names ${bad.join(', ')}, not among the options ${[...have].join('')}`;
  return [...new Set(letters.map((l) => l.trim().toUpperCase()))].sort().join('');
}
