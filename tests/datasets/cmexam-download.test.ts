// `medeval datasets download cmexam` in miniature: the package's file manifest served by a loopback
// HTTP server (127.0.0.1, started and stopped here), fetched with @medeval/core/node's downloadFiles,
// then loaded. The real val split is served when ../shared has it, so its pinned sha256 is checked.
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFiles, DownloadError } from '@medeval/core/node';
import { cmexam } from '@medeval/datasets-cmexam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';

const REAL_VAL = sharedPath('data/cmexam/val.csv');
const SMALL = '\uFEFFQuestion,Options,Answer,Explanation\r\n问题,"A 甲\nB 乙",A,解释（A对）\r\n';

let server: Server;
let base: string;
let served: string;
let requests = 0;

beforeAll(async () => {
  served = mkdtempSync(join(tmpdir(), 'cmexam-served-'));
  writeFileSync(join(served, 'train.csv'), SMALL);
  writeFileSync(join(served, 'test_with_annotations.csv'), SMALL);
  server = createServer((req, res) => {
    requests++;
    const name = (req.url ?? '').split('/').pop() ?? '';
    const path = name === 'val.csv' && sharedAvailable(REAL_VAL) ? REAL_VAL : join(served, name);
    if (!existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(served, { recursive: true, force: true });
});

/** The manifest with its URLs pointed at the loopback server. */
function manifest(names: string[]) {
  return cmexam.remoteFiles
    .filter((f) => names.includes(f.name))
    .map((f) => ({ name: f.name, url: `${base}/${f.name}`, ...(f.sha256 ? { sha256: f.sha256 } : {}) }));
}

describe('CMExam download manifest', () => {
  it('lists the three official files from williamliujl/CMExam, val pinned by sha256', () => {
    expect(cmexam.remoteFiles.map((f) => f.name)).toEqual(['train.csv', 'val.csv', 'test_with_annotations.csv']);
    for (const f of cmexam.remoteFiles) {
      expect(f.url).toBe(`https://raw.githubusercontent.com/williamliujl/CMExam/main/data/${f.name}`);
    }
    expect(cmexam.remoteFiles.find((f) => f.name === 'val.csv')!.sha256).toBe(
      '847dd9a0a765a2478efd9a2758a2547f6d54055f41b9448c362378c9f5318511',
    );
  });

  it('downloads into a cache, loads, and serves the second call from the cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      const files = manifest(['train.csv', 'test_with_annotations.csv']);
      const first = await downloadFiles({ files, cacheDir });
      expect(first.map((r) => r.cached)).toEqual([false, false]);
      let n = 0;
      for await (const sample of cmexam.load(first[0]!.path).samples()) {
        expect(sample.target).toMatchObject({ answer: 'A', explanation: '解释（A对）' });
        n++;
      }
      expect(n).toBe(1);
      const before = requests;
      const second = await downloadFiles({ files, cacheDir });
      expect(second.map((r) => r.cached)).toEqual([true, true]);
      expect(requests).toBe(before);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!sharedAvailable(REAL_VAL))('verifies the pinned sha256 of the real val split', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      const [val] = await downloadFiles({ files: manifest(['val.csv']), cacheDir });
      expect(val!.sha256).toBe(cmexam.remoteFiles[1]!.sha256);
      const dataset = cmexam.load(val!.path);
      let n = 0;
      for await (const _ of dataset.samples()) n++;
      expect(n).toBe(cmexam.remoteFiles[1]!.rows);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('refuses a file whose checksum does not match, and keeps nothing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      const files = [{ name: 'train.csv', url: `${base}/train.csv`, sha256: '0'.repeat(64) }];
      await expect(downloadFiles({ files, cacheDir })).rejects.toThrow(/checksum mismatch/);
      expect(existsSync(join(cacheDir, 'train.csv'))).toBe(false);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('says clearly when the server cannot be reached (offline)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      const files = [{ name: 'val.csv', url: `http://127.0.0.1:${port}/data/val.csv` }];
      const error = await downloadFiles({ files, cacheDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DownloadError);
      expect((error as Error).message).toMatch(/could not reach 127\.0\.0\.1:\d+: are you offline\?/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
