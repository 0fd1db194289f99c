// Inputs that used to give a number with exit code 0 now stop with exit 1 and say why (issue 11):
// predictions numbered from 1, predictions of another file, all-empty outputs, a CSV row that cannot be parsed.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const HEADER = 'Question,Options,Answer,Explanation';
const row = (q: string, answer: string) => `${q},"A 甲\nB 乙\nC 丙",${answer},解析${q}`;
const CSV = [HEADER, ...['一', '二', '三', '四', '五', '六'].map((q, i) => row(`问题${q}`, 'ABC'[i % 3]!))].join('\n');
const jsonl = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

let dir: string;
let data: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir();
  data = join(dir, 'exam.csv');
  await writeFile(data, CSV);
});

const score = (predictions: string, out: string, ...extra: string[]) =>
  medeval(['score', '--task', 'cmexam', '--data', data, '--predictions', predictions, '--out', join(dir, out), ...extra]);

describe('medeval score refuses predictions that do not belong to the data', () => {
  it('1-based ids: exit 1, says so and how to fix it', async () => {
    const p = join(dir, 'one-based.jsonl');
    await writeFile(p, jsonl([1, 2, 3, 4, 5, 6].map((id) => ({ id: String(id), output: '答案：A' }))));
    const r = await score(p, 'one-based');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('one-based.jsonl: the prediction ids are the data\'s ids shifted by +1 — they look 1-based');
    expect(r.stderr).toContain('subtract 1 from every id');
  });

  it('no id matches: exit 1', async () => {
    const p = join(dir, 'other.jsonl');
    await writeFile(p, jsonl(['a', 'b'].map((id) => ({ id, output: '答案：A' }))));
    const r = await score(p, 'other');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('other.jsonl: none of the 2 prediction ids is an id of the data (line 1 has id "a")');
  });

  it('every output empty: exit 1 unless --allow-empty', async () => {
    const p = join(dir, 'empty.jsonl');
    await writeFile(p, jsonl([0, 1, 2, 3, 4, 5].map((id) => ({ id: String(id), output: '' }))));
    const r = await score(p, 'empty');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('every output is empty (6 of 6 samples) — a broken pipeline');
    const allowed = await score(p, 'empty-allowed', '--allow-empty');
    expect(allowed.code, allowed.stderr).toBe(0);
  });
});

describe('a CSV row that cannot be parsed', () => {
  it('stops the run with exit 1 naming file, line, row and reason; --skip-bad-rows skips and reports it', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, [HEADER, row('问题一', 'A'), '问题二,"A 甲\nB 乙",B', row('问题三', 'C')].join('\n'));
    const p = join(dir, 'bad-pred.jsonl');
    await writeFile(p, jsonl([0, 1, 2].map((id) => ({ id: String(id), output: '答案：A' }))));
    const args = ['score', '--task', 'cmexam', '--data', bad, '--predictions', p];
    const r = await medeval([...args, '--out', join(dir, 'bad-run')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv: line 5: data row 1: expected 4 fields, found 3 \(the row cannot be parsed; .*--skip-bad-rows/);
    const skipped = await medeval([...args, '--out', join(dir, 'bad-run-skip'), '--skip-bad-rows']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toContain('bad.csv: 1 of 3 rows skipped: expected 4 fields, found 3');
    const results = JSON.parse(await readFile(join(dir, 'bad-run-skip', 'results.json'), 'utf8'));
    expect(results.task.dataset.load).toMatchObject({ read: 3, loaded: 2, skipped: 1 });
  });
});
