import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared.js';

// bleu-worker: the worker thread of `medeval bleu` on large inputs, loaded by URL next to the chunks.
export default defineConfig(libraryConfig({ index: 'src/index.ts', bin: 'src/bin.ts', 'bleu-worker': 'src/bleu-worker.ts' }));
