// `medeval datasets download` against a loopback file server (127.0.0.1, started and stopped here):
// files land in DIR/<dataset>/, checksums are verified, a second run uses the cache, offline is a clear error.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval, tempDir } from './helpers.js';
import { sharedAvailable, sharedPath } from '../helpers/shared-data.js';

const REAL_TEST_FILE = sharedPath('data/huatuo/test_datasets.jsonl');

let server: Server;
let baseUrl: string;
let served: Record<string, Buffer>;
const hits: string[] = [];

beforeAll(async () => {
  assertBuilt();
  served = {
    'format_data.jsonl': Buffer.from(`${JSON.stringify({ id: 1, question: '头痛怎么办？', answer: '注意休息。', score: 5, label: '神经内科', related_diseases: '头痛' })}\n`),
    'test_datasets.jsonl': sharedAvailable(REAL_TEST_FILE) ? await readFile(REAL_TEST_FILE) : Buffer.from('{"questions": "x", "answers": "y"}\n'),
  };
  server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    hits.push(name);
    const body = served[name];
    if (!body) res.writeHead(404).end('not found');
    else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mirror`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe('medeval datasets download', () => {
  it.skipIf(!sharedAvailable(REAL_TEST_FILE))('downloads with checksums into DIR/huatuo and reuses the cache', async () => {
    const dir = await tempDir();
    const first = await medeval(['datasets', 'download', 'huatuo', '--dir', dir, '--base-url', baseUrl]);
    expect(first.code, first.stderr).toBe(0);
    const paths = first.stdout.trim().split('\n');
    expect(paths).toEqual([join(dir, 'huatuo', 'test_datasets.jsonl'), join(dir, 'huatuo', 'format_data.jsonl')]);
    expect(await readFile(paths[0]!)).toEqual(served['test_datasets.jsonl']);
    const before = hits.length;
    const second = await medeval(['datasets', 'download', 'huatuo', '--dir', dir, '--base-url', baseUrl]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/already present/);
    expect(hits.length).toBe(before);
  });

  it('a checksum mismatch exits 1 and saves nothing', async () => {
    const dir = await tempDir();
    const original = served['test_datasets.jsonl']!;
    served['test_datasets.jsonl'] = Buffer.from('{"questions": "tampered", "answers": "x"}\n');
    try {
      const result = await medeval(['datasets', 'download', 'huatuo', '--dir', dir, '--base-url', baseUrl]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/checksum mismatch/);
      expect(existsSync(join(dir, 'huatuo', 'test_datasets.jsonl'))).toBe(false);
    } finally {
      served['test_datasets.jsonl'] = original;
    }
  });

  it('an unreachable server is a clear error, exit 1', async () => {
    const dir = await tempDir();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await medeval(['datasets', 'download', 'cmexam', '--dir', dir, '--base-url', `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not reach 127\.0\.0\.1/);
    expect(result.stderr).toMatch(/--base-url/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown dataset is a usage error', async () => {
    const result = await medeval(['datasets', 'download', 'medqa']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown dataset "medqa"; datasets: cmexam, huatuo/);
  });
});
