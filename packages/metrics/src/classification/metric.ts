// Classification metrics as `Metric`s. Accuracy items are 0/1 (Wilson interval, exact McNemar between
// runs); P/R/F1 items are the {gold, pred} label pairs and the aggregate re-runs scikit-learn's
// computation on whatever subset the bootstrap draws. Values on the 0–100 scale.
import type { SyncMetric, MetricInput } from '@medeval/core';
import { numpySum } from '../rouge/numpy-sum.js';
import { type Average, type ZeroDivision } from './single-label.js';
import { labelPairCounter, type LabelPair } from './label-pairs.js';

export type { LabelPair };

interface LabelSource {
  /** The gold label, or null when the sample has none (item null: not scored). */
  gold: (i: MetricInput) => string | null;
  /** The predicted label, or null to drop the sample (the cmexam-gpt rule for unparsed rows). */
  predicted: (i: MetricInput) => string | null;
  signaturePrefix?: string;
}

export interface AccuracyMetricOptions extends LabelSource {
  name?: string;
  /** Interval method: 'wilson' (default for a bare proportion) or 'bootstrap' (what the protocols use). */
  interval?: 'wilson' | 'bootstrap';
}

/**
 * Exact string match, mean × 100.
 *
 * @example
 * const accuracy = accuracyMetric({ gold: (i) => i.sample.target as string, predicted: (i) => i.prediction as string | null });
 */
export function accuracyMetric(o: AccuracyMetricOptions): SyncMetric<number> {
  const name = o.name ?? 'accuracy';
  return {
    name,
    signature: `${o.signaturePrefix ?? ''}${name}|exact-match|scale:100|v1`,
    higherIsBetter: true,
    scale: 'percent',
    interval: o.interval ?? 'wilson',
    pairedTest: 'mcnemar',
    item(input) {
      const g = o.gold(input);
      const p = o.predicted(input);
      if (g === null || p === null) return null;
      return g === p ? 1 : 0;
    },
    aggregate: (items) => (items.length === 0 ? Number.NaN : (numpySum(items) / items.length) * 100),
    sampleScore: (item) => item * 100,
  };
}

export interface PrfMetricOptions extends LabelSource {
  name: string;
  average: Average;
  /** Which number: 'f1' (default), 'precision' or 'recall'. */
  measure?: 'f1' | 'precision' | 'recall';
  zeroDivision?: ZeroDivision;
  /** Fixed label set (sklearn `labels=`); default the sorted union of gold and predicted. */
  labels?: readonly string[];
}

/**
 * scikit-learn `precision_recall_fscore_support(average=...)` on single labels, × 100. The aggregate
 * counts through a per-metric label/pair intern table (`label-pairs.ts`): the bootstrap calls it ~1000
 * times per slice, and it gives the same doubles as `prfsAveraged` on the items' labels.
 *
 * @example
 * const f1Macro = prfMetric({ name: 'f1_macro', average: 'macro', gold: (i) => i.sample.target as string, predicted: (i) => i.prediction as string | null });
 */
export function prfMetric(o: PrfMetricOptions): SyncMetric<LabelPair> {
  const measure = o.measure ?? 'f1';
  const zd = o.zeroDivision ?? 'warn';
  const counter = labelPairCounter(o.average, { zeroDivision: zd, ...(o.labels ? { labels: o.labels } : {}) });
  return {
    name: o.name,
    signature: `${o.signaturePrefix ?? ''}${o.name}|sklearn@1.2.1-${measure}|average:${o.average}|zero_division:${zd}|labels:${o.labels ? o.labels.join('') : 'sorted-union'}|scale:100|v1`,
    higherIsBetter: true,
    scale: 'percent',
    interval: 'bootstrap',
    pairedTest: 'bootstrap',
    item(input) {
      const gold = o.gold(input);
      const pred = o.predicted(input);
      if (gold === null || pred === null) return null;
      return counter.item(gold, pred);
    },
    aggregate(items) {
      // No items: whatever sklearn gives (weighted → 0, macro → NaN). Items read back from JSON work too.
      return counter.averaged(items)[measure] * 100;
    },
    resampler(items) {
      const resample = counter.resampler(items);
      return resample && ((picks) => resample(picks)[measure] * 100);
    },
  };
}
