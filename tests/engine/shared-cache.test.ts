// Two processes that share one --cache directory write at the same time: afterwards every entry of both is
// readable and intact (issue 12). Uses the BUILT core, as two `medeval run` processes would.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileCache } from '@medeval/core/node';
// @ts-expect-error a plain .mjs fixture without types
import { valueOf } from './fixtures/cache-values.mjs';

const writer = fileURLToPath(new URL('./fixtures/cache-writer.mjs', import.meta.url));
const run = (dir: string, who: string, count: number) =>
  new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, who, String(count)], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });

describe('a cache shared by two processes', () => {
  it('loses and tears no entry when both write at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'medeval-shared-cache-'));
    const count = 200;
    const codes = await Promise.all([run(dir, 'a', count), run(dir, 'b', count)]);
    expect(codes).toEqual([0, 0]);
    const cache = fileCache(dir);
    expect(await cache.size()).toBe(2 * count);
    for (const who of ['a', 'b']) {
      for (let i = 0; i < count; i++) expect((await cache.get(`${who}-${i}`))?.text, `${who}-${i}`).toBe(valueOf(who, i));
    }
    await cache.close();
  }, 120_000);
});
