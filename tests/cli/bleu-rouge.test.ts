// `medeval bleu` / `medeval rouge` on files of lines, checked against the golden sacrebleu 2.6.0 and
// rouge-score 0.1.2 values (fixtures/golden). Texts that contain a line break are written with it replaced
// by a space: every tokenizer used here treats both as the same separator, so the golden values still hold.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, GOLDEN, medeval, tempDir } from './helpers.js';

interface Case {
  id: string;
  lang: string;
  hyp: string;
  ref: string;
}
const corpus = JSON.parse(readFileSync(join(GOLDEN, 'corpus.json'), 'utf8')) as { cases: Case[] };
const sacrebleu = JSON.parse(readFileSync(join(GOLDEN, 'sacrebleu.json'), 'utf8')) as {
  corpus: Array<{ subset: string; case_ids: string[]; results: Record<string, Record<string, number | number[]>> }>;
  multi_reference: Array<{ lang: string; tokenize: string; items: Array<{ hyp: string; refs: string[] }>; corpus_bleu: Record<string, number | number[]> }>;
};
const rougeScore = JSON.parse(readFileSync(join(GOLDEN, 'rouge_score.json'), 'utf8')) as {
  cases: Array<{ id: string; lang: string; modes: Record<string, { scores: Record<string, { precision: number; recall: number; fmeasure: number }> }> }>;
  means: Record<string, Record<string, { precision: number; recall: number; fmeasure: number }>>;
};
const cmexamProtocol = JSON.parse(readFileSync(join(GOLDEN, 'cmexam_protocol.json'), 'utf8')) as {
  explanation_metrics: {
    corpus: Array<{
      subset: string;
      case_ids: string[];
      char_bleu: Record<string, { score: number }>;
      jieba_bleu: Record<string, { score: number }>;
      rouge_lora: Record<string, number>;
    }>;
  };
};
const nltk = JSON.parse(readFileSync(join(GOLDEN, 'nltk_bleu.json'), 'utf8')) as {
  corpus: Array<{ subset: string; case_ids: string[]; results: Record<string, { value: number }> }>;
};
const byId = new Map(corpus.cases.map((c) => [c.id, c]));
const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');

async function writePair(dir: string, name: string, cases: Case[]): Promise<{ hyp: string; ref: string }> {
  const hyp = join(dir, `${name}.hyp.txt`);
  const ref = join(dir, `${name}.ref.txt`);
  await writeFile(hyp, cases.map((c) => `${oneLine(c.hyp)}\n`).join(''));
  await writeFile(ref, cases.map((c) => `${oneLine(c.ref)}\n`).join(''));
  return { hyp, ref };
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9);

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir();
});

