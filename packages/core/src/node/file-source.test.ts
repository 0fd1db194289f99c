// A file read through one reused buffer gives the same bytes, lines and sha256 as the stream that allocates a
// buffer per read, with multi-byte characters and CRLF split across reads; and a merge's read size per shard.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../source/lines.js';
import { openFileSource } from './file-source.js';
import { mergeReadBytes } from './merge-runs.js';

async function collect(path: string, options: Parameters<typeof openFileSource>[1]) {
  const source = await openFileSource(path, options);
  const lines: string[] = [];
  for await (const { line } of readLines(source)) lines.push(line);
  return { lines, sha256: source.sha256() };
}

describe('openFileSource({ reuseBuffer })', () => {
  it('gives the lines and sha256 of the allocating stream, chunk boundaries inside characters and CRLF', async () => {
    const text = Array.from({ length: 500 }, (_, i) => `{"id":"${i}","output":"答案：${'ABCDE'[i % 5]}。患者发热${i}天"}${i % 7 ? '\n' : '\r\n'}`).join('');
    const path = join(await mkdtemp(join(tmpdir(), 'medeval-source-')), 'records.jsonl');
    await writeFile(path, text);
    const expected = text.split(/\r?\n/).slice(0, -1);
    for (const chunkBytes of [7, 64, 4096]) {
      const reused = await collect(path, { chunkBytes, reuseBuffer: true });
      const fresh = await collect(path, { chunkBytes });
      expect(reused.lines).toEqual(expected);
      expect(fresh.lines).toEqual(expected);
      expect(reused.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(reused.sha256).toBe(fresh.sha256);
    }
  });

  it('hands out the same buffer each time (a consumer must copy what it keeps)', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'medeval-source-')), 'x.txt');
    await writeFile(path, 'abcdefgh');
    const chunks: Uint8Array[] = [];
    for await (const chunk of (await openFileSource(path, { chunkBytes: 4, reuseBuffer: true })).chunks()) chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    expect(chunks[0]!.buffer).toBe(chunks[1]!.buffer);
    expect(new TextDecoder().decode(chunks[1])).toBe('efgh');
  });
});

describe('mergeReadBytes', () => {
  it('shares 640 KiB among the shards, between 4 and 64 KiB each', () => {
    expect(mergeReadBytes(1)).toBe(64 << 10);
    expect(mergeReadBytes(10)).toBe(64 << 10);
    expect(mergeReadBytes(20)).toBe(32 << 10);
    expect(mergeReadBytes(100)).toBe(Math.floor((640 << 10) / 100));
    expect(mergeReadBytes(1000)).toBe(4 << 10);
  });
});

describe('writeFileAtomic with pieces of text', () => {
  it('writes the pieces joined, across its 1 MB batches', async () => {
    const { writeFileAtomic } = await import('./atomic.js');
    const { readFile } = await import('node:fs/promises');
    const path = join(await mkdtemp(join(tmpdir(), 'medeval-atomic-')), 'page.html');
    const pieces = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段 ${'x'.repeat(i % 900)}</p>\n`);
    await writeFileAtomic(path, pieces);
    expect(await readFile(path, 'utf8')).toBe(pieces.join(''));
  });
});
