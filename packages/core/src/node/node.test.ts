import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFiles } from './download.js';
import { expectedLines, fileCache } from './file-cache.js';
import { fingerprint } from '../cache/slot-index.js';
import { readRunFolder } from './read-run-folder.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-node-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileCache', () => {
  it('persists entries across instances and commits concurrent writes', async () => {
    const d = join(dir, 'c1');
    const a = fileCache(d);
    await Promise.all(Array.from({ length: 50 }, (_, i) => a.set(`k${i}`, { text: `答${i}` })));
    await a.close();
    const b = fileCache(d);
    expect(await b.size()).toBe(50);
    expect(await b.get('k7')).toEqual({ text: '答7' });
    expect(await b.get('missing')).toBeUndefined();
    await b.close();
  });

  it('drops a torn last line (crash mid-write) and keeps appending cleanly', async () => {
    const d = join(dir, 'c2');
    const a = fileCache(d);
    await a.set('k1', { text: 'A' });
    await a.close();
    await appendFile(join(d, 'responses.jsonl'), '{"k":"k2","v":{"text":"半');
    const b = fileCache(d);
    expect(await b.get('k2')).toBeUndefined();
    await b.set('k3', { text: 'C' });
    await b.close();
    expect((await readFile(join(d, 'responses.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
    const c = fileCache(d);
    expect(await c.get('k3')).toEqual({ text: 'C' });
    await c.close();
  });

  it('reads responses back from the file by offset, across 1 MiB read chunks and multi-byte text', async () => {
    const d = join(dir, 'c4');
    const a = fileCache(d);
    const long = (i: number) => `第${i}个很长的回答。`.repeat(40_000); // ~0.5 MB of 3-byte characters each
    for (let i = 0; i < 5; i++) await a.set(`k${i}`, { text: long(i) });
    expect((await a.get('k3'))?.text).toBe(long(3)); // a hit written in this session, read from disk
    await a.close();
    const b = fileCache(d);
    expect(await b.size()).toBe(5);
    for (let i = 4; i >= 0; i--) expect((await b.get(`k${i}`))?.text).toBe(long(i));
    await b.set('k5', { text: 'short' });
    expect(await b.get('k5')).toEqual({ text: 'short' });
    await b.close();
  });

  it('indexes a line longer than its read buffer (2 MiB) between short ones, and a torn tail after them', async () => {
    const d = join(dir, 'c4b');
    const a = fileCache(d);
    const huge = '甲乙丙丁'.repeat(300_000); // 3.6 MB of UTF-8 in one line
    await a.set('before', { text: 'x' });
    await a.set('huge', { text: huge });
    for (let i = 0; i < 3000; i++) await a.set(`s${i}`, { text: `短回答${i}` });
    await a.close();
    await appendFile(join(d, 'responses.jsonl'), '{"k":"torn","v":{"te');
    const b = fileCache(d);
    expect(await b.size()).toBe(3002);
    expect((await b.get('huge'))?.text).toBe(huge);
    expect((await b.get('before'))?.text).toBe('x');
    expect((await b.get('s2999'))?.text).toBe('短回答2999');
    expect(await b.get('torn')).toBeUndefined();
    await b.close();
  });

  it('stays right when two processes append to the same file (stale offsets are re-indexed)', async () => {
    const d = join(dir, 'c5');
    const a = fileCache(d);
    const b = fileCache(d);
    await a.size();
    await b.size();
    await a.set('k1', { text: 'from a' });
    await b.set('k2', { text: 'from b, written where a thinks its next line goes' });
    await a.set('k3', { text: 'a again' });
    await b.close(); // b's own queue is gone; its line is on disk
    expect(await a.get('k3')).toEqual({ text: 'a again' });
    expect(await a.get('k1')).toEqual({ text: 'from a' });
    // the re-index that k3's stale offset caused also brought in b's answer
    expect(await a.get('k2')).toEqual({ text: 'from b, written where a thinks its next line goes' });
    await a.close();
    const c = fileCache(d);
    expect(await c.get('k2')).toEqual({ text: 'from b, written where a thinks its next line goes' });
    await c.close();
  });

  it('reads a line of 16 MiB or more (its length is not indexed) up to its newline', async () => {
    const d = join(dir, 'c6');
    const a = fileCache(d);
    const long = '长'.repeat(6 * 2 ** 20); // 18 MiB of UTF-8
    await a.set('long', { text: long });
    await a.set('after', { text: 'short' });
    expect((await a.get('long'))?.text).toBe(long);
    await a.close();
    const b = fileCache(d);
    expect((await b.get('long'))?.text).toBe(long);
    expect(await b.get('after')).toEqual({ text: 'short' });
    await b.close();
  });

  it('keeps two keys with the same 32-bit fingerprint apart, in the session and after reopening', async () => {
    const seen = new Map<number, string>();
    let twins: [string, string] | undefined;
    for (let i = 0; !twins; i++) {
      const key = `key-${i}`;
      const fp = fingerprint(key);
      const other = seen.get(fp);
      if (other !== undefined) twins = [other, key];
      seen.set(fp, key);
    }
    const d = join(dir, 'c7');
    const a = fileCache(d);
    await a.set(twins[0], { text: 'first' });
    expect(await a.get(twins[1])).toBeUndefined();
    await a.set(twins[1], { text: 'second' });
    expect(await a.get(twins[0])).toEqual({ text: 'first' });
    expect(await a.get(twins[1])).toEqual({ text: 'second' });
    await a.close();
    const b = fileCache(d);
    expect(await b.size()).toBe(2);
    expect(await b.get(twins[1])).toEqual({ text: 'second' });
    expect(await b.get(twins[0])).toEqual({ text: 'first' });
    await b.close();
  });

  it('sizes the index by the sparsest sample of the file (a short-answer start, long answers after)', () => {
    const MiB = 2 ** 20;
    expect(expectedLines(100 * MiB, [{ lines: 7000, bytes: MiB }])).toBe(700_000);
    expect(expectedLines(100 * MiB, [{ lines: 7000, bytes: MiB }, { lines: 200, bytes: MiB }])).toBe(20_000);
    expect(expectedLines(100 * MiB, [{ lines: 7000, bytes: MiB }, { lines: 0, bytes: MiB }])).toBe(0); // one huge line at the end
    expect(expectedLines(100 * MiB, [])).toBe(0);
  });

  it('names file and line of a damaged middle line', async () => {
    const d = join(dir, 'c3');
    await mkdir(d, { recursive: true });
    await writeFile(join(d, 'responses.jsonl'), '{"k":"a","v":{"text":"A"}}\nnot json\n{"k":"b","v":{"text":"B"}}\n');
    await expect(fileCache(d).get('a')).rejects.toThrow(/responses\.jsonl:2: not valid JSON/);
  });
});

describe('readRunFolder', () => {
  it('explains a missing or broken folder with the file name', async () => {
    await expect(readRunFolder(join(dir, 'nope'))).rejects.toThrow(/nope\/results\.json: not found/);
    const d = join(dir, 'run');
    await mkdir(d, { recursive: true });
    await writeFile(join(d, 'results.json'), '{"schemaVersion": 1');
    await expect(readRunFolder(d)).rejects.toThrow(/results\.json: not valid JSON/);
    await writeFile(join(d, 'results.json'), JSON.stringify({ schemaVersion: 1, task: {}, metrics: {}, slices: {}, counts: {}, manifest: {} }));
    await expect(readRunFolder(d)).rejects.toThrow(/results\.json: task\.name: /);
    const valid = {
      schemaVersion: 1,
      task: { name: 't', version: '1', promptId: 'p@1', dataset: { source: 'd.csv', sha256: null, samples: 2, load: null } },
      model: null,
      protocol: { name: 'standard', signature: 's' },
      metrics: { accuracy: { value: 50, ci95: [0, 100], n: 2, signature: 'acc' } },
      slices: {},
      counts: { samples: 2, scored: 2, unparsed: 0, empty: 0, errors: 0 },
      manifest: { startedAt: 'x', endedAt: 'y', seed: 0, bootstrapSamples: 10 },
    };
    await writeFile(join(d, 'results.json'), JSON.stringify(valid));
    await writeFile(join(d, 'records.jsonl'), '{"id":"0","target":"A","output":"A","prediction":"A","status":"ok","scores":{},"items":{},"meta":{},"cached":false}\n{"id":"1"}\n');
    const folder = await readRunFolder(d);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const r of folder.records()) seen.push(r.id);
      })(),
    ).rejects.toThrow(/records\.jsonl:2: /);
    expect(seen).toEqual(['0']);
    // A hostile run folder: markup where a report prints numbers is refused with the field's path.
    for (const [path, hostile] of [
      ['counts.samples', { ...valid, counts: { ...valid.counts, samples: '<script>alert(1)</script>' } }],
      ['metrics.accuracy.n', { ...valid, metrics: { accuracy: { ...valid.metrics.accuracy, n: '<img src=x onerror=alert(1)>' } } }],
      ['metrics.accuracy.value', { ...valid, metrics: { accuracy: { ...valid.metrics.accuracy, value: '<b>' } } }],
      ['extraction.rules.none', { ...valid, extraction: { rules: { none: '<script>alert(1)</script>' }, examples: [] } }],
      ['extraction.examples.0.status', { ...valid, extraction: { rules: {}, examples: [{ id: '0', status: '<b>', output: 'x' }] } }],
      ['extraction.judge.asked', { ...valid, extraction: { rules: {}, examples: [], judge: { model: 'm', promptId: 'p', asked: '<i>', answered: 0, failed: 0 } } }],
    ] as const) {
      await writeFile(join(d, 'results.json'), JSON.stringify(hostile));
      await expect(readRunFolder(d), path).rejects.toThrow(`results.json: ${path}: `);
    }
    // An audit as evaluate() writes it is accepted.
    await writeFile(join(d, 'results.json'), JSON.stringify({ ...valid, counts: { ...valid.counts, truncated: 0 }, extraction: { rules: { 'answer-statement': 2 }, examples: [], judge: { model: 'm', promptId: 'p@1', asked: 0, answered: 0, failed: 0 } } }));
    expect((await readRunFolder(d)).results.extraction?.rules).toEqual({ 'answer-statement': 2 });
  });
});

