// Chunks of one job taken by several scorers at once (here: three calls on one thread that yield after every
// chunk, so their claims interleave as threads' would) add up to the golden sacrebleu statistics, and ROUGE's
// shared columns equal the columns of one call over every line, bit for bit.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rougeScoreColumns } from '@medeval/metrics/corpus';
import { describe, expect, it } from 'vitest';
import { decodeLines, readLineFiles, type LineFile } from './line-files.js';
import { scoreChunks, sharedColumns, sharedWork, type BleuSliceStats, type TextJob } from './text-slices.js';

const GOLDEN = new URL('../../../../fixtures/golden/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', GOLDEN), 'utf8')) as { cases: Array<{ id: string; hyp: string; ref: string }> };
const sacrebleu = JSON.parse(readFileSync(new URL('sacrebleu.json', GOLDEN), 'utf8')) as {
  corpus: Array<{ subset: string; case_ids: string[]; results: Record<string, { counts: number[]; totals: number[]; sys_len: number; ref_len: number }> }>;
};
const golden = sacrebleu.corpus.find((c) => c.subset === 'zh_all')!;
const byId = new Map(corpus.cases.map((c) => [c.id, c]));
// zh and char tokenizers treat a line break like a space, so the golden values hold for one-line texts.
const pairs = golden.case_ids.map((id) => byId.get(id)!).map((c) => ({ hyp: c.hyp.replace(/\r\n|\r|\n/g, ' '), ref: c.ref.replace(/\r\n|\r|\n/g, ' ') }));

/** The pairs as two files of lines (CRLF endings and a BOM when asked), read as `medeval bleu` reads them. */
async function files(crlf: boolean): Promise<[LineFile, LineFile]> {
  const dir = await mkdtemp(join(tmpdir(), 'medeval-chunks-'));
  const eol = crlf ? '\r\n' : '\n';
  const write = (name: string, texts: string[]) => writeFile(join(dir, name), `${crlf ? '\ufeff' : ''}${texts.join(eol)}${eol}`);
  await write('hyp.txt', pairs.map((p) => p.hyp));
  await write('ref.txt', pairs.map((p) => p.ref));
  return (await readLineFiles(
    [
      { path: join(dir, 'hyp.txt'), flag: '--hyp', shown: 'hyp.txt' },
      { path: join(dir, 'ref.txt'), flag: '--ref', shown: 'ref.txt' },
    ],
    'bleu',
  )) as [LineFile, LineFile];
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('scoreChunks: several scorers on one shared counter', () => {
  it.each([
    ['zh', false],
    ['zh', true],
    ['char', true],
  ] as const)('BLEU (--tokenize %s, CRLF %s): the scorers take turns and their sums are the golden sacrebleu statistics', async (tokenize, crlf) => {
    const [hyp, ref] = await files(crlf);
    expect(hyp.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const job: TextJob = { ...sharedWork(hyp.count, 3), metric: 'bleu', tokenize, hyp, refs: [ref] };
    expect(job.chunk).toBeLessThan(hyp.count / 3);
    const parts = (await Promise.all([0, 1, 2].map(() => scoreChunks(job, yieldNow)))) as BleuSliceStats[];
    for (const part of parts) expect(part.hypLen).toBeGreaterThan(0); // each scored some chunks
    const sum = (pick: (p: BleuSliceStats) => number[]) => [0, 1, 2, 3].map((n) => parts.reduce((s, p) => s + pick(p)[n]!, 0));
    const expected = golden.results[`corpus_bleu|${tokenize}|exp`]!;
    expect(sum((p) => p.matches)).toEqual(expected.counts);
    expect(sum((p) => p.totals)).toEqual(expected.totals);
    expect(parts.reduce((s, p) => s + p.hypLen, 0)).toBe(expected.sys_len);
    expect(parts.reduce((s, p) => s + p.refLen, 0)).toBe(expected.ref_len);
  });

  it('ROUGE: the shared columns equal one pass over every line, bit for bit', async () => {
    const [hyp, ref] = await files(true);
    const columns = sharedColumns(hyp.count);
    const job: TextJob = { ...sharedWork(hyp.count, 3), metric: 'rouge', hyp, ref, columns };
    const results = await Promise.all([0, 1, 2].map(() => scoreChunks(job, yieldNow)));
    expect(results).toEqual([null, null, null]);
    const whole = rougeScoreColumns(decodeLines(hyp.bytes, hyp.starts, 0, hyp.count), decodeLines(ref.bytes, ref.starts, 0, ref.count), { tokenize: 'char' });
    expect(columns.map((c) => [...c])).toEqual(whole.map((c) => [...c]));
    expect(columns[2]!.some((f) => f > 0)).toBe(true);
  });

  it('small inputs get several chunks a thread; large ones 1,000 lines a chunk', () => {
    expect(sharedWork(10, 2).chunk).toBe(1);
    expect(sharedWork(3200, 2).chunk).toBe(100);
    expect(sharedWork(100_000, 2).chunk).toBe(1000);
  });
});
