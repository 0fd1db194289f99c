import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared.js';

// `#platform` stays an import in the output: package.json `imports` resolves it per runtime (see src/platform).
export default defineConfig({
  ...libraryConfig({
    index: 'src/index.ts',
    internal: 'src/internal.ts',
    'node/index': 'src/node/index.ts',
    'platform/node': 'src/platform/node.ts',
    'platform/deno': 'src/platform/deno.ts',
    'platform/browser': 'src/platform/browser.ts',
  }),
  external: ['#platform'],
});
