import { describe, expect, it } from 'vitest';
import type { MetricInput } from '@medeval/core';
import { charTokenize } from '../tokenize/char.js';
import { distinctCorpus, distinctCounts, distinctMean, distinctN } from './distinct.js';
import { distinctMetric } from './metric.js';

const input = (out: string | null): MetricInput => ({ sample: { id: '1', input: null, target: null }, output: out, prediction: out, status: 'ok' });

describe('Distinct-n', () => {
  it('counts distinct and total n-grams per text (code points, whitespace dropped)', () => {
    // 多喝水多喝水 → unigrams 多喝水多喝水 (6, distinct 3); bigrams 多喝 喝水 水多 多喝 喝水 (5, distinct 3)
    const t = charTokenize('多喝水 多喝水');
    expect(distinctCounts(t, 1)).toEqual({ distinct: 3, total: 6 });
    expect(distinctCounts(t, 2)).toEqual({ distinct: 3, total: 5 });
    expect(distinctN(t, 2)).toBe(0.6);
  });

  it('astral characters are one token; texts shorter than n have no ratio', () => {
    expect(distinctCounts(charTokenize('𠮷𠮷'), 1)).toEqual({ distinct: 1, total: 2 });
    expect(distinctN(charTokenize('好'), 2)).toBeNull();
    expect(distinctN([], 1)).toBeNull();
  });

  it('averages over texts that have an n-gram; corpus level pools n-grams', () => {
    const texts = ['多喝水多喝水', '好', '休息'].map(charTokenize);
    // bigram ratios: 3/5, (none), 1/1 → mean 0.8
    expect(distinctMean(texts, 2)).toBe((0.6 + 1) / 2);
    // corpus bigrams: 多喝 喝水 水多 多喝 喝水 休息 → 4 distinct of 6
    expect(distinctCorpus(texts, 2)).toBe(4 / 6);
    expect(Number.isNaN(distinctMean([[]], 1))).toBe(true);
  });

  it('n-grams do not collide across token boundaries', () => {
    expect(distinctCounts(['ab', 'c', 'a', 'bc'], 2)).toEqual({ distinct: 3, total: 3 });
  });

  it('as a Metric: fraction scale, null for missing or too-short texts', () => {
    const m = distinctMetric({ name: 'distinct2', n: 2, hypothesis: (i) => i.output });
    expect(m.scale).toBe('fraction');
    const items = ['多喝水多喝水', '休息'].map((t) => m.item(input(t))!);
    expect(m.aggregate(items)).toBe(0.8);
    expect(m.item(input('好'))).toBeNull();
    expect(m.item(input(null))).toBeNull();
    expect(m.signature).toBe('distinct2|distinct-2|tok:char|level:text|mean-over-texts-with-ngrams|scale:fraction|v1');
    const c = distinctMetric({ name: 'distinct2', n: 2, level: 'corpus', hypothesis: (i) => i.output });
    expect(c.aggregate(['多喝水多喝水', '好', '休息'].map((t) => c.item(input(t))!))).toBe(4 / 6);
    expect(() => distinctMetric({ name: 'd', n: 0, hypothesis: () => '' })).toThrow(/positive integer/);
  });
});
