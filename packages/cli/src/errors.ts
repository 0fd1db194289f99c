// Exit codes and error messages. 0 success, 1 bad input (the message names file, line/row and what is
// wrong), 2 usage errors. Expected errors print one message, never a stack trace; MEDEVAL_DEBUG=1 adds it.

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
/** Ctrl-C, by the shell convention 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** The command line itself is wrong: unknown flag, missing value, a path or pattern that matches nothing. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(
    message: string,
    /** The command whose `--help` the message should point to. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The input files are wrong: malformed line, mismatched line counts, runs that cannot be compared. */
export class InputError extends Error {
  readonly exitCode = EXIT_BAD_INPUT;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
  }
}

// Errors that signal a bug rather than bad input; for these a hint to MEDEVAL_DEBUG is printed.
const PROGRAMMER_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

export interface ErrorReport {
  exitCode: number;
  message: string;
}

/**
 * Turns anything thrown by a command into an exit code and the text for stderr. Errors from the other
 * packages (loaders, score(), readRunFolder) carry file and row in their message; they are bad input.
 */
export function reportError(error: unknown, options: { debug?: boolean } = {}): ErrorReport {
  if (error instanceof UsageError) {
    const hint = error.command ? `\nRun 'medeval ${error.command} --help' for usage.` : `\nRun 'medeval --help' for usage.`;
    return { exitCode: EXIT_USAGE, message: `medeval: ${error.message}${hint}\n` };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  let message = `medeval: ${describe(err)}\n`;
  if (options.debug) message += `${err.stack ?? ''}\n`;
  else if (PROGRAMMER_ERRORS.has(err.name)) message += 'medeval: (unexpected error; set MEDEVAL_DEBUG=1 to see the stack trace)\n';
  return { exitCode: EXIT_BAD_INPUT, message };
}

/** The message with its causes, one "caused by" a line, without duplicates. */
function describe(err: Error): string {
  const parts = [err.message];
  let cause: unknown = err.cause;
  for (let depth = 0; cause !== undefined && depth < 5; depth += 1) {
    const text = cause instanceof Error ? cause.message : String(cause);
    if (text && !parts.some((p) => p.includes(text))) parts.push(`  caused by: ${text}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return parts.join('\n');
}
