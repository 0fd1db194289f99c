// The main entry of @medeval/core must import no Node built-in, not even transitively: Deno and
// browsers load it. Follows every static import/export from src/index.ts (dynamic import() is allowed:
// that is how a directory path reaches the node-only code).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));
const builtins = new Set(builtinModules);

function staticGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s(?:type\s)?[^;]*?from\s*['"]([^'"]+)['"]/gm)]
    .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1]!);
  seen.set(file, specifiers);
  for (const spec of specifiers) {
    if (spec.startsWith('.')) staticGraph(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('@medeval/core main entry', () => {
  it('reaches no Node built-in through static imports', () => {
    const graph = staticGraph(entry);
    const offenders = [...graph].flatMap(([file, specs]) =>
      specs.filter((s) => s.startsWith('node:') || builtins.has(s)).map((s) => `${file} -> ${s}`),
    );
    expect(graph.size).toBeGreaterThan(20);
    expect([...graph.keys()].some((f) => f.includes('/src/node/'))).toBe(false);
    expect(offenders).toEqual([]);
  });
});
