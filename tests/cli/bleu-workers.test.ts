// `medeval bleu --workers N` leaves nothing running behind it: the process ends on success, on bad input,
// and promptly on Ctrl-C while the worker threads are busy. (Answers on failing or dying workers are
// checked in packages/cli/src/commands/worker-pool.test.ts; the numbers against sacrebleu in bleu-rouge.)
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, GOLDEN, medeval, tempDir } from './helpers.js';

const corpus = JSON.parse(readFileSync(join(GOLDEN, 'corpus.json'), 'utf8')) as { cases: Array<{ lang: string; hyp: string; ref: string }> };
const zh = corpus.cases.filter((c) => c.lang === 'zh').map((c) => ({ hyp: c.hyp.replace(/\s+/g, ' '), ref: c.ref.replace(/\s+/g, ' ') }));

/** `lines` pairs cycling through the golden Chinese cases. */
async function writeLines(dir: string, name: string, lines: number): Promise<{ hyp: string; ref: string }> {
  const pick = (k: number) => zh[k % zh.length]!;
  const hyp = join(dir, `${name}.hyp.txt`);
  const ref = join(dir, `${name}.ref.txt`);
  await writeFile(hyp, Array.from({ length: lines }, (_, k) => `${pick(k).hyp}\n`).join(''));
  await writeFile(ref, Array.from({ length: lines }, (_, k) => `${pick(k).ref}\n`).join(''));
  return { hyp, ref };
}

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir();
});

describe('medeval bleu worker threads end with the process', () => {
  it('exits 0 on success', async () => {
    const files = await writeLines(dir, 'small', 3000);
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--workers', '2', '--json'], { timeoutMs: 30_000 });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).sys_len).toBeGreaterThan(0);
  });

  it('exits 1 on bad input, the workers started while the files were read stopped', async () => {
    const files = await writeLines(dir, 'short', 10);
    const longer = await writeLines(dir, 'long', 11);
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', longer.ref, '--workers', '2'], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('short.hyp.txt');
  });

  it('stops at once on Ctrl-C while the workers are busy, with exit 130', async () => {
    // jieba on 300,000 lines: about 20 s of work for two threads here; Ctrl-C comes 2.5 s in, so a run
    // that ignored it would still have more than 10 s to go.
    const files = await writeLines(dir, 'large', 300_000);
    let child!: ChildProcess;
    let interruptedAt = 0;
    const running = medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--workers', '2', '--tokenize', 'jieba'], {
      timeoutMs: 90_000,
      onSpawn: (c) => (child = c),
    });
    const timer = setTimeout(() => {
      interruptedAt = Date.now();
      child.kill('SIGINT');
    }, 2500);
    const result = await running;
    clearTimeout(timer);
    expect(interruptedAt).toBeGreaterThan(0);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('medeval: interrupted.');
    expect(result.stderr).not.toContain('resume');
    expect(Date.now() - interruptedAt).toBeLessThan(3000);
  });
});
