// --strict: the first row the loader has to skip stops the run with exit 1, naming file, row and reason,
// instead of a warning at the end. The loaders themselves never drop a row silently; this only decides
// whether a skipped row is fatal.
import type { Dataset, Task } from '@medeval/core';
import { InputError } from './errors.js';

export function strictTask(task: Task): Task {
  const inner = task.dataset;
  const dataset: Dataset = {
    name: inner.name,
    source: inner.source,
    summary: () => inner.summary(),
    ...(inner.count ? { count: () => inner.count!() } : {}),
    async *samples(options) {
      for await (const sample of inner.samples(options)) {
        check(inner);
        yield sample;
      }
      check(inner);
    },
  };
  const strict = Object.create(task) as Task;
  Object.defineProperty(strict, 'dataset', { value: dataset, enumerable: true });
  return strict;
}

function check(dataset: Dataset): void {
  const summary = dataset.summary();
  if (summary.skipped === 0) return;
  const problem = summary.problems[0];
  const where = problem ? locate(summary.source, problem) : `${summary.source}: ${Object.keys(summary.reasons).join(', ')}`;
  throw new InputError(`${where} (--strict stops at the first bad row; without it the row is skipped and reported)`);
}

/** Loaders often put file and row into the reason already; otherwise add them. */
export function locate(source: string, problem: { row: number; reason: string }): string {
  return problem.reason.includes(source) ? problem.reason : `${source}: row ${problem.row}: ${problem.reason}`;
}
