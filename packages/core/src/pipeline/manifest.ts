// The parts of results.json that say how a number was made: runtime, versions, config hash.
import { hashValue } from '../cache/hash.js';
import type { Metric, Task } from '../types.js';
import { VERSION } from './version.js';

/** "Node v22.1.0", "Deno 2.1.4", "Bun 1.1", or the browser's user agent. */
export function runtimeName(): string {
  const g = globalThis as {
    Deno?: { version?: { deno?: string } };
    Bun?: { version?: string };
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  if (g.Deno?.version?.deno) return `Deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `Bun ${g.Bun.version}`;
  if (g.process?.versions?.node) return `Node v${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}

/**
 * sha256 of everything that decides the numbers: task name/version, protocol signature, prompt id,
 * model id, metric signatures, seed and bootstrap resamples. Two runs with the same hash are comparable.
 */
export function configHash(input: {
  task: Pick<Task, 'name' | 'version' | 'protocol' | 'promptId'>;
  modelId: string | null;
  metrics: readonly Metric[];
  seed: number;
  bootstrapSamples: number;
  limit?: number | undefined;
  /** Repeats per question; absent for 1, so runs without epochs keep their hash. */
  epochs?: number | undefined;
  /** CircularEval; absent when off. */
  circular?: boolean | undefined;
}): string {
  return hashValue({
    task: { name: input.task.name, version: input.task.version, protocol: input.task.protocol.signature, promptId: input.task.promptId },
    model: input.modelId,
    metrics: input.metrics.map((m) => m.signature),
    seed: input.seed,
    bootstrapSamples: input.bootstrapSamples,
    limit: input.limit ?? null,
    ...(input.epochs !== undefined && input.epochs > 1 ? { epochs: input.epochs } : {}),
    ...(input.circular ? { circular: true } : {}),
  });
}

export function packageVersions(extra?: Record<string, string>): Record<string, string> {
  return { ...extra, '@medeval/core': VERSION };
}