describe('downloadFiles', () => {
  const body = Buffer.from('id,question\n0,问题\n', 'utf8');
  const sha = createHash('sha256').update(body).digest('hex');
  let url: string;
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    if (req.url === '/data.csv') res.end(body);
    else res.writeHead(404).end();
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('downloads, verifies, and then uses the local copy', async () => {
    const cacheDir = join(dir, 'dl');
    const [first] = await downloadFiles({ files: [{ name: 'sub/data.csv', url: `${url}/data.csv`, sha256: sha }], cacheDir });
    expect(first).toMatchObject({ sha256: sha, bytes: body.length, cached: false });
    expect(await readFile(join(cacheDir, 'sub/data.csv'))).toEqual(body);
    const before = hits;
    const [second] = await downloadFiles({ files: [{ name: 'sub/data.csv', url: `${url}/data.csv`, sha256: sha }], cacheDir });
    expect(second!.cached).toBe(true);
    expect(hits).toBe(before);
  });

  it('refuses a checksum mismatch and saves nothing', async () => {
    const cacheDir = join(dir, 'dl2');
    await expect(downloadFiles({ files: [{ name: 'x.csv', url: `${url}/data.csv`, sha256: '0'.repeat(64) }], cacheDir })).rejects.toThrow(/checksum mismatch/);
    await expect(readFile(join(cacheDir, 'x.csv'))).rejects.toThrow();
  });

  it('says "are you offline?" when the host cannot be reached, and reports HTTP errors', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    }) as typeof fetch;
    await expect(downloadFiles({ files: [{ name: 'y', url: 'https://example.invalid/y' }], cacheDir: join(dir, 'dl3'), fetch: offline })).rejects.toThrow(
      /could not reach example\.invalid: are you offline\? \(ENOTFOUND\)/,
    );
    await expect(downloadFiles({ files: [{ name: 'z', url: `${url}/missing` }], cacheDir: join(dir, 'dl3') })).rejects.toThrow(/HTTP 404/);
    await expect(downloadFiles({ files: [{ name: '../evil', url: `${url}/data.csv` }], cacheDir: join(dir, 'dl3') })).rejects.toThrow(/bad file name/);
  });
});
