import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run against the TypeScript sources; the built dist is exercised by the CLI end-to-end tests,
// the Deno smoke test and publint.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^#platform$/, replacement: src('core/src/platform/node.ts') },
      { find: /^@medeval\/core\/node$/, replacement: src('core/src/node/index.ts') },
      { find: /^@medeval\/core\/internal$/, replacement: src('core/src/internal.ts') },
      { find: /^@medeval\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@medeval\/metrics$/, replacement: src('metrics/src/index.ts') },
      { find: /^@medeval\/metrics\/internal$/, replacement: src('metrics/src/internal.ts') },
      { find: /^@medeval\/datasets-cmexam\/internal$/, replacement: src('datasets-cmexam/src/internal.ts') },
      { find: /^@medeval\/datasets-cmexam$/, replacement: src('datasets-cmexam/src/index.ts') },
      { find: /^@medeval\/datasets-huatuo$/, replacement: src('datasets-huatuo/src/index.ts') },
      { find: /^@medeval\/datasets-cmmlu$/, replacement: src('datasets-cmmlu/src/index.ts') },
      { find: /^@medeval\/datasets-mcq$/, replacement: src('datasets-mcq/src/index.ts') },
      { find: /^@medeval\/datasets-cmb$/, replacement: src('datasets-cmb/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // In CI a JSON summary too, so .ci/run can close with one "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: { json: '.tmp/vitest-results.json' },
  },
});
