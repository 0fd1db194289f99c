// The medical judge for CMExam explanations (`cmexam-explanation`, `cmexam-joint`): the clinical rubric of
// @medeval/metrics with the question and its options, the official explanation as the reference, and the
// explanation the task read from the output.
import { clinicalJudgeMetrics } from '@medeval/metrics';
import type { Metric, MetricInput, Model } from '@medeval/core';
import type { CmexamSample } from './schema.js';

/** Where a task keeps the explanation it read: the prediction itself, or `prediction.explanation` (joint). */
function explanationOf(prediction: unknown): string | null {
  if (typeof prediction === 'string') return prediction;
  if (prediction && typeof prediction === 'object' && typeof (prediction as { explanation?: unknown }).explanation === 'string') {
    return (prediction as { explanation: string }).explanation;
  }
  return null;
}

/**
 * `judge_fluency` … `judge_mean` for CMExam explanations; rows without an official explanation are not
 * scored (as the explanation metrics drop them).
 *
 * @example
 * await evaluate({ task: cmexam.explanation(), model, metrics: cmexamJudgeMetrics(judgeModel) });
 */
export function cmexamJudgeMetrics(model: Model): Metric<number, MetricInput<CmexamSample>>[] {
  return clinicalJudgeMetrics<MetricInput<CmexamSample>>({
    model,
    question: ({ sample }) => `${sample.input.question}\n${sample.input.optionsText}`,
    reference: ({ sample }) => (sample.target.explanation.trim() === '' ? null : sample.target.explanation),
    answer: ({ prediction }) => explanationOf(prediction),
  });
}
