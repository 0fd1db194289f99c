import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared.js';

export default defineConfig(libraryConfig({ index: 'src/index.ts', internal: 'src/internal.ts', corpus: 'src/corpus.ts' }));
