// `medeval run`: the offline default (no network: every socket connection throws), explicit tasks,
// glob-expanded data shards, third-party --metric plugins, and bad data input.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, medeval, NO_NETWORK, REPO, tempDir } from './helpers.js';
import { createHash } from 'node:crypto';

const RUN_FILES = ['records.jsonl', 'report.html', 'report.md', 'results.json'];

beforeAll(assertBuilt);

describe('medeval run with no arguments', () => {
  it('evaluates the bundled CMExam and Huatuo samples offline with baseline:bm25 and writes run folders', async () => {
    const cwd = await tempDir();
    const result = await medeval(['run'], { cwd, nodeArgs: ['--import', NO_NETWORK], env: { OPENAI_API_KEY: undefined, CI: undefined } });
    expect(result.code, result.stderr).toBe(0);
    const [stamp, ...others] = await readdir(join(cwd, 'medeval-runs'));
    expect(others).toEqual([]);
    for (const task of ['cmexam', 'huatuo']) {
      const dir = join(cwd, 'medeval-runs', stamp!, task);
      expect((await readdir(dir)).sort()).toEqual(RUN_FILES);
      const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
      expect(results.model.id).toMatch(/^baseline:bm25/);
      expect(results.counts.samples).toBeGreaterThanOrEqual(50);
      expect(results.counts.errors).toBe(0);
      // The manifest names every medeval package that made the numbers.
      expect(Object.keys(results.manifest.medeval).sort()).toEqual([
        '@medeval/cli', '@medeval/core', '@medeval/datasets-cmexam', '@medeval/datasets-huatuo', '@medeval/metrics',
      ]);
      expect(results.manifest.medeval['@medeval/metrics']).toMatch(/^\d+\.\d+\.\d+/);
    }
    const cmexam = JSON.parse(await readFile(join(cwd, 'medeval-runs', stamp!, 'cmexam', 'results.json'), 'utf8'));
    expect(cmexam.task.name).toBe('cmexam');
    expect(Object.keys(cmexam.metrics)).toEqual(expect.arrayContaining(['accuracy', 'f1_weighted']));
    const huatuo = JSON.parse(await readFile(join(cwd, 'medeval-runs', stamp!, 'huatuo', 'results.json'), 'utf8'));
    expect(Object.keys(huatuo.metrics)).toEqual(expect.arrayContaining(['bleu1', 'bleu4', 'gleu', 'rouge1', 'rougeL', 'distinct1', 'distinct2']));
    // The tables are printed: a markdown table header with the papers' metric labels.
    expect(result.stdout).toMatch(/^Model +Acc +F1/m); // a plain-text table, not Markdown
    expect(result.stdout).not.toContain("| Acc |");
    expect(result.stdout).toMatch(/BLEU-1/);
    expect(result.stdout).toContain(`medeval-runs/${stamp}/cmexam`);
    // Progress went to stderr as plain lines (not a terminal), never to stdout.
    expect(result.stdout).not.toMatch(/\/s\s/);
    expect(result.stderr).toMatch(/done/);
  });

  it('prints every table with --full and nothing but the folder with --quiet', async () => {
    const cwd = await tempDir();
    const full = await medeval(['run', '--task', 'cmexam', '--full', '--out', 'full'], { cwd });
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toMatch(/^Difficulty level$/m);
    const quiet = await medeval(['run', '--task', 'cmexam', '--quiet', '--out', 'quiet'], { cwd });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout.trim()).toBe('Run folder: quiet');
  });
});

const CSV_HEADER = 'Question,Options,Answer,Explanation\n';
const csvRow = (question: string, answer: string) => `"${question}","A 甲\nB 乙\nC 丙\nD 丁\nE 戊",${answer},"解释"\n`;

