// jieba must also load in Deno 2 (export condition "deno": the wasm is fetched next to the module).
// Runs the TypeScript sources in a Deno child process when the `deno` npm binary is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const deno = `${root}node_modules/.bin/deno`;
const entry = new URL('./index.ts', import.meta.url).href;

describe('jieba in Deno', () => {
  it.skipIf(!existsSync(deno))('loads lazily and equals Python jieba', () => {
    const code = `
      const t = await import(${JSON.stringify(entry)});
      const before = t.loadedJieba() === null;
      const j = await t.loadJieba();
      console.log(JSON.stringify({ before, tokens: j.cut('COVID-19患者首选二甲双胍') }));`;
    const r = spawnSync(deno, ['eval', '--unstable-sloppy-imports', code], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out).toEqual({ before: true, tokens: ['COVID', '-', '19', '患者', '首选', '二甲', '双', '胍'] });
  });
});
