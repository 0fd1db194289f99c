// `--task cmmlu-medical` on the real CMMLU medical files (../shared/data/cmmlu; skipped when absent), and
// `medeval datasets download cmmlu` from a loopback mirror serving those files, verified by git blob id.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const DIR = sharedPath('data', 'cmmlu');
const have = sharedAvailable(join(DIR, 'test', 'anatomy.csv'));

let server: Server | undefined;
let mirror = '';
beforeAll(async () => {
  assertBuilt();
  if (!have) return;
  server = createServer((req, res) => {
    readFile(join(DIR, decodeURIComponent(req.url!.slice(1)))).then(
      (bytes) => res.writeHead(200).end(bytes),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe.skipIf(!have)('medeval run --task cmmlu-medical', () => {
  it('the random baseline under cmmlu-paper, 5-shot: nine subject slices in Chinese, accuracy near 25 %', async () => {
    const cwd = await tempDir('medeval-cmmlu-');
    const result = await medeval(['run', '--task', 'cmmlu-medical', '--data', DIR, '--model', 'baseline:random', '--protocol', 'cmmlu-paper', '--few-shot', '5', '--out', 'run', '--full'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(1815);
    expect(Object.keys(results.slices.subject)).toHaveLength(9);
    expect(results.slices.subject['解剖学'].n).toBe(148);
    expect(results.metrics.accuracy.value).toBeGreaterThan(21);
    expect(results.metrics.accuracy.value).toBeLessThan(29);
    expect(results.metrics.accuracy_macro).toBeDefined();
    expect(result.stdout).toContain('中医中药');
  });

  it('datasets download cmmlu fetches the 18 files, each verified against its pinned git blob id, into a folder --data takes', async () => {
    const cwd = await tempDir('medeval-cmmlu-dl-');
    const download = await medeval(['datasets', 'download', 'cmmlu', '--dir', 'data', '--base-url', mirror], { cwd });
    expect(download.code, download.stderr).toBe(0);
    expect(download.stdout.trim().split('\n')).toHaveLength(18);
    expect((download.stderr.match(/verified against its pinned checksum/g) ?? []).length).toBe(18);
    const run = await medeval(['run', '--task', 'cmmlu-medical', '--data', join('data', 'cmmlu'), '--model', 'baseline:random', '--limit', '20', '--out', 'run', '--quiet'], { cwd });
    expect(run.code, run.stderr).toBe(0);
  });
});
