import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { expandPaths } from './globs.js';

async function tree(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'medeval-globs-'));
  for (const name of ['shard-1.csv', 'shard-2.csv', 'shard-10.csv', 'notes.txt']) await writeFile(join(dir, name), 'x');
  await mkdir(join(dir, 'runs', 'a'), { recursive: true });
  await mkdir(join(dir, 'runs', 'b'), { recursive: true });
  await writeFile(join(dir, 'odd[1].csv'), 'x');
  return dir;
}

describe('expandPaths', () => {
  it('expands patterns in natural order and keeps literal paths', async () => {
    const cwd = await tree();
    const options = { cwd, kind: 'file' as const, label: '--data', command: 'run' };
    expect(await expandPaths(['shard-*.csv'], options)).toEqual(['shard-1.csv', 'shard-2.csv', 'shard-10.csv']);
    expect(await expandPaths(['notes.txt', 'shard-1.csv', 'shard-*.csv'], options)).toEqual([
      'notes.txt',
      'shard-1.csv',
      'shard-2.csv',
      'shard-10.csv',
    ]);
    // A literal file name with glob characters is taken as is.
    expect(await expandPaths(['odd[1].csv'], options)).toEqual(['odd[1].csv']);
  });

  it('matches directories for run folders', async () => {
    const cwd = await tree();
    expect(await expandPaths(['runs/*'], { cwd, kind: 'directory', label: 'DIR', command: 'compare' })).toEqual(['runs/a', 'runs/b']);
  });

  it('names a pattern or path that matches nothing (usage error)', async () => {
    const cwd = await tree();
    const options = { cwd, kind: 'file' as const, label: '--data', command: 'run' };
    await expect(expandPaths(['nope-*.csv'], options)).rejects.toThrow(UsageError);
    await expect(expandPaths(['nope-*.csv'], options)).rejects.toThrow(/--data nope-\*\.csv: the pattern matches no file/);
    await expect(expandPaths(['missing.csv'], options)).rejects.toThrow(/--data missing.csv: no such file/);
    await expect(expandPaths(['runs'], options)).rejects.toThrow(/expected a file, found a directory/);
  });
});
