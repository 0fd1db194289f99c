import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricInput, Sample } from '@medeval/core';
import { bleuFromStats, bleuMetric, bleuStats, corpusBleu, nltkCorpusBleu, nmtBleu, sumBleuStats, type BleuItem } from './index.js';
import { gleuMetric, corpusGleu } from '../gleu/index.js';
import { charTokenize, tokenizers } from '../tokenize/index.js';

const golden = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${name}`, import.meta.url), 'utf8'));

type Pair = { id: string; hyp: string; ref: string };
const input = (p: Pair): MetricInput => ({
  sample: { id: p.id, input: null, target: p.ref } as Sample,
  output: p.hyp,
  prediction: p.hyp,
  status: 'ok',
});
const hypothesis = (i: MetricInput) => (i.prediction as string | null) ?? null;
const references = (i: MetricInput) => [i.sample.target as string];

const sb = golden('sacrebleu.json') as { sentence: Array<Pair & { lang: string }>; corpus: Array<{ subset: string; case_ids: string[]; results: Record<string, { score: number }> }> };
const zh = sb.sentence.filter((c) => c.lang === 'zh');

describe('bleuMetric', () => {
  it('jieba before prepare() gives a clear error', async () => {
    const { loadedJieba } = await import('../tokenize/index.js');
    expect(loadedJieba()).toBeNull(); // nothing loaded jieba yet in this test file: it is lazy
    const m = bleuMetric({ name: 'b', variant: 'nmt', maxOrder: 4, tokenize: 'jieba', hypothesis, references });
    expect(() => m.item(input({ id: '1', hyp: 'a', ref: 'a' }))).toThrow(/loadJieba/);
    await m.prepare!();
    expect(m.item(input({ id: '1', hyp: 'a', ref: 'a' }))).toEqual({ matches: [1, 0, 0, 0], totals: [1, 0, 0, 0], hypLen: 1, refLen: 1 });
  });
  it('sacrebleu variant: aggregate of items = corpusBleu = golden corpus_bleu|zh|exp', () => {
    const m = bleuMetric({ name: 'bleu4', variant: 'sacrebleu', maxOrder: 4, tokenize: 'zh', hypothesis, references });
    const items = zh.map((p) => m.item(input(p))!);
    const want = sb.corpus.find((c) => c.subset === 'zh_all')!.results['corpus_bleu|zh|exp']!.score;
    expect(Math.abs(m.aggregate(items) - want)).toBeLessThan(1e-9);
    expect(m.aggregate(items)).toBe(corpusBleu(zh.map((c) => c.hyp), [zh.map((c) => c.ref)], { tokenize: 'zh' }).score);
    expect(m.signature).toBe('bleu4|sacrebleu|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0|impl:medeval|scale:100');
    // items are plain JSON integers and survive a records.jsonl round trip
    const round = JSON.parse(JSON.stringify(items)) as BleuItem[];
    expect(m.aggregate(round)).toBe(m.aggregate(items));
    expect(items.every((s) => [...s.matches, ...s.totals, s.hypLen, s.refLen].every(Number.isInteger))).toBe(true);
  });

  it('nmt variant with jieba (prepare) = CMExam corpus jieba_bleu', async () => {
    const cm = golden('cmexam_protocol.json');
    const per = new Map<string, { hyp: string; ref: string }>(cm.explanation_metrics.per_case.map((c: Pair) => [c.id, c]));
    const sub = cm.explanation_metrics.corpus.find((c: { subset: string }) => c.subset === 'zh_no_empty');
    for (const [order, key] of [[1, 'bleu1'], [4, 'bleu4']] as const) {
      const m = bleuMetric({ name: key, variant: 'nmt', maxOrder: order, tokenize: 'jieba', hypothesis, references });
      await m.prepare!();
      const items = sub.case_ids.map((id: string) => m.item(input({ id, ...per.get(id)! }))!);
      expect(Math.abs(m.aggregate(items) - sub.jieba_bleu[key].score)).toBeLessThan(1e-9);
      const c = bleuMetric({ name: key, variant: 'nmt', maxOrder: order, tokenize: 'char', hypothesis, references });
      const citems = sub.case_ids.map((id: string) => c.item(input({ id, ...per.get(id)! }))!);
      expect(Math.abs(c.aggregate(citems) - sub.char_bleu[key].score)).toBeLessThan(1e-9);
    }
  });

  it('nltk variant = nltk corpus_bleu golden (char, bleu4, none) ×100', () => {
    const nl = golden('nltk_bleu.json');
    const sub = nl.corpus.find((c: { subset: string }) => c.subset === 'zh_all');
    const m = bleuMetric({ name: 'bleu4', variant: 'nltk', maxOrder: 4, tokenize: 'char', hypothesis, references });
    const byId = new Map<string, Pair>(nl.sentence.map((c: Pair) => [c.id, c]));
    const items = sub.case_ids.map((id: string) => m.item(input(byId.get(id)!))!);
    const want = sub.results['char|bleu4|none'].value * 100;
    expect(Math.abs(m.aggregate(items) - want)).toBeLessThan(1e-9);
  });

  it('null hypothesis or references → null item; empty aggregate → 0', () => {
    const m = bleuMetric({ name: 'bleu4', variant: 'sacrebleu', maxOrder: 4, tokenize: 'zh', hypothesis: () => null, references });
    expect(m.item(input({ id: '1', hyp: 'a', ref: 'a' }))).toBeNull();
    expect(m.aggregate([])).toBe(0);
  });

});

describe('gleuMetric', () => {
  it('aggregate of items = corpusGleu on char tokens, ×100', () => {
    const m = gleuMetric({ name: 'gleu', tokenize: 'char', hypothesis, references });
    const items = zh.map((p) => m.item(input(p))!);
    const want = corpusGleu(zh.map((p) => [charTokenize(p.ref)]), zh.map((p) => charTokenize(p.hyp))) * 100;
    expect(m.aggregate(items)).toBe(want);
    expect(m.signature).toBe('gleu|nltk-corpus_gleu|min_len:1|max_len:4|tok:char|nltk:3.8|scale:100|v1');
  });
});

describe('bleuStats + sumBleuStats + bleuFromStats', () => {
  it('equal corpusBleu, nmtBleu and nltkCorpusBleu', () => {
    const sum = (variant: 'sacrebleu' | 'nmt' | 'nltk', tok: (s: string) => string[]) =>
      sumBleuStats(zh.map((p) => bleuStats(tok(p.hyp), [tok(p.ref)], { maxOrder: 4, variant })), 4);
    expect(bleuFromStats(sum('sacrebleu', tokenizers.zh), { variant: 'sacrebleu' })).toBe(
      corpusBleu(zh.map((p) => p.hyp), [zh.map((p) => p.ref)], { tokenize: 'zh' }).score,
    );
    const H = zh.map((p) => charTokenize(p.hyp));
    const R = zh.map((p) => charTokenize(p.ref));
    expect(bleuFromStats(sum('nmt', charTokenize), { variant: 'nmt' })).toBe(nmtBleu(R, H, 4).score);
    expect(bleuFromStats(sum('nltk', charTokenize), { variant: 'nltk', scale100: false })).toBe(nltkCorpusBleu(R.map((r) => [r]), H));
  });
});
