// Crash safety: a child process evaluates with a file cache and is killed with SIGKILL mid-run; the
// re-run asks the server only for the samples that were not yet answered, and its results equal an
// uninterrupted run's. The child uses the BUILT core (built here into test-artifacts/).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer, type ReceivedRequest } from '../helpers/openai-server.js';
import { answerFor } from './fixtures/toy-task.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/resume-child.mjs', import.meta.url));
const distDir = join(root, 'test-artifacts', `engine-core-${process.pid}`);
const SAMPLES = 40;
const ANSWER_FIRST = 20;
const CONCURRENCY = 4;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-resume-'));
  // A quick JS-only build of the core sources (no declarations) for the child process.
  await promisify(execFile)(
    'npx',
    ['tsup', '--no-config', '--entry.index', 'src/index.ts', '--entry.node/index', 'src/node/index.ts', '--format', 'esm',
      '--platform', 'neutral', '--target', 'es2022', '--splitting', '--out-dir', distDir],
    { cwd: join(root, 'packages/core') },
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(distDir, { recursive: true, force: true });
});

function runChild(server: OpenAIServer, cache: string, out: string): { proc: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const proc = spawn(process.execPath, [child, distDir, server.url, cache, out, String(SAMPLES), String(CONCURRENCY)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TOY_API_KEY: 'sk-resume-secret-123456' },
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d) => (stdout += d));
  proc.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { proc, done };
}

const question = (r: ReceivedRequest) => r.messages.at(-1)!.content;
const cacheLines = async (cache: string) => (await readFile(join(cache, 'responses.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
const withoutRunInfo = (r: Record<string, unknown>) => {
  const { cached: _c, attempts: _a, latencyMs: _l, ...rest } = r; // how this run got the answer, not what it was
  return rest;
};
const jsonl = async (path: string) => (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('SIGKILL then resume', () => {
  it('re-asks only the samples in flight at the kill, and gives the same results as an uninterrupted run', async () => {
    const respond = (messages: Array<{ content: string }>) => answerFor(messages.at(-1)!.content);

    // 1. The reference: an uninterrupted run (same server, so the model id and config hash match).
    let phase = 0;
    let phaseStart = 0;
    const server = await startOpenAIServer({
      respond,
      latencyMs: 2,
      faults: (r) => (phase === 1 && r.n - phaseStart >= ANSWER_FIRST ? 'hang' : undefined),
    });
    const refOut = join(dir, 'ref-out');
    const ref = await runChild(server, join(dir, 'ref-cache'), refOut).done;
    expect(ref.stderr).toBe('');
    expect(ref.code).toBe(0);
    expect(server.requests).toHaveLength(SAMPLES);

    // 2. Answer the first ANSWER_FIRST requests, then hold every further request open; kill the child
    //    once all answered samples are in the cache.
    phase = 1;
    phaseStart = server.requests.length;
    const cache = join(dir, 'cache');
    const out = join(dir, 'out');
    const first = runChild(server, cache, out);
    const deadline = Date.now() + 15_000;
    while ((await cacheLines(cache)) < ANSWER_FIRST || server.requests.length - phaseStart < ANSWER_FIRST + CONCURRENCY) {
      if (Date.now() > deadline) throw new Error(`child made no progress: ${server.requests.length} requests`);
      await new Promise((r) => setTimeout(r, 10));
    }
    first.proc.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const phase1 = server.requests.slice(phaseStart);
    const answered = new Set(phase1.filter((r) => r.answered).map(question));
    const inFlight = new Set(phase1.filter((r) => r.fault === 'hang').map(question));
    expect(answered.size).toBe(ANSWER_FIRST);
    expect(inFlight.size).toBe(CONCURRENCY);
    expect(await cacheLines(cache)).toBe(ANSWER_FIRST);
    // A write torn by a crash at the worst moment: a partial last line must be tolerated.
    await appendFile(join(cache, 'responses.jsonl'), '{"k":"0123abcd","v":{"te');

    // 3. Resume with the same cache.
    phase = 2;
    const before = server.requests.length;
    const second = await runChild(server, cache, out).done;
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const asked = server.requests.slice(before).map(question);
    expect(asked).toHaveLength(SAMPLES - ANSWER_FIRST);
    expect(new Set(asked).size).toBe(SAMPLES - ANSWER_FIRST);
    for (const q of asked) expect(answered.has(q)).toBe(false);
    for (const q of inFlight) expect(asked).toContain(q);
    await server.close();

    // 4. Same results as the uninterrupted run.
    const resumed = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const expected = JSON.parse(await readFile(join(refOut, 'results.json'), 'utf8'));
    for (const field of ['metrics', 'slices', 'counts', 'task', 'protocol'] as const) expect(resumed[field]).toEqual(expected[field]);
    expect(resumed.manifest.configHash).toBe(expected.manifest.configHash);
    const records = await jsonl(join(out, 'records.jsonl'));
    const refRecords = await jsonl(join(refOut, 'records.jsonl'));
    expect(records.map(withoutRunInfo)).toEqual(refRecords.map(withoutRunInfo));
    expect(records.filter((r) => r.cached).length).toBe(ANSWER_FIRST);
    // The key given in the environment is in no file.
    for (const file of ['results.json', 'records.jsonl', 'report.md', 'report.html']) {
      expect(await readFile(join(out, file), 'utf8')).not.toContain('sk-resume-secret');
    }
    expect(await readFile(join(cache, 'responses.jsonl'), 'utf8')).not.toContain('sk-resume-secret');
  });
});
