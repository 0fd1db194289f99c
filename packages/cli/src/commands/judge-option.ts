// `--judge SPEC` for `run` and `score`: one judge model (keys from the environment, as for --model), used two
// ways. On the answer tasks under `standard` it reads the outputs the rules leave unparsed (the extraction
// fallback); on the free-text tasks (Huatuo QA, CMExam explanations) it scores answers with the medical
// rubric (judge_fluency … judge_mean). The joint task gets both. Anything else is a usage error.
import { modelFromSpec, type Metric, type Model, type Task } from '@medeval/core';
import { cmexam } from '@medeval/datasets-cmexam';
import { huatuo } from '@medeval/datasets-huatuo';
import { cmbClinJudgeMetrics } from '@medeval/datasets-cmb';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

const SPEC_FORM = /^(openai|ollama|openai-compatible):\S/;

export interface JudgeSetup {
  model: Model;
  /** The extraction fallback (evaluate()/score() `judge`), when the task has one. */
  fallback: Model | undefined;
  /** The rubric metrics, for free-text tasks. */
  metrics: Metric[];
}

/** The rubric metrics of a task (by its CLI name); empty for tasks without free text. */
function rubricMetrics(taskName: string, model: Model): Metric[] {
  if (taskName === 'huatuo') return huatuo.judgeMetrics(model) as Metric[];
  if (taskName === 'cmexam-explanation' || taskName === 'cmexam-joint') return cmexam.judgeMetrics(model) as Metric[];
  if (taskName === 'cmb-clin') return cmbClinJudgeMetrics(model) as Metric[];
  return [];
}


/** The judge, or undefined without --judge. Checked before any data is read or request made. */
export function judgeFor(spec: string | undefined, task: Task, taskName: string, io: CliIO, command: string): JudgeSetup | undefined {
  if (spec === undefined) return undefined;
  if (!SPEC_FORM.test(spec)) {
    throw new UsageError(`--judge: model spec "${spec}" is not one of openai:<model>, ollama:<model>, openai-compatible:<baseURL>#<model>`, command);
  }
  let model: Model;
  try {
    model = modelFromSpec(spec, { env: io.env });
  } catch (error) {
    throw new UsageError(`--judge: ${(error as Error).message}`, command);
  }
  const metrics = rubricMetrics(taskName, model);
  if (!task.judge && metrics.length === 0) {
    throw new UsageError(
      `--judge: task ${task.name} under protocol ${task.protocol.name} takes no judge; the judge reads unparsed answers on the ` +
        "cmexam and cmexam-joint tasks under --protocol standard (the papers' protocols read answers with their own rules only) " +
        'and scores free-text answers on huatuo, cmexam-explanation, cmexam-joint and cmb-clin',
      command,
    );
  }
  return { model, fallback: task.judge ? model : undefined, metrics };
}
