// `--task mcq` on a file converted at runtime from the real CMMLU medical files (../shared/data/cmmlu; the
// conversion is done here and never committed): JSON Lines with options as an object and a subject field,
// and CSV with renamed columns. The random baseline lands near 25 %; a bad row exits 1 naming file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '@medeval/datasets-cmexam';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const DIR = sharedPath('data', 'cmmlu', 'test');
const have = sharedAvailable(join(DIR, 'anatomy.csv'));

interface Row { subject: string; question: string; options: string[]; answer: string }
function cmmluRows(): Row[] {
  const rows: Row[] = [];
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort()) {
    const parser = new CsvParser(name);
    const records = [...parser.push(readFileSync(join(DIR, name), 'utf8')), ...parser.end()].slice(1);
    for (const r of records) rows.push({ subject: name.replace(/\.csv$/, ''), question: r.fields[1]!, options: r.fields.slice(2, 6), answer: r.fields[6]! });
  }
  return rows;
}

let cwd: string;
beforeAll(async () => {
  assertBuilt();
  cwd = await tempDir('medeval-mcq-');
});

describe.skipIf(!have)('medeval run --task mcq on CMMLU converted to the user formats', () => {
  it('JSON Lines, options as an object, sliced by subject: the random baseline near 25 %', async () => {
    const rows = cmmluRows();
    expect(rows).toHaveLength(1815);
    const lines = rows.map((r, i) => JSON.stringify({ id: `q${i}`, question: r.question, options: Object.fromEntries(r.options.map((t, k) => ['ABCD'[k], t])), answer: r.answer, subject: r.subject }));
    await writeFile(join(cwd, 'exam.jsonl'), `${lines.join('\n')}\n`);
    const result = await medeval(['run', '--task', 'mcq', '--data', 'exam.jsonl', '--slice-by', 'subject', '--model', 'baseline:random', '--out', 'run', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(1815);
    expect(Object.keys(results.slices.subject)).toHaveLength(9);
    expect(results.metrics.accuracy.value).toBeGreaterThan(21);
    expect(results.metrics.accuracy.value).toBeLessThan(29);
  });

  it('CSV with renamed columns (--columns) and one column per letter', async () => {
    const rows = cmmluRows().slice(0, 50);
    const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
    const csv = ['题目,A,B,C,D,答案', ...rows.map((r) => [r.question, ...r.options, r.answer].map(quote).join(','))].join('\n');
    await writeFile(join(cwd, 'exam.csv'), csv);
    const result = await medeval(['run', '--task', 'mcq', '--data', 'exam.csv', '--columns', 'question=题目,answer=答案', '--model', 'baseline:random', '--out', 'csv', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'csv', 'results.json'), 'utf8')).counts.samples).toBe(50);
  });
});

describe('medeval run --task mcq: bad input', () => {
  it('a row whose answer is not an option exits 1 naming the file and line', async () => {
    await writeFile(join(cwd, 'bad.jsonl'), '{"question":"Q1","options":["x","y"],"answer":"A"}\n{"question":"Q2","options":["x","y"],"answer":"E"}\n');
    const result = await medeval(['run', '--task', 'mcq', '--data', 'bad.jsonl', '--model', 'baseline:random', '--out', 'bad'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.jsonl:2: answer "E" names E, not among the options AB');
  });

  it('--columns must name our fields', async () => {
    const result = await medeval(['run', '--task', 'mcq', '--data', 'bad.jsonl', '--columns', 'stem=题目'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--columns "stem=题目": expected FIELD=COLUMN');
  });
});

describe('medeval run --task cmb (hand-written fixtures in CMB-Exam format)', () => {
  const fixtures = join(process.cwd(), 'packages', 'datasets-cmb', 'src', 'fixtures');
  it('joins the answers file and slices by exam type, class and question type', async () => {
    const result = await medeval(['run', '--task', 'cmb', '--data', join(fixtures, 'test-questions.json'), '--answers', join(fixtures, 'test-answers.json'), '--model', 'baseline:random', '--out', 'cmb', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'cmb', 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(4);
    expect(Object.keys(results.slices)).toEqual(['exam_type', 'exam_class', 'question_type']);
    const missing = await medeval(['run', '--task', 'cmb', '--data', join(fixtures, 'test-questions.json'), '--model', 'baseline:random', '--out', 'cmb2'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no answer (the test split keeps them in a separate file: pass --answers)');
  });
});
