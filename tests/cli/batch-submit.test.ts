// `medeval run --batch` against a loopback Batch API: the requests the cache lacks are uploaded as one batch,
// polled, and imported; the run then asks directly only what the batch could not answer (a failed line); a
// restart mid-poll resumes the same batch (one batch created, not two); an expired batch's partial output is
// imported and the rest asked directly.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startBatchServer } from '../helpers/batch-server.js';
import { assertBuilt, medeval, tempDir } from './helpers.js';

const env = { MEDEVAL_API_KEY: 'sk-batch-secret-123', CI: 'true' };
const args = (url: string) => ['run', '--task', 'cmexam', '--model', `openai-compatible:${url}#m`, '--limit', '6', '--cache', 'cache', '--batch', '--batch-poll', '20'];

describe('medeval run --batch', () => {
  it('submits once, imports the answers, asks directly only the failed line; the key is in no file', async () => {
    assertBuilt();
    const server = await startBatchServer({ pollsBeforeDone: 2, failIndex: 2 });
    try {
      const cwd = await tempDir('medeval-batch-run-');
      const result = await medeval([...args(server.url), '--out', 'run'], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      expect(server.batchesCreated()).toBe(1);
      expect(server.chatRequests()).toBe(1);
      expect(result.stderr).toMatch(/batch batch_1: in_progress, 0\/6 done/);
      expect(result.stderr).toContain('batch batch_1 completed: 5 of 6 answers imported into cache; 1 failed');
      const state = JSON.parse(await readFile(join(cwd, 'run', 'batch.json'), 'utf8'));
      expect(state).toMatchObject({ version: 1, batchId: 'batch_1', inputFileId: 'file-1', status: 'completed', requests: 6 });
      expect(JSON.stringify(state)).not.toContain('sk-batch-secret');
      const results = JSON.parse(await readFile(join(cwd, 'run', 'results.json'), 'utf8'));
      expect(results.counts.samples).toBe(6);
      expect(results.counts.errors).toBe(0);
      // A second run with the same cache: nothing to submit, nothing to ask.
      const again = await medeval([...args(server.url), '--out', 'again'], { cwd, env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('nothing to submit');
      expect(server.batchesCreated()).toBe(1);
      expect(server.chatRequests()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('a restart mid-poll resumes the same batch instead of paying for a second one', async () => {
    const server = await startBatchServer({ pollsBeforeDone: 4 });
    try {
      const cwd = await tempDir('medeval-batch-restart-');
      let child!: ChildProcess;
      server.onPoll = () => {
        // The first poll: the batch exists and batch.json is written; kill the process there.
        server.onPoll = undefined;
        child.kill('SIGKILL');
      };
      const killed = await medeval([...args(server.url), '--out', 'run'], { cwd, env, onSpawn: (c) => (child = c) });
      expect(killed.code).toBeNull();
      expect(server.batchesCreated()).toBe(1);
      const resumed = await medeval([...args(server.url), '--out', 'run'], { cwd, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('batch batch_1 (resumed)');
      expect(server.batchesCreated()).toBe(1);
      expect(server.chatRequests()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('an expired batch: its partial output is imported, the rest asked directly', async () => {
    const server = await startBatchServer({ pollsBeforeDone: 1, expire: true });
    try {
      const cwd = await tempDir('medeval-batch-expired-');
      const result = await medeval([...args(server.url), '--out', 'run'], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('batch batch_1 expired: 3 of 6 answers imported');
      expect(server.chatRequests()).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('needs --cache and an OpenAI-compatible model', async () => {
    const cwd = await tempDir('medeval-batch-usage-');
    const noCache = await medeval(['run', '--task', 'cmexam', '--model', 'openai-compatible:http://127.0.0.1:9/v1#m', '--batch', '--out', 'x'], { cwd, env });
    expect(noCache.code).toBe(2);
    expect(noCache.stderr).toContain('--batch needs --cache DIR');
    const baseline = await medeval(['run', '--task', 'cmexam', '--model', 'baseline:bm25', '--batch', '--cache', 'c', '--out', 'y'], { cwd, env });
    expect(baseline.code).toBe(2);
  });
});
