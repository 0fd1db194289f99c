// `medeval datasets download cmexam` in miniature: the package's file manifest served by a loopback
// HTTP server (127.0.0.1, started and stopped here), fetched with @medeval/core/node's downloadFiles,
// then loaded. Pins are git blob ids (checked against `git hash-object`); files without a pin are trusted on
// first use. The reconstructed val split in ../shared is NOT the official file, so its pin must refuse it.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFiles, DownloadError, gitBlobId, PINS_FILE } from '@medeval/core/node';
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
  writeFileSync(join(served, 'val.csv'), SMALL); // served when ../shared has no val split
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

/** The manifest with its URLs pointed at the loopback server (pins as the package declares them). */
function manifest(names: string[]) {
  return cmexam.remoteFiles.filter((f) => names.includes(f.name)).map((f) => ({ name: f.name, url: `${base}/${f.name}`, gitBlob: f.gitBlob }));
}
const gitHashObject = (path: string) => execFileSync('git', ['hash-object', path], { encoding: 'utf8' }).trim();

describe('CMExam download manifest', () => {
  it('lists the three official files at the pinned commit, each pinned by its git blob id', () => {
    expect(cmexam.remoteFiles.map((f) => [f.name, f.gitBlob])).toEqual([
      ['train.csv', 'be436732f2d242e01a9188c4969d1d86571bd283'],
      ['val.csv', '9e7ca22b5c727749e364b196585d5c355ee2b38f'],
      ['test_with_annotations.csv', 'e6521e67f44b0f958167c91113a2950cffa681a7'],
    ]);
    for (const f of cmexam.remoteFiles) {
      expect(f.url).toBe(`https://raw.githubusercontent.com/williamliujl/CMExam/fadb22c89beb1b7115dc36460ba792eb96b7b972/data/${f.name}`);
    }
  });

  it('gitBlobId equals `git hash-object` (empty, small, CRLF and the real val split)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blob-'));
    try {
      writeFileSync(join(dir, 'empty'), '');
      writeFileSync(join(dir, 'small.csv'), SMALL);
      const paths = [join(dir, 'empty'), join(dir, 'small.csv'), ...(sharedAvailable(REAL_VAL) ? [REAL_VAL] : [])];
      for (const path of paths) expect(await gitBlobId(path), path).toBe(gitHashObject(path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a pinned file downloads, verifies, loads, and the second call uses the cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      const files = [{ name: 'train.csv', url: `${base}/train.csv`, gitBlob: gitHashObject(join(served, 'train.csv')) }];
      const first = await downloadFiles({ files, cacheDir });
      expect(first.map((r) => [r.cached, r.verification])).toEqual([[false, 'pinned']]);
      let n = 0;
      for await (const sample of cmexam.load(first[0]!.path).samples()) {
        expect(sample.target).toMatchObject({ answer: 'A', explanation: '解释（A对）' });
        n++;
      }
      expect(n).toBe(1);
      const before = requests;
      const second = await downloadFiles({ files, cacheDir });
      expect(second.map((r) => [r.cached, r.verification])).toEqual([[true, 'pinned']]);
      expect(requests).toBe(before);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('a file that is not the pinned one is refused, naming the file, the expected and the actual blob id', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      // The served val.csv is the reconstruction in ../shared (or a small stand-in): not the official bytes.
      const error = await downloadFiles({ files: manifest(['val.csv']), cacheDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DownloadError);
      expect((error as Error).message).toMatch(/val\.csv: checksum mismatch \(expected git blob 9e7ca22b5c727749e364b196585d5c355ee2b38f, got [0-9a-f]{40}\); the file was not saved/);
      expect(existsSync(join(cacheDir, 'val.csv'))).toBe(false);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('without a pin: trust on first use, recorded; a later change is refused', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmexam-cache-'));
    try {
      const files = [{ name: 'test_with_annotations.csv', url: `${base}/test_with_annotations.csv` }];
      const [first] = await downloadFiles({ files, cacheDir });
      expect(first!.verification).toBe('first-use');
      const pins = JSON.parse(readFileSync(join(cacheDir, PINS_FILE), 'utf8'));
      expect(pins).toEqual({ 'test_with_annotations.csv': first!.sha256 });
      const [again] = await downloadFiles({ files, cacheDir });
      expect([again!.cached, again!.verification]).toEqual([true, 'recorded']);
      writeFileSync(join(cacheDir, 'test_with_annotations.csv'), `${SMALL}改动,"A 甲\nB 乙",B,\r\n`);
      await expect(downloadFiles({ files, cacheDir })).rejects.toThrow(/does not match the one recorded at its first download/);
      rmSync(join(cacheDir, 'test_with_annotations.csv'));
      writeFileSync(join(served, 'test_with_annotations.csv'), `${SMALL}服务器上的新版本,"A 甲\nB 乙",B,\r\n`);
      await expect(downloadFiles({ files, cacheDir })).rejects.toThrow(/differs from the one recorded at the first download/);
    } finally {
      writeFileSync(join(served, 'test_with_annotations.csv'), SMALL);
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
