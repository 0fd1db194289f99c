// `medeval run --shard I/N` on the offline baseline, then `medeval merge`: the merged folder has the numbers
// of the unsharded run; a missing shard exits 1 naming it; --partial merges and says so; a bad --shard is a
// usage error; `medeval report` reads the merged folder.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval, tempDir } from './helpers.js';

let cwd: string;
const N = 3;
beforeAll(async () => {
  assertBuilt();
  cwd = await tempDir('medeval-merge-');
  const whole = await medeval(['run', '--task', 'cmexam-joint', '--model', 'baseline:bm25', '--out', 'whole', '--quiet'], { cwd });
  expect(whole.code, whole.stderr).toBe(0);
  for (let i = 0; i < N; i++) {
    const part = await medeval(['run', '--task', 'cmexam-joint', '--model', 'baseline:bm25', '--shard', `${i}/${N}`, '--out', `shard-${i}`, '--quiet'], { cwd });
    expect(part.code, part.stderr).toBe(0);
  }
}, 120_000);

const results = async (dir: string) => JSON.parse(await readFile(join(cwd, dir, 'results.json'), 'utf8'));

describe('medeval merge', () => {
  it('merges every shard into the numbers of the unsharded run', async () => {
    const merged = await medeval(['merge', 'shard-*', '--out', 'merged'], { cwd });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain(`merged ${N} shards`);
    const [a, b] = [await results('whole'), await results('merged')];
    expect(b.metrics).toEqual(a.metrics);
    expect(b.slices).toEqual(a.slices);
    expect(b.counts).toEqual(a.counts);
    expect(b.manifest.configHash).toBe(a.manifest.configHash);
    expect(b.merged).toEqual({ count: N, shards: [0, 1, 2], missing: [] });
    const report = await medeval(['report', 'merged'], { cwd });
    expect(report.code, report.stderr).toBe(0);
  });

  it('refuses a missing shard with exit 1 naming it; --partial merges and warns', async () => {
    const missing = await medeval(['merge', 'shard-0', 'shard-2', '--out', 'm1'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot merge: shard 1/3 is missing (merge it too, or pass --partial to merge without it)');
    const partial = await medeval(['merge', 'shard-0', 'shard-2', '--out', 'm2', '--partial'], { cwd });
    expect(partial.code, partial.stderr).toBe(0);
    expect(partial.stderr).toContain('warning: partial merge: 2 of 3 shards; missing 1/3');
    expect((await results('m2')).merged.missing).toEqual([1]);
  });

  it('refuses the same shard twice, and a run that is not a shard', async () => {
    await cp(join(cwd, 'shard-0'), join(cwd, 'copy-of-0'), { recursive: true });
    const twice = await medeval(['merge', 'shard-0', 'copy-of-0', 'shard-1', 'shard-2', '--out', 'm3'], { cwd });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('shard 0/3 is given twice: shard-0 and copy-of-0');
    const notShard = await medeval(['merge', 'whole', 'shard-1', '--out', 'm4'], { cwd });
    expect(notShard.code).toBe(1);
    expect(notShard.stderr).toContain('whole: not a shard');
  });

  it('--shard must be I/N with 0 ≤ I < N', async () => {
    const bad = await medeval(['run', '--task', 'cmexam', '--shard', '3/3', '--out', 'bad'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard "3/3": the shard index is 0-based, so it must be below 3');
  });
});
