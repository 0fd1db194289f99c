// Task names on the command line → the dataset packages' task factories, and `baseline:*` model specs →
// each dataset package's offline baselines. The CLI holds no dataset logic: everything comes from
// @medeval/datasets-cmexam and @medeval/datasets-huatuo.
import type { Metric, Model, Task } from '@medeval/core';
import { UsageError } from './errors.js';

export const TASK_NAMES = ['cmexam', 'cmexam-explanation', 'cmexam-joint', 'huatuo'] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export interface TaskOptions {
  /** A data file; undefined = the package's bundled sample. */
  data?: string;
  protocol?: string;
  prompt?: string;
  seed?: number;
}

export function isTaskName(name: string): name is TaskName {
  return (TASK_NAMES as readonly string[]).includes(name);
}

export function checkTaskName(name: string, command: string): TaskName {
  if (!isTaskName(name)) throw new UsageError(`unknown task "${name}"; tasks: ${TASK_NAMES.join(', ')}`, command);
  return name;
}

/** Builds the task; the dataset package validates the protocol and prompt ids and says what is allowed. */
export async function buildTask(name: TaskName, options: TaskOptions): Promise<Task> {
  const settings = {
    ...(options.data !== undefined ? { data: options.data } : {}),
    ...(options.protocol !== undefined ? { protocol: options.protocol } : {}),
    ...(options.prompt !== undefined ? { prompt: options.prompt } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  if (name === 'huatuo') {
    const { huatuo } = await import('@medeval/datasets-huatuo');
    return huatuo.qa(settings) as unknown as Task;
  }
  const { cmexam } = await import('@medeval/datasets-cmexam');
  if (name === 'cmexam') return cmexam.answer(settings) as unknown as Task;
  if (name === 'cmexam-explanation') return cmexam.explanation(settings) as unknown as Task;
  return cmexam.joint(settings) as unknown as Task;
}

/** The `baseline:<name>` resolver for a task: the dataset package's own offline models. */
export async function baselineResolver(
  name: TaskName,
  options: { seed?: number; task: Task },
): Promise<(baseline: string) => Model | undefined> {
  const pkg = name === 'huatuo' ? await import('@medeval/datasets-huatuo') : await import('@medeval/datasets-cmexam');
  return (baseline: string) => pkg.resolveBaseline(baseline, { seed: options.seed, task: options.task } as never) as Model | undefined;
}

/** The metrics a run used, rebuilt from its task and protocol names (for compare/report). */
export async function metricsFor(taskName: string, protocol: string): Promise<Metric[]> {
  if (!isTaskName(taskName)) throw new UsageError(`unknown task "${taskName}" in the run folder; tasks: ${TASK_NAMES.join(', ')}`);
  const task = await buildTask(taskName, { protocol });
  return task.metrics;
}
