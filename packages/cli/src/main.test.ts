// The CLI in-process: main(argv, io) with in-memory output, as a program embedding medeval would call it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, memoryIO } from './index.js';

describe('main(argv, io)', () => {
  it('prints help and returns 0, never exiting the process', async () => {
    const io = memoryIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('datasets download');
    expect(io.err()).toBe('');
  });

  it('returns 2 with a message for usage errors', async () => {
    const io = memoryIO();
    expect(await main(['bleu', '--nope'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown option --nope/);
    expect(io.err()).toMatch(/Run 'medeval bleu --help' for usage\./);
  });

  it('runs bleu and rouge relative to io.cwd', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'medeval-main-'));
    await writeFile(join(cwd, 'h.txt'), '患者应低盐饮食。\n\n多喝水\n');
    await writeFile(join(cwd, 'r.txt'), '患者应低盐低脂饮食。\n注意休息\n多喝水\n');
    const bleu = memoryIO({ cwd });
    expect(await main(['bleu', '--hyp', 'h.txt', '--ref', 'r.txt', '--json'], bleu)).toBe(0);
    const json = JSON.parse(bleu.out());
    expect(json.sys_len).toBe(11); // 8 + 0 + 3 tokens under tokenize zh (each character and 。 is one)
    expect(json.signature).toContain('tok:zh');
    const rouge = memoryIO({ cwd });
    expect(await main(['rouge', '--hyp', 'h.txt', '--ref', 'r.txt'], rouge)).toBe(0);
    expect(rouge.out()).toMatch(/^ROUGE-1 /);
  });

  it('returns 1 naming both files when line counts differ', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'medeval-main-'));
    await writeFile(join(cwd, 'h.txt'), 'a\n');
    await writeFile(join(cwd, 'r.txt'), 'a\nb\n');
    const io = memoryIO({ cwd });
    expect(await main(['rouge', '--hyp', 'h.txt', '--ref', 'r.txt'], io)).toBe(1);
    expect(io.err()).toBe('medeval: line counts differ: h.txt has 1 lines, r.txt has 2; line i of the hypotheses is scored against line i of the references\n');
  });
});

describe('the Ctrl-C message', () => {
  it('says how to resume only when a cache exists, and how to get one otherwise', async () => {
    const { resumeHint } = await import('./main.js');
    expect(resumeHint(['run', '--task', 'cmexam', '--cache', '.c'])).toContain('--cache .c has every answer received');
    expect(resumeHint(['run', '--cache=runs/cache'])).toContain('--cache runs/cache');
    expect(resumeHint(['run', '--task', 'cmexam'])).toBe('Nothing can be resumed without a cache: run again with --cache DIR to keep answers across runs.');
  });
});
