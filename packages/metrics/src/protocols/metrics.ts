// Metric lists for a protocol. Answer metrics (accuracy, f1_weighted, f1_macro) and text metrics
// (BLEU, GLEU, ROUGE, Distinct) with each metric's signature prefixed by the protocol's.
import type { Metric, MetricInput } from '@medeval/core';
import { bleuMetric } from '../bleu/index.js';
import { gleuMetric } from '../gleu/index.js';
import { rougeMetric } from '../rouge/metric.js';
import { distinctMetric } from '../distinct/metric.js';
import { accuracyMetric, prfMetric } from '../classification/metric.js';
import { getProtocol, protocolPrefix, type ProtocolName } from './registry.js';

export interface AnswerMetricsOptions {
  protocol: ProtocolName;
  gold: (i: MetricInput) => string | null;
  /** null drops the sample from every denominator (the cmexam-gpt rule); the dataset decides per protocol. */
  predicted: (i: MetricInput) => string | null;
}

/**
 * accuracy, f1_weighted, f1_macro (0–100) over atomic answer strings ('A', 'ABD', '无答案'), as sklearn 1.2.1.
 *
 * @example
 * const metrics = answerMetrics({ protocol: 'standard', gold: (i) => i.sample.target as string, predicted: (i) => (i.status === 'ok' ? (i.prediction as string) : '无答案') });
 * // accuracy, f1_weighted, f1_macro, as CMExam's scripts compute them
 */
export function answerMetrics(o: AnswerMetricsOptions): Metric[] {
  const p = getProtocol(o.protocol);
  const prefix = protocolPrefix(p);
  const src = { gold: o.gold, predicted: o.predicted, signaturePrefix: prefix };
  return [
    // Every protocol reports percentile-bootstrap 95% intervals (CONTRACT.md), accuracy included.
    accuracyMetric({ ...src, name: 'accuracy', interval: 'bootstrap' }),
    prfMetric({ ...src, name: 'f1_weighted', average: 'weighted', zeroDivision: 'warn' }),
    prfMetric({ ...src, name: 'f1_macro', average: 'macro', zeroDivision: 'warn' }),
  ] as Metric[];
}

export interface TextMetricsOptions {
  protocol: ProtocolName;
  /** A subset of the protocol's text metric names (default all, in the protocol's order). */
  names?: readonly string[];
  hypothesis: (i: MetricInput) => string | null;
  references: (i: MetricInput) => string[] | null;
}

type Io = Pick<TextMetricsOptions, 'hypothesis' | 'references'>;
type Builder = (io: Io, prefix: string) => Metric;

const withPrefix = (m: Metric, prefix: string): Metric => ({ ...m, signature: prefix + m.signature });

const nmtBleu = (n: number, tokenize: 'char' | 'jieba'): Builder => (io, prefix) =>
  withPrefix(bleuMetric({ name: `bleu${n}`, variant: 'nmt', maxOrder: n, tokenize, ...io }) as Metric, prefix);
const nltkBleu = (n: number): Builder => (io, prefix) =>
  withPrefix(bleuMetric({ name: `bleu${n}`, variant: 'nltk', maxOrder: n, tokenize: 'char', ...io }) as Metric, prefix);
const sacreBleu = (n: number): Builder => (io, prefix) =>
  withPrefix(bleuMetric({ name: `bleu${n}`, variant: 'sacrebleu', maxOrder: n, tokenize: 'zh', ...io }) as Metric, prefix);
const nmtRouge = (name: 'rouge1' | 'rouge2' | 'rougeL', swap: boolean): Builder => (io, prefix) =>
  rougeMetric({ name, variant: 'nmt', tokenize: 'codepoints', swap, signaturePrefix: prefix, ...io }) as Metric;
const scoreRouge = (name: 'rouge1' | 'rouge2' | 'rougeL'): Builder => (io, prefix) =>
  rougeMetric({ name, variant: 'rouge-score', tokenize: 'char', signaturePrefix: prefix, ...io }) as Metric;
const distinct = (n: number): Builder => (io, prefix) =>
  distinctMetric({ name: `distinct${n}`, n, tokenize: 'char', hypothesis: io.hypothesis, signaturePrefix: prefix }) as Metric;
const gleu: Builder = (io, prefix) => withPrefix(gleuMetric({ name: 'gleu', minOrder: 1, maxOrder: 4, tokenize: 'char', ...io }) as Metric, prefix);

const RECIPES: Record<ProtocolName, Record<string, Builder>> = {
  'cmexam-paper': {
    bleu1: nmtBleu(1, 'char'),
    bleu4: nmtBleu(4, 'char'),
    rouge1: nmtRouge('rouge1', false),
    rouge2: nmtRouge('rouge2', false),
    rougeL: nmtRouge('rougeL', false),
  },
  'cmexam-gpt': {
    bleu1: nmtBleu(1, 'jieba'),
    bleu4: nmtBleu(4, 'jieba'),
    rouge1: nmtRouge('rouge1', true),
    rouge2: nmtRouge('rouge2', true),
    rougeL: nmtRouge('rougeL', true),
  },
  huatuo: {
    bleu1: nltkBleu(1),
    bleu2: nltkBleu(2),
    bleu3: nltkBleu(3),
    bleu4: nltkBleu(4),
    gleu,
    rouge1: scoreRouge('rouge1'),
    rouge2: scoreRouge('rouge2'),
    rougeL: scoreRouge('rougeL'),
    distinct1: distinct(1),
    distinct2: distinct(2),
  },
  standard: {
    bleu1: sacreBleu(1),
    bleu2: sacreBleu(2),
    bleu3: sacreBleu(3),
    bleu4: sacreBleu(4),
    rouge1: scoreRouge('rouge1'),
    rouge2: scoreRouge('rouge2'),
    rougeL: scoreRouge('rougeL'),
    distinct1: distinct(1),
    distinct2: distinct(2),
  },
};

/**
 * The protocol's text metrics (or the named subset), each with a `medeval:<protocol>@<v>|…` signature.
 *
 * @example
 * const metrics = textMetrics({ protocol: 'huatuo', hypothesis: (i) => i.prediction as string | null, references: (i) => [i.sample.target as string] });
 * // BLEU-1…4, GLEU, ROUGE-1/2/L, Distinct-1/2 exactly as the Huatuo-26M paper computes them
 */
export function textMetrics(o: TextMetricsOptions): Metric[] {
  const p = getProtocol(o.protocol);
  const recipe = RECIPES[p.name];
  const names = o.names ?? p.textMetricNames;
  const unknown = names.filter((n) => !(n in recipe));
  if (unknown.length > 0) {
    throw new Error(`protocol ${p.name} has no text metric ${unknown.map((n) => `"${n}"`).join(', ')}; valid: ${p.textMetricNames.join(', ')}`);
  }
  const io = { hypothesis: o.hypothesis, references: o.references };
  const prefix = protocolPrefix(p);
  return names.map((n) => recipe[n]!(io, prefix));
}
