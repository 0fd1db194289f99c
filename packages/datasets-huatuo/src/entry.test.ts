// The main entry must load in Deno and browsers: no Node built-in anywhere in its static import graph.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: string[]; external: Set<string> } {
  const files: string[] = [];
  const external = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else external.add(spec);
    }
  }
  return { files, external };
}

describe('main entry', () => {
  it('imports no Node built-in, statically or through its own files', () => {
    const { files, external } = staticGraph(join(src, 'index.ts'));
    expect(files.length).toBeGreaterThan(10);
    expect([...external].filter((spec) => builtins.has(spec) || spec.startsWith('node:'))).toEqual([]);
    expect([...external].sort()).toEqual(['@medeval/core', '@medeval/metrics', '@medeval/metrics/internal', 'minisearch', 'zod']);
  });
});
