// `medeval score`: existing outputs scored without a model, a full run folder written; bad input exits 1
// naming the file and line.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval, REPO, tempDir } from './helpers.js';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';
import { paperScores } from '../helpers/cmexam-independent.js';

const jsonl = (rows: unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

const HUATUO = [
  { questions: '高血压患者平时饮食要注意什么？', answers: '低盐低脂饮食，多吃蔬菜水果，戒烟限酒。' },
  { questions: '感冒发烧可以吃什么药？', answers: '可以服用对乙酰氨基酚退烧，多喝水，注意休息。' },
  { questions: '糖尿病能吃水果吗？', answers: '血糖控制平稳时可以少量吃低糖水果。' },
];

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir();
});

describe('medeval score --task huatuo', () => {
  it('writes all ten Huatuo metrics; outputs equal to the answers score 100', async () => {
    const data = join(dir, 'huatuo.jsonl');
    const predictions = join(dir, 'huatuo-pred.jsonl');
    await writeFile(data, jsonl(HUATUO));
    await writeFile(predictions, jsonl(HUATUO.map((row, i) => ({ id: String(i), output: row.answers }))));
    const out = join(dir, 'huatuo-run');
    const result = await medeval(['score', '--task', 'huatuo', '--protocol', 'huatuo', '--data', data, '--predictions', predictions, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const names = ['bleu1', 'bleu2', 'bleu3', 'bleu4', 'gleu', 'rouge1', 'rouge2', 'rougeL', 'distinct1', 'distinct2'];
    expect(Object.keys(results.metrics)).toEqual(expect.arrayContaining(names));
    for (const name of ['bleu1', 'bleu2', 'bleu3', 'bleu4', 'gleu', 'rouge1', 'rouge2', 'rougeL']) {
      expect(results.metrics[name].value, name).toBeCloseTo(100, 9);
    }
    expect(results.counts).toMatchObject({ samples: 3, errors: 0 });
    for (const file of ['records.jsonl', 'report.md', 'report.html']) expect(existsSync(join(out, file))).toBe(true);
    expect(result.stdout).toContain(`Run folder: ${out}`);
  });

  it('exits 1 naming the predictions file and line of a malformed line', async () => {
    const data = join(dir, 'huatuo2.jsonl');
    const predictions = join(dir, 'bad-pred.jsonl');
    await writeFile(data, jsonl(HUATUO));
    await writeFile(predictions, `${JSON.stringify({ id: '0', output: 'x' })}\n{"id": "1", "output": \n`);
    const result = await medeval(['score', '--task', 'huatuo', '--data', data, '--predictions', predictions, '--out', join(dir, 'bad-run')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${predictions}:2: not valid JSON`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 naming the data file and line of a malformed data line', async () => {
    const data = join(dir, 'huatuo-bad.jsonl');
    const predictions = join(dir, 'pred3.jsonl');
    await writeFile(data, `${JSON.stringify(HUATUO[0])}\n{"questions": "x"\n`);
    await writeFile(predictions, jsonl([{ id: '0', output: 'x' }]));
    const result = await medeval(['score', '--task', 'huatuo', '--data', data, '--predictions', predictions, '--out', join(dir, 'bad-data'), '--strict']);
    expect(result.code).toBe(1);
    const file = data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(result.stderr).toMatch(new RegExp(`${file}(:2:|.*(line|row) 2)`));
  });

  it('warns about predictions whose id is not in the data', async () => {
    const data = join(dir, 'huatuo3.jsonl');
    const predictions = join(dir, 'pred-unknown.jsonl');
    await writeFile(data, jsonl(HUATUO));
    await writeFile(predictions, jsonl([{ id: '0', output: 'x' }, { id: '1', output: 'y' }, { id: '2', output: 'z' }, { id: '77', output: 'w' }]));
    const result = await medeval(['score', '--task', 'huatuo', '--data', data, '--predictions', predictions, '--out', join(dir, 'unknown')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1 ids are not in the data, e\.g\. "77" \(line 4\)/);
  });
});

const CSV_HEADER = 'Question,Options,Answer,Explanation\n';
const csvRow = (question: string, answer: string) => `"${question}","A 甲\nB 乙\nC 丙\nD 丁\nE 戊",${answer},"因为${answer}对"\n`;

describe('medeval score --task cmexam', () => {
  it('scores a small file: 2 of 4 right, one unparsed, one missing prediction', async () => {
    const data = join(dir, 'cmexam.csv');
    const predictions = join(dir, 'cmexam-pred.jsonl');
    await writeFile(data, CSV_HEADER + csvRow('一？', 'A') + csvRow('二？', 'BD') + csvRow('三？', 'C') + csvRow('四？', 'E'));
    // ids are 0-based data-row indexes; id 3 has no prediction (recorded as an error, counted wrong)
    await writeFile(
      predictions,
      jsonl([
        { id: '0', output: '答案：A' },
        { id: '1', output: '答案：B、D' },
        { id: '2', output: '我不确定。' },
      ]),
    );
    const out = join(dir, 'cmexam-run');
    const result = await medeval(['score', '--task', 'cmexam', '--data', data, '--predictions', predictions, '--out', out, '--model-id', 'my-model']);
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.model.id).toBe('my-model');
    expect(results.counts).toMatchObject({ samples: 4, unparsed: 1, errors: 1 });
    expect(results.metrics.accuracy.value).toBeCloseTo(50, 9);
    expect(result.stderr).toMatch(/1 samples have no prediction/);
    expect(result.stdout).toMatch(/^Model +Acc +F1/m); // a plain-text table, not Markdown
    expect(result.stdout).not.toContain("| Acc |");
  });
});

const VAL = sharedPath('data/cmexam/val.csv');
const VAL_OUTPUTS = sharedPath('data/cmexam/val_outputs_sim.jsonl');
void REPO;

describe.skipIf(!sharedAvailable(VAL) || !sharedAvailable(VAL_OUTPUTS))('medeval score --task cmexam on the real val split', () => {
  it('scores 6,811 simulated outputs under cmexam-paper', async () => {
    const out = join(dir, 'cmexam-val');
    const result = await medeval(['score', '--task', 'cmexam', '--protocol', 'cmexam-paper', '--data', VAL, '--predictions', VAL_OUTPUTS, '--out', out, '--quiet'], {
      timeoutMs: 300_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(6811);
    expect(results.protocol.name).toBe('cmexam-paper');
    expect(results.metrics.accuracy.n).toBe(6811);
    // The numbers, against the paper's protocol restated independently of the library.
    const independent = await paperScores(VAL, VAL_OUTPUTS);
    expect(results.metrics.accuracy.value).toBeCloseTo(independent.accuracy, 9);
    expect(results.metrics.f1_weighted.value).toBeCloseTo(independent.f1, 9);
  }, 300_000);
});
