import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared.js';

// text-metric-worker: the worker thread of `medeval bleu` / `medeval rouge` on large inputs, loaded by URL next to the chunks.
export default defineConfig(libraryConfig({ index: 'src/index.ts', bin: 'src/bin.ts', 'text-metric-worker': 'src/text-metric-worker.ts' }));
