import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMetricPlugins } from './plugins.js';

const metricSource = (name: string) => `{
  name: '${name}', signature: '${name}|v1', higherIsBetter: true, scale: 'percent',
  item: ({ status }) => (status === 'ok' ? 1 : 0),
  aggregate: (items) => (items.length ? (100 * items.reduce((a, b) => a + b, 0)) / items.length : 0),
}`;

async function plugins(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'medeval-plugins-'));
  await writeFile(join(dir, 'default.mjs'), `export default ${metricSource('parsed_rate')};\nexport const helper = 3;\n`);
  await writeFile(join(dir, 'named.mjs'), `export const a = ${metricSource('a_rate')};\nexport const b = [${metricSource('b_rate')}];\n`);
  await writeFile(join(dir, 'broken.mjs'), `export default { name: 'x', item() {}, aggregate: 5 };\n`);
  await writeFile(join(dir, 'empty.mjs'), `export const nothing = 1;\n`);
  await mkdir(join(dir, 'pkg', 'dist'), { recursive: true });
  await writeFile(join(dir, 'pkg', 'package.json'), JSON.stringify({ type: 'module', exports: { '.': { import: './dist/index.js' } } }));
  await writeFile(join(dir, 'pkg', 'dist', 'index.js'), `export default ${metricSource('pkg_rate')};\n`);
  return dir;
}

describe('loadMetricPlugins', () => {
  it('loads default and named exports, arrays, and package folders', async () => {
    const cwd = await plugins();
    const loaded = await loadMetricPlugins(['default.mjs', 'named.mjs', 'pkg'], cwd);
    expect(loaded.map((l) => l.metric.name)).toEqual(['parsed_rate', 'a_rate', 'b_rate', 'pkg_rate']);
    expect(loaded[2]!.origin).toBe('named.mjs#b[0]');
    expect(loaded[0]!.metric.aggregate([1, 0])).toBe(50);
  });

  it('names the file, export and problem for an invalid metric', async () => {
    const cwd = await plugins();
    await expect(loadMetricPlugins(['broken.mjs'], cwd)).rejects.toThrow(
      /broken\.mjs#default: not a valid Metric: signature: missing; must be a non-empty string.*higherIsBetter: missing; must be true or false.*aggregate: must be a function/,
    );
    await expect(loadMetricPlugins(['empty.mjs'], cwd)).rejects.toThrow(/empty\.mjs: the module exports no metric/);
    await expect(loadMetricPlugins(['default.mjs', 'default.mjs'], cwd)).rejects.toThrow(/two metrics are named "parsed_rate"/);
    await expect(loadMetricPlugins(['missing.mjs'], cwd)).rejects.toThrow(/missing\.mjs: no such file/);
  });
});
