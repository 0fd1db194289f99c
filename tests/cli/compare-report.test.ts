// `medeval compare` and `medeval report` on run folders written by `medeval run`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let cwd: string;
beforeAll(async () => {
  assertBuilt();
  cwd = await tempDir();
  const runs: Array<[string, string[]]> = [
    ['runs/bm25', ['--task', 'cmexam', '--model', 'baseline:bm25']],
    ['runs/random', ['--task', 'cmexam', '--model', 'baseline:random', '--seed', '7']],
    ['runs/random-2', ['--task', 'cmexam', '--model', 'baseline:random', '--seed', '8']],
    ['other/paper', ['--task', 'cmexam', '--model', 'baseline:random', '--protocol', 'cmexam-paper']],
    ['other/huatuo', ['--task', 'huatuo']],
  ];
  for (const [out, args] of runs) {
    const result = await medeval(['run', ...args, '--out', out, '--quiet'], { cwd });
    if (result.code !== 0) throw new Error(`medeval run ${args.join(' ')} failed: ${result.stderr}`);
  }
}, 180_000);

describe('medeval compare', () => {
  it('--json prints CONTRACT.md shape for two runs, delta = b − a', async () => {
    const result = await medeval(['compare', 'runs/bm25', 'runs/random', '--json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).sort()).toEqual(['metrics', 'n', 'slices']);
    const a = JSON.parse(await readFile(join(cwd, 'runs/bm25/results.json'), 'utf8'));
    const b = JSON.parse(await readFile(join(cwd, 'runs/random/results.json'), 'utf8'));
    expect(json.n).toBe(a.counts.samples);
    expect(Object.keys(json.metrics)).toEqual(expect.arrayContaining(['accuracy', 'f1_weighted']));
    for (const metric of Object.values(json.metrics) as Array<Record<string, unknown>>) {
      expect(Object.keys(metric).sort()).toEqual(['a', 'b', 'ci95', 'delta', 'p']);
    }
    const accuracy = json.metrics.accuracy;
    expect(accuracy.a).toBeCloseTo(a.metrics.accuracy.value, 9);
    expect(accuracy.b).toBeCloseTo(b.metrics.accuracy.value, 9);
    expect(accuracy.delta).toBeCloseTo(accuracy.b - accuracy.a, 9);
    expect(accuracy.p).toBeGreaterThanOrEqual(0);
    expect(accuracy.p).toBeLessThanOrEqual(1);
    expect(Object.keys(json.slices)).toEqual(expect.arrayContaining(Object.keys(a.slices)));
  });

  it('expands a glob of run folders; three runs give {baseline, comparisons} and a markdown table', async () => {
    const json = await medeval(['compare', 'runs/*', '--json'], { cwd });
    expect(json.code, json.stderr).toBe(0);
    const multi = JSON.parse(json.stdout);
    expect(multi.baseline).toBe('runs/bm25');
    expect(Object.keys(multi.comparisons).sort()).toEqual(['runs/random', 'runs/random-2']);
    expect(Object.keys(multi.comparisons['runs/random']).sort()).toEqual(['metrics', 'n', 'slices']);
    const table = await medeval(['compare', 'runs/*'], { cwd });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/\|/);
    expect(table.stdout).toContain('runs/random-2');
  });

  it('--format html writes a self-contained page', async () => {
    const result = await medeval(['compare', 'runs/bm25', 'runs/random', '--format', 'html', '--out', 'cmp.html'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(join(cwd, 'cmp.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('--html embeds every common sample of both runs side by side, with the prompt that was sent', async () => {
    const result = await medeval(['compare', 'runs/bm25', 'runs/random', '--html', '--out', 'side.html'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(join(cwd, 'side.html'), 'utf8');
    const block = /<script type="application\/json" id="medeval-data">([^<]*)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    const data = JSON.parse(block![1]!);
    const records = (await readFile(join(cwd, 'runs/random/records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(data.runs).toEqual(['runs/bm25', 'runs/random']);
    expect(data.samples.map((s: unknown[]) => s[0])).toEqual(records.map((r) => r.id));
    expect(data.cells[1].map((c: unknown[]) => c[2])).toEqual(records.map((r) => r.output));
    // the record keeps the messages sent, and the viewer shows them
    expect(records[0].prompt.at(-1).role).toBe('user');
    expect(data.prompts[data.cells[1][0][12]]).toEqual(records[0].prompt);
    expect(html).toContain('95% CI of Δ');
    const both = await medeval(['compare', 'runs/bm25', 'runs/random', '--html', '--format', 'md'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--html and --format md contradict/);
  });

  it('the same folder named twice is one run', async () => {
    const result = await medeval(['compare', 'runs/bm25', 'runs/random', 'runs/bm25/', '--json'], { cwd });
    // The same folder twice (runs/bm25 and runs/bm25/) is one run after glob de-duplication.
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout)).sort()).toEqual(['metrics', 'n', 'slices']);
  });

  it('refuses runs of different protocols or tasks (exit 1, naming both)', async () => {
    const protocols = await medeval(['compare', 'runs/bm25', 'other/paper'], { cwd });
    expect(protocols.code).toBe(1);
    expect(protocols.stderr).toMatch(/different protocols: runs\/bm25 used "standard", other\/paper used "cmexam-paper"/);
    const tasks = await medeval(['compare', 'runs/bm25', 'other/huatuo'], { cwd });
    expect(tasks.code).toBe(1);
    expect(tasks.stderr).toMatch(/different tasks: runs\/bm25 is "cmexam", other\/huatuo is "huatuo"/);
  });

  it('a folder that is not a run folder exits 1 naming results.json', async () => {
    const result = await medeval(['compare', 'runs', 'runs/bm25'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/runs\/results\.json: not found/);
  });
});

describe('medeval report', () => {
  it('re-renders as markdown (the same as report.md)', async () => {
    const result = await medeval(['report', 'runs/bm25'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe((await readFile(join(cwd, 'runs/bm25/report.md'), 'utf8')).trim());
  });

  it('re-renders as html and json', async () => {
    const html = await medeval(['report', 'runs/bm25', '--format', 'html'], { cwd });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    expect(html.stdout).toContain('</html>');
    const json = await medeval(['report', 'runs/bm25', '--format', 'json'], { cwd });
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout);
    const results = JSON.parse(await readFile(join(cwd, 'runs/bm25/results.json'), 'utf8'));
    expect(parsed.metrics.accuracy.value).toBe(results.metrics.accuracy.value);
  });

  it('--out writes a file', async () => {
    const result = await medeval(['report', 'runs/random', '--format', 'html', '--out', 'random.html'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(cwd, 'random.html'), 'utf8')).toContain('</html>');
  });

  it('--max-samples embeds the first N samples in the viewer and says so', async () => {
    const result = await medeval(['report', 'runs/bm25', '--format', 'html', '--max-samples', '3'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const block = /<script type="application\/json" id="medeval-data">([^<]*)<\/script>/.exec(result.stdout);
    const samples = JSON.parse(block![1]!).samples as unknown[][];
    const records = (await readFile(join(cwd, 'runs/bm25/records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(samples.map((s) => s[0])).toEqual(records.slice(0, 3).map((r) => r.id));
    expect(result.stdout).toContain(`The first 3 of ${records.length} samples.`);
    const bad = await medeval(['report', 'runs/bm25', '--format', 'html', '--max-samples', 'many'], { cwd });
    expect(bad.code).toBe(2);
  });

  it('bad format is a usage error', async () => {
    const result = await medeval(['report', 'runs/bm25', '--format', 'pdf'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format must be one of md, html, json/);
  });
});
