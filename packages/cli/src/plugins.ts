// Third-party metrics from `--metric ./path`: a JavaScript module (or a package folder) whose default
// export and/or named exports are plain Metric objects (or arrays of them). Each one is checked for the
// Metric shape so a typo fails here, naming the file and export, not halfway through a run.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metric } from '@medeval/core';
import { metricProblems } from '@medeval/core/internal';
import { InputError } from './errors.js';

export interface LoadedMetric {
  metric: Metric;
  /** File and export name, e.g. `./my-metric.js#default`. */
  origin: string;
}

/**
 * Loads `--metric` files: the metrics a module exports (default and/or named, single or arrays), each checked
 * for the Metric shape so a typo fails here, naming the file and export.
 *
 * @example
 * const loaded = await loadMetricPlugins(['./my-metric.js'], process.cwd()); // [{ metric, origin: './my-metric.js#default' }]
 */
export async function loadMetricPlugins(paths: readonly string[], cwd: string): Promise<LoadedMetric[]> {
  const loaded: LoadedMetric[] = [];
  const names = new Map<string, string>();
  for (const path of paths) {
    const entry = await resolveEntry(resolve(cwd, path), path);
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(`--metric ${path}: cannot load ${entry}: ${(error as Error).message}`);
    }
    const found = metricsOf(module, path);
    if (found.length === 0) {
      throw new InputError(
        `--metric ${path}: the module exports no metric (expected a default export or named exports that are ` +
          `Metric objects with name, signature, higherIsBetter, item() and aggregate())`,
      );
    }
    for (const item of found) {
      const previous = names.get(item.metric.name);
      if (previous) throw new InputError(`--metric: two metrics are named "${item.metric.name}" (${previous} and ${item.origin})`);
      names.set(item.metric.name, item.origin);
      loaded.push(item);
    }
  }
  return loaded;
}

/** A folder is a package: its package.json exports/module/main, else index.js/index.mjs. */
async function resolveEntry(absolute: string, given: string): Promise<string> {
  let info;
  try {
    info = await stat(absolute);
  } catch {
    throw new InputError(`--metric ${given}: no such file or directory`);
  }
  if (!info.isDirectory()) return absolute;
  let pkg: Record<string, unknown> = {};
  try {
    pkg = JSON.parse(await readFile(join(absolute, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // no package.json: fall back to index files
  }
  const candidates = [exportTarget(pkg.exports), pkg.module, pkg.main, 'index.js', 'index.mjs'];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const file = join(absolute, candidate);
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // try the next candidate
    }
  }
  throw new InputError(`--metric ${given}: a folder, but no entry file found (package.json "exports"/"main" or index.js)`);
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const root = (exports as Record<string, unknown>)['.'] ?? exports;
  if (typeof root === 'string') return root;
  if (root && typeof root === 'object') {
    const conditions = root as Record<string, unknown>;
    for (const key of ['import', 'node', 'default']) {
      const value = conditions[key];
      if (typeof value === 'string') return value;
      if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).default === 'string') {
        return (value as Record<string, string>).default;
      }
    }
  }
  return undefined;
}

function metricsOf(module: Record<string, unknown>, path: string): LoadedMetric[] {
  const out: LoadedMetric[] = [];
  const seen = new Set<unknown>();
  for (const [exportName, value] of Object.entries(module)) {
    const values = Array.isArray(value) ? value : [value];
    values.forEach((candidate, index) => {
      const origin = `${path}#${exportName}${Array.isArray(value) ? `[${index}]` : ''}`;
      if (seen.has(candidate) || !looksLikeMetric(candidate)) return;
      seen.add(candidate);
      const problems = metricProblems(candidate);
      if (problems.length > 0) throw new InputError(`--metric ${origin}: not a valid Metric: ${problems.join('; ')}`);
      out.push({ metric: candidate as unknown as Metric, origin });
    });
  }
  return out;
}

/** Something that tries to be a metric: an object with item() or aggregate(). Other exports are ignored. */
function looksLikeMetric(value: unknown): value is Record<string, unknown> {
  return (
    !!value &&
    typeof value === 'object' &&
    (typeof (value as Record<string, unknown>).item === 'function' || typeof (value as Record<string, unknown>).aggregate === 'function')
  );
}
