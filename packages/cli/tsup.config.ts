import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {"index": "src/index.ts", "bin": "src/bin.ts"},
  format: ['esm'],
  target: 'es2022',
  platform: 'node',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
