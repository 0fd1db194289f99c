// The one tsup recipe every package builds with: ESM + declarations, code splitting so entries share
// chunks, and `node:` specifiers kept (Deno and bundlers recognise built-ins by that prefix).
// `platform: 'node'` only affects resolution; the main entries import no built-in (checked by the tests
// and the Deno smoke test).
import type { Options } from 'tsup';

export function libraryConfig(entry: Record<string, string>): Options {
  return {
    entry,
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    removeNodeProtocol: false,
  };
}
