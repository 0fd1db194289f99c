// Runs the BUILT `medeval` bin in a child process, as a user would. Build first (`npm run build`; the root
// `npm test` does it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO, 'packages/cli/dist/bin.js');
export const GOLDEN = join(REPO, 'fixtures/golden');
export const NO_NETWORK = fileURLToPath(new URL('./fixtures/no-network.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' at the repository root first`);
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Node flags before the bin, e.g. ['--import', NO_NETWORK]. */
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Called once the child is running (e.g. to send it a signal later). */
  onSpawn?: (child: ChildProcess) => void;
}

export function medeval(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, MEDEVAL_DEBUG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    options.onSpawn?.(child);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempDir(prefix = 'medeval-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
