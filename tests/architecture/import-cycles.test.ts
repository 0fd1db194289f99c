// No import circle anywhere in the packages' sources: not between two files, not through a dynamic
// import() and not through `#platform` (which may resolve to any of its three files).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('import graph', () => {
  it('finds cycles of any length and self-imports, and nothing in a tree', () => {
    const g = (pairs: Array<[string, string[]]>) => new Map(pairs);
    expect(importCycles(g([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(importCycles(g([['a', ['a']]]))).toEqual([['a']]);
    expect(importCycles(g([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('reads every source file, resolves every relative import, and has no circle', () => {
    const { edges, unresolved } = importGraph(root);
    expect(edges.size).toBeGreaterThan(200);
    expect([...edges.values()].flat().length).toBeGreaterThan(500);
    expect(unresolved).toEqual([]);
    // the seam is in the graph: a source file reaches the platform files
    expect(edges.get('packages/core/src/source/source.ts')).toContain('packages/core/src/platform/browser.ts');
    expect(importCycles(edges)).toEqual([]);
  });
});