describe('medeval bleu', () => {
  it.each([
    ['zh_all', 'zh'],
    ['zh_all', 'char'],
    ['zh_paraphrase', 'zh'],
    ['zh_qa', '13a'],
    ['en_all', '13a'],
  ])('%s --tokenize %s equals sacrebleu corpus_bleu', async (subset, tokenize) => {
    const golden = sacrebleu.corpus.find((c) => c.subset === subset)!;
    const expected = golden.results[`corpus_bleu|${tokenize}|exp`]!;
    const files = await writePair(dir, `${subset}-${tokenize}`, golden.case_ids.map((id) => byId.get(id)!));
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--tokenize', tokenize, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['bp', 'counts', 'ref_len', 'score', 'signature', 'sys_len', 'totals']);
    expect(json.counts).toEqual(expected.counts);
    expect(json.totals).toEqual(expected.totals);
    expect(json.sys_len).toBe(expected.sys_len);
    expect(json.ref_len).toBe(expected.ref_len);
    close(json.bp as number, expected.bp as number);
    close(json.score as number, expected.score as number);
    expect(json.signature).toMatch(new RegExp(`tok:${tokenize}`));
  });

  it.each([
    ['zh', 3],
    ['char', 2],
  ])('worker threads (--tokenize %s, --workers %i) give exactly the single-thread numbers', async (tokenize, workers) => {
    const golden = sacrebleu.corpus.find((c) => c.subset === 'zh_all')!;
    const expected = golden.results[`corpus_bleu|${tokenize}|exp`]!;
    const files = await writePair(dir, `workers-${tokenize}`, golden.case_ids.map((id) => byId.get(id)!));
    const threaded = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--tokenize', tokenize, '--json', '--workers', String(workers)]);
    const single = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--tokenize', tokenize, '--json', '--workers', '1']);
    expect(threaded.code, threaded.stderr).toBe(0);
    expect(threaded.stdout).toBe(single.stdout);
    const json = JSON.parse(threaded.stdout);
    expect(json.counts).toEqual(expected.counts);
    close(json.score, expected.score as number);
  });

  it('threads reading zh lines as UTF-8 bytes give the single-thread numbers, CRLF, BOM and empty lines included', async () => {
    const golden = sacrebleu.corpus.find((c) => c.subset === 'zh_all')!;
    const files = await writePair(dir, 'workers-bytes', golden.case_ids.map((id) => byId.get(id)!));
    for (const path of [files.hyp, files.ref]) await writeFile(path, `\ufeff${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}\r\n`);
    const threaded = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--json', '--workers', '3']);
    const single = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--json', '--workers', '1']);
    expect(threaded.code, threaded.stderr).toBe(0);
    expect(threaded.stdout).toBe(single.stdout);
  });

  it.each(['zh', 'en'])('repeated --ref gives multi-reference BLEU (%s)', async (lang) => {
    const golden = sacrebleu.multi_reference.find((m) => m.lang === lang)!;
    const hyp = join(dir, `multi-${lang}.hyp`);
    const refs = [0, 1].map((k) => join(dir, `multi-${lang}.ref${k}`));
    await writeFile(hyp, golden.items.map((item) => `${item.hyp}\n`).join(''));
    for (const [k, ref] of refs.entries()) await writeFile(ref, golden.items.map((item) => `${item.refs[k]}\n`).join(''));
    const result = await medeval(['bleu', '--hyp', hyp, '--ref', refs[0]!, '--ref', refs[1]!, '--tokenize', golden.tokenize, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.counts).toEqual(golden.corpus_bleu.counts);
    expect(json.ref_len).toBe(golden.corpus_bleu.ref_len);
    close(json.score, golden.corpus_bleu.score as number);
    expect(json.signature).toMatch(/nrefs:2/);
  });

  it('defaults to tokenize zh and prints the score and signature as text', async () => {
    const golden = sacrebleu.corpus.find((c) => c.subset === 'zh_paraphrase')!;
    const files = await writePair(dir, 'text', golden.case_ids.map((id) => byId.get(id)!));
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref]);
    expect(result.code).toBe(0);
    const score = (golden.results['corpus_bleu|zh|exp']!.score as number).toFixed(2);
    expect(result.stdout).toContain(`BLEU = ${score}`);
    expect(result.stdout).toMatch(/tok:zh/);
  });

  it('exits 1 naming both files and their line counts when they differ', async () => {
    const hyp = join(dir, 'short.txt');
    const ref = join(dir, 'long.txt');
    await writeFile(hyp, '一\n二\n');
    await writeFile(ref, '一\n二\n三\n');
    const result = await medeval(['bleu', '--hyp', hyp, '--ref', ref]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${hyp} has 2 lines, ${ref} has 3`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 naming the file and line of bytes that are not UTF-8', async () => {
    const hyp = join(dir, 'gbk.txt');
    const ref = join(dir, 'utf8.txt');
    // line 2 is 糖尿病 in GBK
    await writeFile(hyp, Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xcc, 0xc7, 0xc4, 0xf2, 0xb2, 0xa1]), Buffer.from('\n')]));
    await writeFile(ref, 'ok\n糖尿病\n');
    const result = await medeval(['rouge', '--hyp', hyp, '--ref', ref]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${hyp}:2: not valid UTF-8`);
  });
});

