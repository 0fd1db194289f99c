// `--judge SPEC` for `run` and `score`: the judge model from its spec (keys from the environment, as for
// --model), refused with a usage error for tasks and protocols that take no judge (the papers' protocols).
import { modelFromSpec, type Model, type Task } from '@medeval/core';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

const SPEC_FORM = /^(openai|ollama|openai-compatible):\S/;

/** The judge model, or undefined without --judge. Checked before any data is read or request made. */
export function judgeFor(spec: string | undefined, task: Task, io: CliIO, command: string): Model | undefined {
  if (spec === undefined) return undefined;
  if (!task.judge) {
    throw new UsageError(
      `--judge: task ${task.name} under protocol ${task.protocol.name} takes no judge; the judge fallback is for the ` +
        'cmexam and cmexam-joint tasks under --protocol standard (the papers\' protocols read answers with their own rules only)',
      command,
    );
  }
  if (!SPEC_FORM.test(spec)) {
    throw new UsageError(`--judge: model spec "${spec}" is not one of openai:<model>, ollama:<model>, openai-compatible:<baseURL>#<model>`, command);
  }
  try {
    return modelFromSpec(spec, { env: io.env });
  } catch (error) {
    throw new UsageError(`--judge: ${(error as Error).message}`, command);
  }
}
