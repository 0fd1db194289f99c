import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {"index": "src/index.ts"},
  format: ['esm'],
  target: 'es2022',
  platform: 'node', // resolution only: main entries import no built-in (checked by tests and the Deno smoke test)
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  // Keep 'node:' specifiers: Deno and bundlers recognise built-ins by that prefix.
  removeNodeProtocol: false,
});
