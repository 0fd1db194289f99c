// Task names on the command line → the dataset packages' task factories, and `baseline:*` model specs →
// each dataset package's offline baselines. The CLI holds no dataset logic: everything comes from
// @medeval/datasets-cmexam and @medeval/datasets-huatuo (imported only when a task needs them).
import type { Metric, Model, Task } from '@medeval/core';
import { InputError, UsageError } from './errors.js';

export const TASK_NAMES = ['cmexam', 'cmexam-explanation', 'cmexam-joint', 'huatuo', 'cmmlu-medical', 'mcq', 'cmb', 'cmb-clin'] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export interface TaskOptions {
  /** A data file; undefined = the package's bundled sample. */
  data?: string | undefined;
  protocol?: string | undefined;
  prompt?: string | undefined;
  seed?: number | undefined;
  /** CMExam few-shot: k examples picked (seeded) from this file, e.g. the train split. */
  fewShot?: { data: string; k: number } | undefined;
  /** Skip (and report) rows that cannot be parsed instead of stopping; CMExam files. */
  skipBadRows?: boolean | undefined;
  /** mcq: our field name → the file's (`--columns question=题目,answer=答案`). */
  columns?: Partial<Record<'question' | 'options' | 'answer' | 'id', string>> | undefined;
  /** mcq: fields that become slices (`--slice-by subject,year`). */
  sliceBy?: string[] | undefined;
  /** cmb: the answers file of the test split (`--answers`). */
  answers?: string | undefined;
}

export function isTaskName(name: string): name is TaskName {
  return (TASK_NAMES as readonly string[]).includes(name);
}

export function checkTaskName(name: string, command: string): TaskName {
  if (!isTaskName(name)) throw new UsageError(`unknown task "${name}"; tasks: ${TASK_NAMES.join(', ')}`, command);
  return name;
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A protocol the task does not define is a usage error (exit 2), named with the valid choices. */
function checkProtocol(task: TaskName, protocol: string | undefined, allowed: readonly string[]): void {
  if (protocol !== undefined && !allowed.includes(protocol)) {
    throw new UsageError(`--protocol ${protocol} does not apply to task ${task}; choose one of: ${allowed.join(', ')}`, 'run');
  }
}

/** Builds the task; the dataset package validates the prompt ids and says what is allowed. */
export async function buildTask(name: TaskName, options: TaskOptions): Promise<Task> {
  if (name === 'cmb-clin') {
    checkProtocol(name, options.protocol, ['standard']);
    if (options.prompt !== undefined || options.fewShot) throw new UsageError("--prompt and --few-shot are not for --task cmb-clin (CMB's case prompt)", 'run');
    const { cmbClin } = await import('@medeval/datasets-cmb');
    return cmbClin(defined({ data: options.data })) as unknown as Task;
  }
  if (name === 'cmb') {
    checkProtocol(name, options.protocol, ['standard']);
    if (options.prompt !== undefined || options.fewShot) throw new UsageError("--prompt and --few-shot are not for --task cmb (CMB's answer-only prompt)", 'run');
    const { cmb } = await import('@medeval/datasets-cmb');
    return cmb(defined({ data: options.data, answers: options.answers })) as unknown as Task;
  }
  if (name === 'mcq') {
    checkProtocol(name, options.protocol, ['standard']);
    if (options.prompt !== undefined || options.fewShot) throw new UsageError('--prompt and --few-shot are not for --task mcq (one zero-shot prompt)', 'run');
    const { mcq } = await import('@medeval/datasets-mcq');
    return mcq(defined({ data: options.data, columns: options.columns, sliceBy: options.sliceBy })) as unknown as Task;
  }
  if (name === 'cmmlu-medical') {
    const { cmmlu, CMMLU_PROTOCOLS } = await import('@medeval/datasets-cmmlu');
    checkProtocol(name, options.protocol, CMMLU_PROTOCOLS);
    if (options.prompt !== undefined) throw new UsageError("--prompt: cmmlu-medical has one prompt (CMMLU's); --few-shot K adds dev examples", 'run');
    const protocol = options.protocol as (typeof CMMLU_PROTOCOLS)[number] | undefined;
    return cmmlu.medical(defined({ data: options.data, protocol, seed: options.seed, shots: options.fewShot?.k })) as unknown as Task;
  }
  if (name === 'huatuo') {
    const { HUATUO_PROTOCOLS } = await import('@medeval/datasets-huatuo');
    checkProtocol(name, options.protocol, HUATUO_PROTOCOLS);
    if (options.fewShot) throw new UsageError('--few-shot is a CMExam option (the huatuo task has no few-shot prompt)', 'run');
    const { huatuo } = await import('@medeval/datasets-huatuo');
    return huatuo.qa(defined({ data: options.data, protocol: options.protocol, prompt: options.prompt, seed: options.seed })) as unknown as Task;
  }
  const { cmexam, CMEXAM_PROTOCOLS } = await import('@medeval/datasets-cmexam');
  checkProtocol(name, options.protocol, CMEXAM_PROTOCOLS);
  const settings = defined({
    data: options.data,
    protocol: options.protocol,
    prompt: options.prompt,
    skipBadRows: options.skipBadRows || undefined,
    fewShot: options.fewShot ? { ...options.fewShot, seed: options.seed ?? 0 } : undefined,
  });
  if (name === 'cmexam') return cmexam.answer(settings) as unknown as Task;
  if (name === 'cmexam-explanation') return cmexam.explanation(settings) as unknown as Task;
  return cmexam.joint(settings) as unknown as Task;
}

/** The `baseline:<name>` resolver for a task: the dataset package's own offline models. */
export async function baselineResolver(
  name: TaskName,
  options: { seed?: number | undefined; task: Task; corpus?: string | undefined },
): Promise<(baseline: string) => Model | undefined> {
  if (name === 'cmb-clin') return () => undefined; // no offline baseline for case dialogues
  if (name === 'mcq' || name === 'cmb') {
    const { randomMcqBaseline } = await import('@medeval/datasets-mcq');
    return (baseline) => (baseline === 'random' ? randomMcqBaseline(defined({ seed: options.seed })) : undefined);
  }
  if (name === 'cmmlu-medical') {
    const { cmmlu } = await import('@medeval/datasets-cmmlu');
    return (baseline) => (baseline === 'random' ? cmmlu.baselines.random(defined({ seed: options.seed })) : undefined);
  }
  if (name === 'huatuo') {
    const { resolveBaseline } = await import('@medeval/datasets-huatuo');
    return (baseline) => resolveBaseline(baseline, defined({ task: options.task, seed: options.seed, corpus: options.corpus }));
  }
  const { resolveBaseline } = await import('@medeval/datasets-cmexam');
  return (baseline) => {
    try {
      return resolveBaseline(baseline, defined({ seed: options.seed, corpus: options.corpus }));
    } catch {
      return undefined; // modelFromSpec then names the unknown baseline
    }
  };
}

/** The metrics a run used, rebuilt from its task and protocol names (for compare). */
export async function metricsFor(taskName: string, protocol: string, where: string): Promise<Metric[]> {
  if (!isTaskName(taskName)) {
    throw new InputError(`${where}: task "${taskName}" is not one this medeval knows (${TASK_NAMES.join(', ')})`);
  }
  const task = await buildTask(taskName, { protocol });
  return task.metrics;
}
