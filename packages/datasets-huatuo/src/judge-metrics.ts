// The medical judge for Huatuo QA answers: the clinical rubric of @medeval/metrics with the question and
// the reference answer(s) of a Huatuo sample, judging the answer text the task scores (think blocks removed).
import { clinicalJudgeMetrics } from '@medeval/metrics';
import type { Metric, MetricInput, Model } from '@medeval/core';
import type { HuatuoSample } from './schema.js';

/**
 * `judge_fluency`, `judge_relevance`, `judge_completeness`, `judge_proficiency`, `judge_mean` for Huatuo.
 * Several references (the list formats) are shown to the judge numbered.
 *
 * @example
 * await evaluate({ task: huatuo.qa(), model, metrics: huatuoJudgeMetrics(judgeModel) });
 */
export function huatuoJudgeMetrics(model: Model): Metric<number, MetricInput<HuatuoSample, string>>[] {
  return clinicalJudgeMetrics<MetricInput<HuatuoSample, string>>({
    model,
    question: ({ sample }) => sample.input.question,
    reference: ({ sample }) => {
      const answers = sample.target.answers.filter((a) => a.trim() !== '');
      if (answers.length <= 1) return answers[0] ?? null;
      return answers.map((a, i) => `(${i + 1}) ${a}`).join('\n');
    },
    answer: ({ prediction }) => (typeof prediction === 'string' ? prediction : null),
  });
}
