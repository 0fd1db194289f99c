// A finished run is never overwritten by accident (issue 12): run/score --out into a folder that holds a run
// exits 1 and keeps it, unless --overwrite.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir();
});

describe('--out never replaces a run silently', () => {
  it('score: the second write into the same folder exits 1 naming it; --overwrite replaces it', async () => {
    const predictions = join(dir, 'p.jsonl');
    await writeFile(predictions, ['{"id":"0","output":"答案：A"}', '{"id":"1","output":"答案：B"}'].join('\n'));
    const out = join(dir, 'run');
    const args = ['score', '--task', 'cmexam', '--predictions', predictions, '--out', out];
    expect((await medeval(args)).code).toBe(0);
    const before = await readFile(join(out, 'results.json'), 'utf8');
    const again = await medeval(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${out} already holds a run (results.json, records.jsonl); choose another --out, or pass --overwrite`);
    expect(await readFile(join(out, 'results.json'), 'utf8')).toBe(before);
    const replaced = await medeval([...args, '--overwrite']);
    expect(replaced.code, replaced.stderr).toBe(0);
  });

  it('run: the same for a model run', async () => {
    const out = join(dir, 'bm25');
    const args = ['run', '--task', 'cmexam', '--limit', '3', '--out', out, '--quiet'];
    expect((await medeval(args)).code).toBe(0);
    const again = await medeval(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a run');
    expect((await medeval([...args, '--overwrite'])).code).toBe(0);
  });
});
