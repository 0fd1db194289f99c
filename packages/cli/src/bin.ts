#!/usr/bin/env node
// The `medeval` executable. Sets the exit code instead of calling process.exit, so piped output is flushed.
import { processIO } from './io.js';
import { main } from './main.js';

// `medeval bleu ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// First Ctrl-C: stop asking the model, keep every finished record (re-run with the same --cache to
// resume). Second Ctrl-C: leave at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  process.stderr.write('\nmedeval: interrupted; stopping (Ctrl-C again to quit at once)\n');
  interrupt.abort(new Error('interrupted'));
});

main(process.argv.slice(2), { ...processIO(), signal: interrupt.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`medeval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
