// The `corpus` entry is what `medeval bleu` / `medeval rouge` and their worker threads load: it must stay free
// of zod and @medeval/core (about 100 ms to load, per thread) and give exactly the main entry's functions.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as corpus from './corpus.js';
import * as main from './index.js';
import * as internal from './internal.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every bare specifier (package) reached by runtime imports from `file`, following relative imports. */
function packagesReached(file: string, relative: (spec: string, from: string) => string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    // `import type` / `export type` are erased: only value imports load anything.
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gms)) {
      const spec = (match[1] ?? match[2])!;
      if (spec.startsWith('.')) visit(relative(spec, path));
      else packages.add(spec);
    }
  };
  visit(file);
  return packages;
}

describe('@medeval/metrics/corpus', () => {
  it('reaches no package but jieba-wasm in the sources (no zod, no @medeval/core)', () => {
    const reached = packagesReached(join(here, 'corpus.ts'), (spec, from) => join(dirname(from), spec.replace(/\.js$/, '.ts')));
    expect([...reached].filter((spec) => !spec.startsWith('node:') && spec !== 'jieba-wasm')).toEqual([]);
    expect(reached.has('zod')).toBe(false);
  });

  it('reaches no package but jieba-wasm in the built bundle either (the chunks tsup split out)', () => {
    const built = join(here, '../dist/corpus.js');
    let reached: Set<string>;
    try {
      reached = packagesReached(built, (spec, from) => join(dirname(from), spec));
    } catch (error) {
      throw new Error(`${built}: ${(error as Error).message} (run 'npm run build' at the repository root first)`);
    }
    expect([...reached].filter((spec) => !spec.startsWith('node:') && spec !== 'jieba-wasm')).toEqual([]);
  });

  it('exports the very functions of the main entry (or ./internal), not copies', () => {
    const names = Object.keys(corpus);
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const same = (main as Record<string, unknown>)[name] ?? (internal as Record<string, unknown>)[name];
      expect(same, name).toBe((corpus as Record<string, unknown>)[name]);
    }
  });
});