describe('--protocol variants', () => {
  const cmexamCorpus = (subset: string) => cmexamProtocol.explanation_metrics.corpus.find((c) => c.subset === subset)!;

  it.each(['zh_all', 'zh_cmexam_output'])('bleu --protocol cmexam-paper equals CMExam LoRA BLEU-4 (nmt, characters) on %s', async (subset) => {
    const golden = cmexamCorpus(subset);
    const files = await writePair(dir, `paper-${subset}`, golden.case_ids.map((id) => byId.get(id)!));
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--protocol', 'cmexam-paper', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    close(json.score, golden.char_bleu.bleu4!.score);
    expect(json.signature).toMatch(/cmexam-paper/);
  });

  it.each(['zh_paraphrase', 'zh_cmexam_output'])('bleu --protocol cmexam-gpt equals CMExam GPT-script BLEU-4 (nmt, jieba words) on %s', async (subset) => {
    const golden = cmexamCorpus(subset);
    const files = await writePair(dir, `gpt-${subset}`, golden.case_ids.map((id) => byId.get(id)!));
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--protocol', 'cmexam-gpt', '--json']);
    expect(result.code, result.stderr).toBe(0);
    close(JSON.parse(result.stdout).score, golden.jieba_bleu.bleu4!.score);
  });

  it.each(['zh_paraphrase', 'zh_cmexam_output'])('rouge --protocol cmexam-paper equals CMExam LoRA ROUGE on %s', async (subset) => {
    const golden = cmexamCorpus(subset);
    const files = await writePair(dir, `paper-rouge-${subset}`, golden.case_ids.map((id) => byId.get(id)!));
    const result = await medeval(['rouge', '--hyp', files.hyp, '--ref', files.ref, '--protocol', 'cmexam-paper', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const [ours, theirs] of [['rouge1', 'rouge_1'], ['rouge2', 'rouge_2'], ['rougeL', 'rouge_l']] as const) {
      close(json[ours].f, golden.rouge_lora[`${theirs}/f_score`]!);
      close(json[ours].p, golden.rouge_lora[`${theirs}/p_score`]!);
      close(json[ours].r, golden.rouge_lora[`${theirs}/r_score`]!);
    }
  });

  it.each(['zh_all', 'zh_paraphrase'])('bleu --protocol huatuo equals nltk corpus_bleu BLEU-4 on characters (%s)', async (subset) => {
    const golden = nltk.corpus.find((c) => c.subset === subset)!;
    const files = await writePair(dir, `huatuo-${subset}`, golden.case_ids.map((id) => byId.get(id)!));
    const result = await medeval(['bleu', '--hyp', files.hyp, '--ref', files.ref, '--protocol', 'huatuo', '--json']);
    expect(result.code, result.stderr).toBe(0);
    close(JSON.parse(result.stdout).score, 100 * golden.results['char|bleu4|none']!.value);
  });
});

describe('medeval rouge', () => {
  const zhCases = corpus.cases.filter((c) => c.lang === 'zh');

  it('defaults to rouge-score F on characters averaged over lines, 0–100 (all 283 zh cases)', async () => {
    const files = await writePair(dir, 'rouge-char', zhCases);
    const result = await medeval(['rouge', '--hyp', files.hyp, '--ref', files.ref, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, { p: number; r: number; f: number }> & { signature: string };
    expect(Object.keys(json).sort()).toEqual(['rouge1', 'rouge2', 'rougeL', 'signature']);
    const means = rougeScore.means['zh|char_ws']!;
    for (const type of ['rouge1', 'rouge2', 'rougeL'] as const) {
      close(json[type]!.p, 100 * means[type]!.precision);
      close(json[type]!.r, 100 * means[type]!.recall);
      close(json[type]!.f, 100 * means[type]!.fmeasure);
    }
    expect(typeof json.signature).toBe('string');
  });

  it.each([2, 3])('worker threads (--workers %i) give exactly the single-thread numbers, CRLF and BOM included', async (workers) => {
    const files = await writePair(dir, `rouge-workers-${workers}`, zhCases);
    // A BOM and CRLF line ends are read the same way by the threaded and the single path.
    for (const path of [files.hyp, files.ref]) await writeFile(path, `\ufeff${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`);
    const threaded = await medeval(['rouge', '--hyp', files.hyp, '--ref', files.ref, '--json', '--workers', String(workers)]);
    const single = await medeval(['rouge', '--hyp', files.hyp, '--ref', files.ref, '--json', '--workers', '1']);
    expect(threaded.code, threaded.stderr).toBe(0);
    expect(threaded.stdout).toBe(single.stdout);
    const json = JSON.parse(threaded.stdout) as Record<string, { f: number }>;
    const means = rougeScore.means['zh|char_ws']!;
    for (const type of ['rouge1', 'rouge2', 'rougeL'] as const) close(json[type]!.f, 100 * means[type]!.fmeasure);
  });

  it('--tokenize jieba equals rouge-score on jieba words', async () => {
    const singleLine = zhCases.filter((c) => !/[\r\n]/.test(c.hyp + c.ref));
    const files = await writePair(dir, 'rouge-jieba', singleLine);
    const result = await medeval(['rouge', '--hyp', files.hyp, '--ref', files.ref, '--tokenize', 'jieba', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, { p: number; r: number; f: number }>;
    const goldenCases = new Map(rougeScore.cases.map((c) => [c.id, c]));
    for (const type of ['rouge1', 'rouge2', 'rougeL'] as const) {
      const values = singleLine.map((c) => goldenCases.get(c.id)!.modes.jieba_ws!.scores[type]!.fmeasure);
      close(json[type]!.f, (100 * values.reduce((a, b) => a + b, 0)) / values.length);
    }
  });

  it('prints ROUGE-1/2/L and the signature as text', async () => {
    const files = await writePair(dir, 'rouge-text', zhCases.slice(0, 20));
    const result = await medeval(['rouge', '--hyp', files.hyp, '--ref', files.ref]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ROUGE-1/);
    expect(result.stdout).toMatch(/ROUGE-2/);
    expect(result.stdout).toMatch(/ROUGE-L/);
    expect(result.stdout).toMatch(/signature/i);
  });

  it('an empty file pair scores without error', async () => {
    const hyp = join(dir, 'empty-h.txt');
    const ref = join(dir, 'empty-r.txt');
    await writeFile(hyp, '');
    await writeFile(ref, '');
    const result = await medeval(['rouge', '--hyp', hyp, '--ref', ref, '--json']);
    expect(result.code).toBe(0);
  });
});
