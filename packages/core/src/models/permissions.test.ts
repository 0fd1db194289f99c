// Deno's permission refusals become errors that name the flag (checked for real under Deno by
// scripts/deno-smoke.ts; here with errors shaped as Deno throws them).
import { describe, expect, it } from 'vitest';
import { classifyError } from '../scheduler/errors.js';
import { RunStoppedError } from '../scheduler/run-stopped.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { denoPermissionFlag, permissionAwareEnv } from './permissions.js';

/** What Deno 2 throws: `Deno.errors.NotCapable` with this message. */
function notCapable(message: string): Error {
  const error = new Error(message);
  error.name = 'NotCapable';
  return error;
}

describe('Deno permission errors', () => {
  it('name the flag to add, also when wrapped as a cause (fetch failed)', () => {
    expect(denoPermissionFlag(notCapable('Requires net access to "127.0.0.1:8000", run again with the --allow-net flag'))).toBe('--allow-net=127.0.0.1:8000');
    const wrapped = new TypeError('fetch failed', { cause: notCapable('Requires env access to "OPENAI_API_KEY", run again with the --allow-env flag') });
    expect(denoPermissionFlag(wrapped)).toBe('--allow-env=OPENAI_API_KEY');
    expect(denoPermissionFlag(new Error('connect ECONNREFUSED 127.0.0.1:8000'))).toBeUndefined();
  });

  it('are classified as permission errors that no retry fixes', () => {
    const e = classifyError(notCapable('Requires net access to "api.openai.com:443", run again with the --allow-net flag'));
    expect(e).toMatchObject({ kind: 'permission', retryable: false });
    expect(e.message).toContain('run with --allow-net=api.openai.com:443');
  });

  it('stop a run at the first one (not after 3, never as accuracy 0)', async () => {
    const scheduler = new Scheduler({ concurrency: 1, timeoutMs: 0, maxAttempts: 8 });
    let calls = 0;
    const ask = () =>
      scheduler.run(async () => {
        calls++;
        throw notCapable('Requires net access to "127.0.0.1:9", run again with the --allow-net flag');
      });
    await expect(ask()).rejects.toBeInstanceOf(RunStoppedError);
    await expect(ask()).rejects.toThrow(/--allow-net=127\.0\.0\.1:9/);
    expect(calls).toBe(1);
  });

  it('an environment Deno refuses to read throws an error naming --allow-env=NAME', () => {
    const denied = new Proxy({} as Record<string, string | undefined>, {
      get(_target, key) {
        throw notCapable(`Requires env access to "${String(key)}", run again with the --allow-env flag`);
      },
    });
    expect(() => permissionAwareEnv(denied).MEDEVAL_API_KEY).toThrow('reading the environment variable MEDEVAL_API_KEY needs a Deno permission: run with --allow-env=MEDEVAL_API_KEY');
  });
});
