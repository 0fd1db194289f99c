// loadCmmlu: one split (test or dev) of a CMMLU data folder (`<dir>/<split>/<subject>.csv`, the layout of
// haonan-li/CMMLU's `data/`), subject after subject in the given order. Every row must be
// `index,Question,A,B,C,D,Answer` with Answer one of A–D: anything else stops with the file, line and reason.
import { decodeUtf8, openSource, type Dataset, type LoadSummary } from '@medeval/core';
import { CsvParser, CsvSyntaxError } from '@medeval/datasets-cmexam/internal';
import type { CmmluOption, CmmluSample } from './schema.js';
import { SUBJECT_NAMES_ZH } from './subjects.js';

export interface LoadCmmluOptions {
  split?: 'test' | 'dev';
  subjects: readonly string[];
}

export interface CmmluDataset extends Dataset<CmmluSample> {
  /** The samples of one subject (for few-shot examples from the dev split). */
  subject(name: string): Promise<CmmluSample[]>;
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const HEADER = ['', 'Question', 'A', 'B', 'C', 'D', 'Answer'];

/** The file of one subject and split under a CMMLU data folder. */
export const subjectFile = (dir: string, split: string, subject: string) => `${dir.replace(/\/+$/, '')}/${split}/${subject}.csv`;

/**
 * @example
 * const test = loadCmmlu('./CMMLU/data', { subjects: MEDICAL_SUBJECTS });
 * for await (const sample of test.samples()) console.log(sample.meta.subject, sample.target.answer);
 */
export function loadCmmlu(dir: string, options: LoadCmmluOptions): CmmluDataset {
  const split = options.split ?? 'test';
  for (const subject of options.subjects) {
    if (!(subject in SUBJECT_NAMES_ZH)) throw new Error(`CMMLU has no subject "${subject}" (see SUBJECT_NAMES_ZH)`);
  }
  let summary: LoadSummary = { source: `${dir} (${split})`, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
  async function* rows(subject: string, counted: boolean): AsyncGenerator<CmmluSample> {
    const file = subjectFile(dir, split, subject);
    const parser = new CsvParser(file);
    let header = true;
    const handle = function* (records: ReturnType<CsvParser['push']>): Generator<CmmluSample> {
      for (const record of records) {
        if (header) {
          header = false;
          if (record.fields.join(',') !== HEADER.join(',')) {
            throw new CsvSyntaxError(file, record.line, `the header is "${record.fields.join(',')}", expected ",Question,A,B,C,D,Answer"`);
          }
          continue;
        }
        if (record.problem) throw new CsvSyntaxError(file, record.line, record.problem);
        if (record.fields.length !== 7) throw new CsvSyntaxError(file, record.line, `${record.fields.length} fields, expected 7 (index,Question,A,B,C,D,Answer)`);
        const [index, question, a, b, c, d, answer] = record.fields as [string, string, string, string, string, string, string];
        if (!(LETTERS as readonly string[]).includes(answer.trim())) throw new CsvSyntaxError(file, record.line, `Answer "${answer}" is not one of A, B, C, D`);
        if (question.trim() === '') throw new CsvSyntaxError(file, record.line, 'empty Question');
        if (counted) {
          summary.read++;
          summary.loaded++;
        }
        const options: CmmluOption[] = [a, b, c, d].map((text, i) => ({ letter: LETTERS[i]!, text }));
        yield {
          id: `${subject}/${index}`,
          input: { question, options, optionsText: options.map((o) => `${o.letter} ${o.text}`).join('\n'), subject },
          target: { answer: answer.trim() },
          meta: { subject: SUBJECT_NAMES_ZH[subject]!, subjectId: subject },
        };
      }
    };
    for await (const text of decodeUtf8(await openSource(file))) yield* handle(parser.push(text));
    yield* handle(parser.end());
  }
  return {
    name: 'cmmlu',
    source: `${dir} (${split}: ${options.subjects.length} subjects)`,
    async *samples() {
      summary = { ...summary, read: 0, loaded: 0 };
      for (const subject of options.subjects) yield* rows(subject, true);
    },
    summary: () => summary,
    async subject(name: string) {
      const out: CmmluSample[] = [];
      for await (const sample of rows(name, false)) out.push(sample);
      return out;
    },
  };
}
