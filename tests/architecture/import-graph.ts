// The import graph of the packages' sources, read with TypeScript's own pre-processor (static imports,
// `import type`, re-exports and dynamic `import()` alike), for the architecture tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import fg from 'fast-glob';
import ts from 'typescript';

export interface ImportGraph {
  /** file (relative to the root) → the files it imports. */
  edges: Map<string, string[]>;
  /** Specifiers that name a file of the tree but resolved to nothing (a broken import would hide a cycle). */
  unresolved: string[];
}

const PACKAGE_ENTRIES: Record<string, string> = {
  '@medeval/core': 'packages/core/src/index.ts',
  '@medeval/core/node': 'packages/core/src/node/index.ts',
  '@medeval/metrics': 'packages/metrics/src/index.ts',
  '@medeval/datasets-cmexam': 'packages/datasets-cmexam/src/index.ts',
  '@medeval/datasets-huatuo': 'packages/datasets-huatuo/src/index.ts',
  '@medeval/datasets-cmmlu': 'packages/datasets-cmmlu/src/index.ts',
  '@medeval/datasets-mcq': 'packages/datasets-mcq/src/index.ts',
  '@medeval/datasets-cmb': 'packages/datasets-cmb/src/index.ts',
};
/** `#platform` may resolve to any of these, so each is an edge. */
const PLATFORM = ['packages/core/src/platform/node.ts', 'packages/core/src/platform/deno.ts', 'packages/core/src/platform/browser.ts'];

export function importGraph(root: string): ImportGraph {
  const files = fg.sync(['packages/*/src/**/*.ts'], { cwd: root, ignore: ['**/*.test.ts', '**/*.d.ts', '**/fixtures/**'] }).sort();
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName: spec } of info.importedFiles) {
      let hits: string[] = [];
      if (spec === '#platform') hits = PLATFORM;
      else if (PACKAGE_ENTRIES[spec]) hits = [PACKAGE_ENTRIES[spec]!];
      else if (spec.startsWith('.')) {
        const base = relative(root, resolve(root, dirname(file), spec));
        const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base];
        const hit = candidates.find((c) => known.has(c));
        if (hit) hits = [hit];
        else if (!existsSync(join(root, base)) || base.endsWith('.js') || base.endsWith('.ts')) unresolved.push(`${file}: ${spec}`);
      }
      for (const h of hits) targets.add(h);
    }
    edges.set(file, [...targets]);
  }
  return { edges, unresolved };
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function importCycles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}