describe('medeval run --task', () => {
  it('expands a glob of data shards into one dataset', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'shard-1.csv'), CSV_HEADER + csvRow('第一题？', 'A') + csvRow('第二题？', 'B'));
    await writeFile(join(cwd, 'shard-2.csv'), CSV_HEADER + csvRow('第三题？', 'C'));
    const result = await medeval(['run', '--task', 'cmexam', '--data', 'shard-*.csv', '--model', 'baseline:random', '--seed', '3', '--out', 'run', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(3);
    const ids = (await readFile(join(cwd, 'run', 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['shard-1.csv:0', 'shard-1.csv:1', 'shard-2.csv:0']);
    // One checksum for all shards: sha256 of the sha256sum-style manifest of the shard files, in order.
    const sha = async (name: string) => createHash('sha256').update(await readFile(join(cwd, name))).digest('hex');
    const manifest = `${await sha('shard-1.csv')}  shard-1.csv\n${await sha('shard-2.csv')}  shard-2.csv\n`;
    expect(results.task.dataset.sha256).toBe(createHash('sha256').update(manifest).digest('hex'));
  });

  it('loads a third-party --metric plugin and reports it in results.json', async () => {
    const cwd = await tempDir();
    const plugin = join(cwd, 'parsed-rate.mjs');
    await writeFile(
      plugin,
      `export default {
        name: 'parsed_rate', signature: 'parsed_rate|test|v1', higherIsBetter: true, scale: 'percent', interval: 'wilson',
        item: ({ status }) => (status === 'ok' ? 1 : 0),
        aggregate: (items) => (items.length ? (100 * items.reduce((a, b) => a + b, 0)) / items.length : 0),
      };\n`,
    );
    const result = await medeval(['run', '--task', 'cmexam', '--metric', '*.mjs', '--out', 'run', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.metrics.parsed_rate.signature).toBe('parsed_rate|test|v1');
    expect(results.metrics.parsed_rate.n).toBe(results.counts.samples);
    const expected = (100 * (results.counts.samples - results.counts.unparsed - results.counts.empty - results.counts.errors)) / results.counts.samples;
    expect(results.metrics.parsed_rate.value).toBeCloseTo(expected, 10);
  });

  it.skipIf(!existsSync(join(REPO, 'examples/custom-metric/index.js')))('loads examples/custom-metric as a package folder', async () => {
    const cwd = await tempDir();
    const result = await medeval(['run', '--task', 'cmexam', '--metric', join(REPO, 'examples/custom-metric'), '--out', 'run', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(Object.keys(results.metrics)).toEqual(expect.arrayContaining(['hallucinated_option_rate', 'explanation_char_f1']));
  });

  it('an invalid plugin exits 1 naming the file and the problem', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'bad.mjs'), `export default { name: 'bad', item: () => 1, aggregate: 'no' };\n`);
    const result = await medeval(['run', '--task', 'cmexam', '--metric', 'bad.mjs', '--out', 'run'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--metric bad\.mjs#default: not a valid Metric: .*aggregate: must be a function/);
  });

  it('--strict exits 1 naming the file and row of a malformed CSV row; without it the row is skipped and reported', async () => {
    const cwd = await tempDir();
    const data = join(cwd, 'bad.csv');
    await writeFile(data, CSV_HEADER + csvRow('好题？', 'A') + csvRow('坏题？', 'Z') + csvRow('又一题？', 'B'));
    const strict = await medeval(['run', '--task', 'cmexam', '--data', data, '--strict', '--out', 'strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(data);
    expect(strict.stderr).toMatch(/row 1\b/);
    expect(strict.stderr).not.toMatch(/\n\s+at /);

    const lenient = await medeval(['run', '--task', 'cmexam', '--data', data, '--out', 'lenient', '--quiet'], { cwd });
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(new RegExp(`warning: .*bad\\.csv: 1 of 3 rows skipped`));
    expect(lenient.stderr).toMatch(/bad\.csv: row 1\b/);
  });

  it('a CSV that is not UTF-8 exits 1 naming the file and the likely encoding', async () => {
    const cwd = await tempDir();
    const data = join(cwd, 'gbk.csv');
    await writeFile(data, Buffer.concat([Buffer.from(CSV_HEADER), Buffer.from([0xcc, 0xc7, 0xc4, 0xf2, 0xb2, 0xa1, 0x2c, 0x41, 0x0a])]));
    const result = await medeval(['run', '--task', 'cmexam', '--data', data, '--out', 'run'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(data);
    expect(result.stderr).toMatch(/GB18030/);
  });
});

// util-linux `script` gives the command a pseudo-terminal; skipped where it is not installed.
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('redraws one progress line in place on stderr and ends with the final line', async () => {
    const cwd = await tempDir();
    const env = { ...process.env, CI: '', MEDEVAL_PROGRESS: '', TERM: 'xterm' };
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run --task huatuo --out run --quiet`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const text = result.stdout; // script merges the terminal's stdout and stderr
    expect(text).toContain('\r\u001b[2K');
    // The loader counts its records, so the line has a total (and an ETA while running) from the start.
    expect(text).toMatch(/huatuo: .*(\d+)\/\1 \(100%\).*elapsed 0:\d\d — done/);
    expect(text).toContain('Run folder: run');
  });
});
