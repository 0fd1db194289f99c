// The public surface of every package is the one committed in docs/api/: a change to an export (added,
// removed, or a value turned into a type) fails here until `node scripts/api-report.mjs` is run and the
// report committed. Also the budget: the main entries of core, metrics and datasets-cmexam offer at most 40 values each.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('public API report', () => {
  it('docs/api/ matches the exports of every package', () => {
    const run = spawnSync(process.execPath, ['scripts/api-report.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  it('keeps the main entries of core, metrics and datasets-cmexam to 40 values or fewer', () => {
    for (const pkg of ['core', 'metrics', 'datasets-cmexam']) {
      const report = readFileSync(`${root}docs/api/${pkg}.md`, 'utf8');
      const values = Number(/^## `@medeval\/[a-z-]+`\n\n(\d+) values/m.exec(report)?.[1]);
      expect(values, pkg).toBeGreaterThan(10);
      expect(values, pkg).toBeLessThanOrEqual(40);
    }
  });
});
