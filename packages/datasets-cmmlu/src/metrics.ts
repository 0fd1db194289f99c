// CMMLU's numbers: accuracy over questions (micro) and the mean of the per-subject accuracies (macro, what
// CMMLU's get_results prints as "Overall": np.mean of the subjects' accuracies). Both on 0–100.
import type { Metric, MetricInput, SyncMetric } from '@medeval/core';
import type { CmmluSample } from './schema.js';

const correct = (input: MetricInput) => {
  const sample = input.sample as CmmluSample;
  return input.status === 'ok' && input.prediction === sample.target.answer ? 1 : 0;
};

/**
 * accuracy: the share of questions answered right (an unreadable answer counts as wrong), 0–100.
 *
 * @example
 * const accuracy = microAccuracy(task.protocol.signature);
 */
export function microAccuracy(signature: string): SyncMetric<number> {
  return {
    name: 'accuracy',
    signature: `accuracy|micro|${signature}|scale:100|v1`,
    higherIsBetter: true,
    scale: 'percent',
    interval: 'bootstrap',
    pairedTest: 'mcnemar',
    item: (input) => correct(input),
    aggregate: (items) => (items.length ? (100 * items.reduce((a, b) => a + b, 0)) / items.length : Number.NaN),
    sampleScore: (item) => 100 * item,
  };
}

/**
 * accuracy_macro: the mean over subjects of each subject's accuracy, 0–100.
 *
 * @example
 * const macro = macroAccuracy(task.protocol.signature);
 */
export function macroAccuracy(signature: string): SyncMetric<{ subject: string; correct: 0 | 1 }> {
  return {
    name: 'accuracy_macro',
    signature: `accuracy|macro-over-subjects|${signature}|scale:100|v1`,
    higherIsBetter: true,
    scale: 'percent',
    interval: 'bootstrap',
    pairedTest: 'bootstrap',
    item: (input) => ({ subject: (input.sample as CmmluSample).input.subject, correct: correct(input) as 0 | 1 }),
    aggregate(items) {
      const bySubject = new Map<string, [number, number]>();
      for (const { subject, correct: c } of items) {
        const tally = bySubject.get(subject) ?? [0, 0];
        tally[0] += c;
        tally[1]++;
        bySubject.set(subject, tally);
      }
      if (bySubject.size === 0) return Number.NaN;
      let sum = 0;
      for (const [right, n] of bySubject.values()) sum += (100 * right) / n;
      return sum / bySubject.size;
    },
    sampleScore: (item) => 100 * item.correct,
  };
}

export type CmmluMetric = Metric<unknown>;
