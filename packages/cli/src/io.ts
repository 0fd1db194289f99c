// What a command may touch of the outside world. bin.ts passes the real process; tests pass buffers,
// so the whole CLI can also run in-process.

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on Ctrl-C (bin.ts wires SIGINT); long commands stop and keep what is written. */
  signal?: AbortSignal;
}

/**
 * The process's own stdout, stderr, environment and working folder (what `medeval` runs with).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), processIO());
 */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Collects output in memory, for tests and programmatic use.
 *
 * @example
 * const io = memoryIO({ env: { CI: 'true' } });
 * await main(['--version'], io);
 * io.out(); // '0.1.0\n'
 */
export function memoryIO(overrides: Partial<Omit<CliIO, 'stdout' | 'stderr'>> = {}): CliIO & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: overrides.env ?? {},
    cwd: overrides.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
