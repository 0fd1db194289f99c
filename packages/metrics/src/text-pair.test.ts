import type { MetricInput } from '@medeval/core';
import { describe, expect, it } from 'vitest';
import { bleuMetric } from './bleu/index.js';
import { gleuMetric } from './gleu/index.js';
import { rougeMetric } from './rouge/index.js';

const input = (id: string): MetricInput => ({ sample: { id, input: null, target: null }, output: null, prediction: null, status: 'ok' });

describe('reference-based text metrics share one rule for missing references', () => {
  const make = (references: (i: MetricInput) => string[] | null) => [
    bleuMetric({ name: 'bleu4', variant: 'sacrebleu', maxOrder: 4, tokenize: 'zh', hypothesis: () => '发热', references }),
    gleuMetric({ name: 'gleu', tokenize: 'char', hypothesis: () => '发热', references }),
    rougeMetric({ name: 'rouge1', variant: 'rouge-score', tokenize: 'char', hypothesis: () => '发热', references }),
  ];
  it('a null reference list: not scorable (item null)', () => {
    for (const m of make(() => null)) expect(m.item(input('7'))).toBeNull();
  });
  it('an empty reference list: an error naming the metric and the sample', () => {
    for (const m of make(() => [])) expect(() => m.item(input('7'))).toThrow(new RegExp(`^${m.name}: sample 7 has an empty reference list`));
  });
});
