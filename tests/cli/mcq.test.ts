// `--task mcq` on a file converted at runtime from the real CMMLU medical files (../shared/data/cmmlu; the
// conversion is done here and never committed): JSON Lines with options as an object and a subject field,
// and CSV with renamed columns. The random baseline lands near 25 %; a bad row exits 1 naming file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '@medeval/datasets-cmexam/internal';
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

describe('medeval run --task cmb-clin --judge (hand-written case file in CMB-Clin format)', () => {
  it('asks every question of every case and adds the judge metrics', async () => {
    const { startOpenAIServer } = await import('../helpers/openai-server.js');
    const model = await startOpenAIServer({ respond: () => '建议进一步检查后明确诊断。' });
    const judge = await startOpenAIServer({ respond: () => '{"fluency": 5, "relevance": 3, "completeness": 2, "proficiency": 3}' });
    try {
      const data = join(process.cwd(), 'packages', 'datasets-cmb', 'src', 'fixtures', 'clin.json');
      const env = { MEDEVAL_API_KEY: 'k', CI: 'true' };
      const result = await medeval(['run', '--task', 'cmb-clin', '--data', data, '--model', `openai-compatible:${model.url}#m`, '--judge', `openai-compatible:${judge.url}#j`, '--out', 'clin', '--quiet'], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      const results = JSON.parse(await readFile(join(cwd, 'clin', 'results.json'), 'utf8'));
      expect(results.counts.samples).toBe(3);
      expect(model.requests.map((r) => r.messages.length)).toEqual(expect.arrayContaining([1, 3, 1]));
      expect(judge.requests).toHaveLength(3);
      expect(results.metrics.judge_mean.value).toBeCloseTo(3.25, 12);
      expect(results.metrics.rougeL).toBeDefined();
    } finally {
      await model.close();
      await judge.close();
    }
  });
});

describe('medeval datasets download cmb (trust on first use, from a loopback mirror)', () => {
  it('records the sha256 on first use, accepts the same bytes later, refuses changed ones', async () => {
    const { createServer } = await import('node:http');
    const { rm } = await import('node:fs/promises');
    const fixtures = join(process.cwd(), 'packages', 'datasets-cmb', 'src', 'fixtures');
    const served: Record<string, string> = {
      'CMB-test-choice-question-merge.json': join(fixtures, 'test-questions.json'),
      'CMB-test-choice-answer.json': join(fixtures, 'test-answers.json'),
      'CMB-val-merge.json': join(fixtures, 'val-inline.json'),
      'CMB-Clin-qa.json': join(fixtures, 'clin.json'),
    };
    let tamper = false;
    const server = createServer((req, res) => {
      const file = served[decodeURIComponent(req.url!.slice(1))];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      void readFile(file, 'utf8').then((text) => res.writeHead(200).end(tamper ? `${text} ` : text));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const mirror = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const first = await medeval(['datasets', 'download', 'cmb', '--dir', 'dl', '--base-url', mirror], { cwd });
      expect(first.code, first.stderr).toBe(0);
      expect((first.stderr.match(/unverified \(first use\)/g) ?? []).length).toBe(4);
      await rm(join(cwd, 'dl', 'cmb', 'CMB-Clin-qa.json'));
      const second = await medeval(['datasets', 'download', 'cmb', '--dir', 'dl', '--base-url', mirror], { cwd });
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toContain('CMB-Clin-qa.json: downloaded');
      expect(second.stderr).toContain('matches the sha256 recorded at its first download');
      await rm(join(cwd, 'dl', 'cmb', 'CMB-Clin-qa.json'));
      tamper = true;
      const changed = await medeval(['datasets', 'download', 'cmb', '--dir', 'dl', '--base-url', mirror], { cwd });
      expect(changed.code).toBe(1);
      expect(changed.stderr).toContain('CMB-Clin-qa.json');
      const run = await medeval(['run', '--task', 'cmb', '--data', join('dl', 'cmb', 'CMB-test-choice-question-merge.json'), '--answers', join('dl', 'cmb', 'CMB-test-choice-answer.json'), '--model', 'baseline:random', '--out', 'dlrun', '--quiet'], { cwd });
      expect(run.code, run.stderr).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
