import { defineConfig } from 'tsup';

export default defineConfig({
  // bleu-worker: the worker thread of `medeval bleu` on large inputs, loaded by URL next to the chunks.
  entry: { index: "src/index.ts", bin: "src/bin.ts", "bleu-worker": "src/bleu-worker.ts" },
  format: ['esm'],
  target: 'es2022',
  platform: 'node',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  // Keep 'node:' specifiers: Deno and bundlers recognise built-ins by that prefix.
  removeNodeProtocol: false,
});
