#!/usr/bin/env node
// The `medeval` executable. Sets the exit code instead of calling process.exit, so piped output is flushed.
import { main } from './main.js';

// `medeval bleu ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`medeval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
