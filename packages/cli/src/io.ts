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

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Collects output in memory, for tests and programmatic use. */
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
