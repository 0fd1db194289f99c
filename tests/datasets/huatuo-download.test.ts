// The Huatuo manifest through core's downloader, against a loopback HTTP server this test starts
// (127.0.0.1, files served from a temp dir): checksums verified, a mismatch refused with a clear
// message and nothing saved, a second run served from the cache without a request.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFiles, DownloadError } from '@medeval/core/node';
import { huatuo, loadHuatuo, remoteFiles, type RemoteFile } from '@medeval/datasets-huatuo';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';

const REAL = sharedPath('data/huatuo/test_datasets.jsonl');

let root: string;
let served: string;
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'medeval-huatuo-download-'));
  served = join(root, 'served');
  await mkdir(served);
  server = createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    requests.push(name);
    if (requests.length > 50) return void res.writeHead(429).end(); // bounded: a runaway loop stops here
    try {
      const body = await readFile(join(served, name.replace(/[\\/]/g, '_')));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const loopback = (file: RemoteFile, sha?: string | null): RemoteFile => {
  const out: RemoteFile = { name: file.name, url: `${base}/${file.name}` };
  const hash = sha === undefined ? file.sha256 : sha;
  if (hash) out.sha256 = hash;
  return out;
};
const textOf = (source: unknown) => (source as { text: string }).text;

describe('huatuo.remoteFiles', () => {
  it('pins the full sha256 of the test set and lists Lite (trust on first use)', () => {
    expect(remoteFiles).toBe(huatuo.remoteFiles);
    const [test, lite] = remoteFiles;
    expect(test).toMatchObject({ name: 'test_datasets.jsonl' });
    expect(test!.sha256).toMatch(/^79a587b0[0-9a-f]{52}4050$/);
    expect(test!.url).toMatch(/^https:\/\/huggingface\.co\/datasets\/FreedomIntelligence\/huatuo26M-testdatasets\/resolve\/main\//);
    expect(lite).toMatchObject({ name: 'format_data.jsonl' });
    expect(lite!.sha256).toBeUndefined();
  });
});

describe('downloading the manifest on loopback', () => {
  it('downloads, verifies, loads, and serves the second run from the cache', async () => {
    const cacheDir = join(root, 'cache-ok');
    const testText = textOf(huatuo.sample);
    await writeFile(join(served, 'test_datasets.jsonl'), testText);
    await writeFile(join(served, 'format_data.jsonl'), textOf(huatuo.liteSample));
    // Stand-in bytes for the test set, so its checksum is the stand-in's; the real bytes are checked below.
    const files = [loopback(remoteFiles[0]!, sha256(testText)), loopback(remoteFiles[1]!)];
    const before = requests.length;
    const first = await downloadFiles({ files, cacheDir });
    expect(first.map((f) => [f.name, f.cached])).toEqual([
      ['test_datasets.jsonl', false],
      ['format_data.jsonl', false],
    ]);
    expect(requests.length - before).toBe(2);
    const testSet = loadHuatuo(first[0]!.path);
    let n = 0;
    for await (const _ of testSet.samples()) n++;
    expect(n).toBe(55);
    expect(testSet.summary().sha256).toBe(first[0]!.sha256);
    const lite = loadHuatuo(first[1]!.path);
    const departments = new Set<unknown>();
    for await (const sample of lite.samples()) departments.add(sample.meta?.department);
    expect(lite.format()).toBe('lite');
    expect(lite.summary().loaded).toBe(33);
    expect(departments.size).toBe(8);

    const second = await downloadFiles({ files, cacheDir });
    expect(second.every((f) => f.cached)).toBe(true);
    expect(requests.length - before).toBe(2);
  });

  it('refuses a file whose checksum differs from the pinned one, naming both hashes, and saves nothing', async () => {
    const cacheDir = join(root, 'cache-bad');
    await writeFile(join(served, 'test_datasets.jsonl'), textOf(huatuo.sample) + '{"questions": "x", "answers": "y"}\n');
    const pinned = remoteFiles[0]!.sha256!;
    const attempt = downloadFiles({ files: [loopback(remoteFiles[0]!)], cacheDir });
    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(downloadFiles({ files: [loopback(remoteFiles[0]!)], cacheDir })).rejects.toThrow(
      new RegExp(`checksum mismatch \\(expected sha256 ${pinned}, got [0-9a-f]{64}\\)`),
    );
    expect(existsSync(join(cacheDir, 'test_datasets.jsonl'))).toBe(false);
  });

  it.skipIf(!sharedAvailable(REAL))('accepts the real test set against the pinned checksum', async () => {
    const cacheDir = join(root, 'cache-real');
    await copyFile(REAL, join(served, 'test_datasets.jsonl'));
    const [result] = await downloadFiles({ files: [loopback(remoteFiles[0]!)], cacheDir });
    expect(result!.sha256).toBe(remoteFiles[0]!.sha256);
    expect(result!.cached).toBe(false);
    const [again] = await downloadFiles({ files: [loopback(remoteFiles[0]!)], cacheDir });
    expect(again!.cached).toBe(true);
  });
  if (!sharedAvailable(REAL)) console.log(`skipped the real-file download check: ${REAL} not found`);
});
