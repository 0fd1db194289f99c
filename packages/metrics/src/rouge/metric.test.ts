import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricInput } from '@medeval/core';
import { corpusRouge } from './corpus.js';
import { rougeMetric } from './metric.js';
import { charTokenize } from '../tokenize/char.js';

const load = (f: string) => JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${f}`, import.meta.url), 'utf8'));
const rs = load('rouge_score.json');
const cm = load('cmexam_protocol.json');
const pl = load('pltrdy_rouge.json');

const zh = rs.cases.filter((c: { lang: string }) => c.lang === 'zh') as Array<{ hyp: string; ref: string }>;
const input = (hyp: string | null, ref: string): MetricInput => ({ sample: { id: 'x', input: null, target: ref }, output: hyp, prediction: hyp, status: 'ok' });

describe('corpusRouge (medeval rouge)', () => {
  it('rouge-score on characters = golden zh|char_ws means × 100', () => {
    const got = corpusRouge(zh.map((c) => c.hyp), zh.map((c) => c.ref), { tokenize: 'char' });
    const exp = rs.means['zh|char_ws'];
    const keys = { rouge1: 'rouge1', rouge2: 'rouge2', rougeL: 'rougeL' } as const;
    for (const [k, t] of Object.entries(keys)) {
      expect(got[k as 'rouge1'].f).toBeCloseTo(exp[t].fmeasure * 100, 9);
      expect(got[k as 'rouge1'].p).toBeCloseTo(exp[t].precision * 100, 9);
      expect(got[k as 'rouge1'].r).toBeCloseTo(exp[t].recall * 100, 9);
    }
    expect(got.signature).toBe('rouge|rouge-score@0.1.2|tok:char|agg:np.mean|scale:100|v1');
  });

  it('nmt variant on code points = CMExam rouge_lora (zh_all), bit-exact', () => {
    const cases = cm.explanation_metrics.per_case as Array<{ hyp: string; ref: string }>;
    const got = corpusRouge(cases.map((c) => c.hyp), cases.map((c) => c.ref), { variant: 'nmt' });
    const exp = cm.explanation_metrics.corpus.find((s: { subset: string }) => s.subset === 'zh_all').rouge_lora;
    expect(got.rouge1.f).toBe(exp['rouge_1/f_score']);
    expect(got.rouge2.p).toBe(exp['rouge_2/p_score']);
    expect(got.rougeL.f).toBe(exp['rouge_l/f_score']);
  });

  it('pltrdy variant = get_scores(avg=True) × 100 on the paraphrase subset', () => {
    const sub = pl.corpus.find((s: { subset: string }) => s.subset === 'zh_paraphrase');
    const byId = new Map(pl.cases.map((c: { id: string }) => [c.id, c]));
    const cases = sub.case_ids.map((id: string) => byId.get(id)) as Array<{ hyp: string; ref: string }>;
    const got = corpusRouge(cases.map((c) => c.hyp), cases.map((c) => c.ref), { variant: 'pltrdy' });
    const exp = sub.results['charjoin|avg'];
    expect(got.rouge1.f).toBeCloseTo(exp['rouge-1'].f * 100, 9);
    expect(got.rougeL.r).toBeCloseTo(exp['rouge-l'].r * 100, 9);
  });

  it('the string-free char fast path equals the generic token path on every golden text pair', () => {
    const all = rs.cases as Array<{ hyp: string; ref: string }>;
    const fast = corpusRouge(all.map((c) => c.hyp), all.map((c) => c.ref), { tokenize: 'char' });
    const generic = corpusRouge(all.map((c) => c.hyp), all.map((c) => c.ref), { tokenize: (s) => charTokenize(s), tokenizerName: 'char' });
    expect(fast).toEqual(generic);
    // astral characters, U+3000 and U+FEFF (not Python whitespace) on both paths
    const h = ['𠮷a\u3000b\ufeff😀', ''];
    const r = ['a𠮷 b😀\ufeff', 'x'];
    expect(corpusRouge(h, r)).toEqual(corpusRouge(h, r, { tokenize: (s) => charTokenize(s), tokenizerName: 'char' }));
    expect(corpusRouge(['𠮷'], ['𠮷']).rouge1.f).toBe(100);
  });

  it('mismatched line counts are an error naming both counts', () => {
    expect(() => corpusRouge(['a'], ['a', 'b'])).toThrow(/1 hypothesis lines but 2 reference lines/);
  });
});

describe('rougeMetric', () => {
  it('items are per-pair P/R/F; aggregate is the mean F × 100; null hypothesis is dropped', () => {
    const m = rougeMetric({ name: 'rougeL', hypothesis: (i) => i.prediction as string | null, references: (i) => [i.sample.target as string] });
    const items = zh.slice(0, 40).map((c) => m.item(input(c.hyp, c.ref))!);
    const got = m.aggregate(items);
    const exp = corpusRouge(zh.slice(0, 40).map((c) => c.hyp), zh.slice(0, 40).map((c) => c.ref), { tokenize: 'char' }).rougeL.f;
    expect(got).toBe(exp);
    expect(m.item(input(null, 'x'))).toBeNull();
    expect(m.signature).toBe('rougeL|rouge-score@0.1.2|type:rougeL|tok:char|measure:f|agg:np.mean|scale:100|v1');
    expect(m.sampleScore!(items[0]!)).toBe(items[0]!.f * 100);
  });

  it('nmt variant with swap reproduces rouge_gpt_swapped per pair', () => {
    const m = rougeMetric({ name: 'rougeL', variant: 'nmt', swap: true, hypothesis: (i) => i.prediction as string, references: (i) => [i.sample.target as string] });
    const cases = cm.explanation_metrics.per_case as Array<{ hyp: string; ref: string }>;
    const got = m.aggregate(cases.map((c) => m.item(input(c.hyp, c.ref))!));
    const exp = cm.explanation_metrics.corpus.find((s: { subset: string }) => s.subset === 'zh_all').rouge_gpt_swapped['rouge_l/f_score'];
    expect(got).toBe(exp);
  });

  it('rejects unknown names and unsupported types per variant', () => {
    expect(() => rougeMetric({ name: 'rougeX', hypothesis: () => '', references: () => [''] })).toThrow(/unknown ROUGE metric/);
    const m = rougeMetric({ name: 'rougeLsum', variant: 'nmt', hypothesis: () => 'a', references: () => ['a'] });
    expect(() => m.item(input('a', 'a'))).toThrow(/rouge1, rouge2 and rougeL only/);
  });
});
