// `medeval run --model openai-compatible:<url>#<model>` against the loopback OpenAI-compatible server,
// with injected faults (429 + Retry-After, 500, dropped connection, malformed JSON). Every sample must
// end up answered, and the API key must appear in no file of the run folder and not in stdout/stderr.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const KEY = 'sk-test-secret-4f9c2e7d1a8b6c3e5f0a9d2b7c4e1f8a';
// An exported OpenAI key must never reach a non-OpenAI server; MEDEVAL_API_KEY is the one it gets.
const OPENAI_KEY = 'sk-openai-only-9b1d4c7e2a5f8b3d6e0c1a4f7b2e5d8c';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

let server: OpenAIServer;
beforeAll(async () => {
  assertBuilt();
  server = await startOpenAIServer({
    latencyMs: 2,
    faults: ['429', '500', 'drop', 'malformed', undefined, '503'],
    // Answer with the last line of the prompt so outputs differ per sample.
    respond: (messages) => `建议及时就医。${(messages[messages.length - 1]?.content ?? '').slice(0, 12)}`,
  });
});
afterAll(async () => {
  await server?.close();
});

describe('medeval run against an OpenAI-compatible server', () => {
  it('retries injected faults, records every sample, and never writes the key', async () => {
    const dir = await tempDir();
    const out = join(dir, 'run');
    const result = await medeval(
      ['run', '--task', 'huatuo', '--model', `openai-compatible:${server.url}#test-model`, '--limit', '12', '--concurrency', '3', '--out', out],
      { cwd: dir, env: { MEDEVAL_API_KEY: KEY, OPENAI_API_KEY: OPENAI_KEY, CI: 'true' } },
    );
    expect(result.stderr).not.toContain(KEY);
    expect(result.stdout).not.toContain(KEY);
    expect(result.code, result.stderr).toBe(0);

    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.counts.samples).toBe(12);
    expect(results.counts.errors).toBe(0);
    expect(results.model.id).toContain('test-model');
    for (const name of ['bleu1', 'bleu4', 'gleu', 'rouge1', 'rougeL', 'distinct1', 'distinct2']) expect(results.metrics[name]).toBeDefined();

    const records = (await readFile(join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(12);
    expect(records.every((r: { status: string; output: string }) => r.status === 'ok' && r.output.startsWith('建议及时就医'))).toBe(true);

    // 12 answered requests plus at least the 5 injected failures that were retried.
    const answered = server.requests.filter((r) => r.answered).length;
    expect(answered).toBe(12);
    expect(server.requests.length).toBeGreaterThanOrEqual(17);
    // The key was sent to the server (so it was really in play) ...
    expect(server.requests.some((r) => String(r.headers.authorization ?? '').includes(KEY))).toBe(true);
    expect(server.requests.some((r) => String(r.headers.authorization ?? '').includes(OPENAI_KEY))).toBe(false);
    // ... and is in no file of the run folder.
    const files = await filesUnder(out);
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(expect.arrayContaining(['records.jsonl', 'report.html', 'report.md', 'results.json']));
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(KEY);
    // CI=true: no progress lines but the final one.
    expect(result.stderr.split('\n').filter((line) => line.includes('/s')).length).toBeLessThanOrEqual(1);
  });

  it('a server that always fails records errors, still writes the run folder, and exits 1', async () => {
    const failing = await startOpenAIServer({ faults: () => '400' });
    try {
      const dir = await tempDir();
      const out = join(dir, 'run');
      const result = await medeval(
        ['run', '--task', 'huatuo', '--model', `openai-compatible:${failing.url}#m`, '--limit', '3', '--out', out, '--max-attempts', '2'],
        { cwd: dir, env: { MEDEVAL_API_KEY: KEY, OPENAI_API_KEY: OPENAI_KEY, CI: 'true' } },
      );
      expect(result.code, result.stderr).toBe(1);
      const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
      expect(results.counts.errors).toBe(3);
      // Three identical 400s before any success: the run stops (fail fast) and says why.
      expect(result.stderr).toMatch(/the run stopped: HTTP 400/);
      expect(result.stderr).toContain(`run folder: ${out}`);
      for (const file of await filesUnder(out)) expect(await readFile(file, 'utf8')).not.toContain(KEY);
    } finally {
      await failing.close();
    }
  });

  it('Ctrl-C stops a run with exit 130, keeps finished records, and the cache resumes without re-asking', async () => {
    const slow = await startOpenAIServer({ latencyMs: 100, respond: () => '多喝水，注意休息。' });
    try {
      const dir = await tempDir();
      const args = ['run', '--task', 'huatuo', '--model', `openai-compatible:${slow.url}#m`, '--concurrency', '1', '--cache', 'cache', '--quiet'];
      const interrupted = await medeval([...args, '--out', 'first'], {
        cwd: dir,
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (slow.requests.length >= 5) {
              clearInterval(poll);
              child.kill('SIGINT');
            }
          }, 20);
          child.on('close', () => clearInterval(poll));
        },
      });
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr).toMatch(/interrupted/);
      expect(interrupted.stderr).toContain('To resume, run the same command again: --cache cache has every answer received');
      expect(interrupted.stderr).not.toMatch(/\n\s+at /);
      const asked = slow.requests.length;

      const resumed = await medeval([...args, '--out', 'second'], { cwd: dir });
      expect(resumed.code, resumed.stderr).toBe(0);
      const results = JSON.parse(await readFile(join(dir, 'second', 'results.json'), 'utf8'));
      const total = results.counts.samples;
      expect(asked).toBeLessThan(total);
      expect(results.counts.errors).toBe(0);
      // The resumed run asked only for what was not answered before the interrupt (the one in flight may be asked twice).
      expect(slow.requests.length).toBeLessThanOrEqual(total + 1);
    } finally {
      await slow.close();
    }
  });
});
