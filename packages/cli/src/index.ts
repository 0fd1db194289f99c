// @medeval/cli programmatic entry: run the command in-process, e.g. `await main(['bleu', '--hyp', h, '--ref', r], io)`.
export { main } from './main.js';
export { memoryIO, processIO } from './io.js';
export type { CliIO, OutputStream } from './io.js';
export { UsageError, InputError, EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE } from './errors.js';
export { expandPaths } from './globs.js';
export { loadMetricPlugins } from './plugins.js';
export { createProgress, progressMode } from './progress.js';
export type { ProgressReporter, ProgressMode } from './progress.js';
