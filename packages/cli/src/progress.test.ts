import { describe, expect, it } from 'vitest';
import type { Progress } from '@medeval/core';
import { createProgress, progressMode } from './progress.js';

function sink(isTTY: boolean) {
  let text = '';
  return { stream: { isTTY, columns: 100, write: (s: string) => (text += s) }, text: () => text };
}

const at = (done: number, elapsedMs: number, extra: Partial<Progress> = {}): Progress => ({
  done,
  total: 100,
  cached: 0,
  errors: 0,
  retries: 0,
  inFlight: 0,
  elapsedMs,
  ...extra,
});

describe('progress', () => {
  it('chooses bar on a terminal, lines in a pipe, quiet in CI', () => {
    expect(progressMode({ write: () => 0, isTTY: true }, {})).toBe('bar');
    expect(progressMode({ write: () => 0, isTTY: false }, {})).toBe('lines');
    expect(progressMode({ write: () => 0, isTTY: true }, { CI: 'true' })).toBe('quiet');
    expect(progressMode({ write: () => 0, isTTY: true }, { CI: 'false' })).toBe('bar');
  });

  it('draws done/total, rate, ETA, retries and errors on a terminal', () => {
    const out = sink(true);
    let t = 0;
    const progress = createProgress({ stream: out.stream, env: {}, label: 'cmexam', now: () => (t += 1000) });
    progress.update(at(50, 10_000, { retries: 3, errors: 1 }));
    expect(out.text()).toContain('50/100 (50%)');
    expect(out.text()).toContain('5.0/s');
    expect(out.text()).toContain('ETA 0:10');
    expect(out.text()).toContain('retries 3');
    expect(out.text()).toContain('errors 1');
    progress.finish(at(100, 20_000));
    expect(out.text().endsWith('— done\n')).toBe(true);
  });

  it('prints a few plain lines in a pipe and only the final line in CI', () => {
    const pipe = sink(false);
    const lines = createProgress({ stream: pipe.stream, env: {}, label: 'x', now: () => 0 });
    for (let done = 0; done <= 100; done += 1) lines.update(at(done, done * 10));
    lines.finish();
    const count = pipe.text().trim().split('\n').length;
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(12);
    expect(pipe.text()).not.toContain('\r');

    const ci = sink(true);
    const quiet = createProgress({ stream: ci.stream, env: { CI: 'true' }, label: 'x' });
    for (let done = 0; done <= 100; done += 1) quiet.update(at(done, done * 10));
    expect(ci.text()).toBe('');
    quiet.finish();
    expect(ci.text().trim().split('\n')).toHaveLength(1);
  });
});
