// Several data files given to one run (`--data 'part-*.jsonl'`) are evaluated as one dataset: samples
// stream shard after shard, ids become `<shard>:<id>` so they stay unique, and the load summaries add up.
import { basename } from 'node:path';
import type { Dataset, LoadSummary, Sample, Task } from '@medeval/core';
import { sha256Hex } from '@medeval/core/internal';

export function combineShards(tasks: readonly Task[], files: readonly string[]): Task {
  if (tasks.length === 1) return tasks[0]!;
  const labels = shardLabels(files);
  const datasets = tasks.map((task) => task.dataset);
  const dataset: Dataset = {
    name: datasets[0]!.name,
    source: files.join(','),
    async *samples(options) {
      for (let i = 0; i < datasets.length; i += 1) {
        for await (const sample of datasets[i]!.samples(options)) {
          yield { ...sample, id: `${labels[i]}:${sample.id}` } as Sample;
        }
      }
    },
    summary: () => mergeSummaries(datasets.map((d) => d.summary()), files),
  };
  // The first shard's task with the combined dataset; prototype-based so class-based tasks keep their methods.
  const combined = Object.create(tasks[0]!) as Task;
  Object.defineProperty(combined, 'dataset', { value: dataset, enumerable: true });
  return combined;
}

/** File names without folders, unless two shards share a name. */
function shardLabels(files: readonly string[]): string[] {
  const names = files.map((file) => basename(file));
  return new Set(names).size === names.length ? names : [...files];
}

function mergeSummaries(summaries: LoadSummary[], files: readonly string[]): LoadSummary {
  const merged: LoadSummary = { source: files.join(','), read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [], stats: {} };
  summaries.forEach((summary, i) => {
    merged.read += summary.read;
    merged.loaded += summary.loaded;
    merged.skipped += summary.skipped;
    for (const [reason, count] of Object.entries(summary.reasons)) merged.reasons[reason] = (merged.reasons[reason] ?? 0) + count;
    for (const problem of summary.problems) merged.problems.push({ row: problem.row, reason: `${files[i]}: ${problem.reason}` });
    for (const [key, count] of Object.entries(summary.stats ?? {})) merged.stats![key] = (merged.stats![key] ?? 0) + count;
  });
  // One checksum for the whole input: the sha256 of a `sha256sum`-style manifest of the shards, in order.
  if (summaries.every((summary) => summary.sha256)) {
    const manifest = summaries.map((summary, i) => `${summary.sha256}  ${basename(files[i]!)}\n`).join('');
    merged.sha256 = sha256Hex(manifest);
  }
  return merged;
}
