// The runtime seam as users meet it: the built @medeval/core bundled for a browser picks
// platform/browser.js through package.json `imports` (no Node built-in in the bundle) and runs in headless
// Chromium: an evaluation from memory works, a file path fails with a message saying what to pass instead.
// Bundled for Node, the same import picks platform/node.js. Needs the build (npm run build).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(join(root, 'packages/core/dist/platform/browser.js'));
if (!built) console.warn('[platform-seam] skipped: packages/core/dist is absent (npm run build)');
const CHROMIUM = process.env.MEDEVAL_CHROMIUM ?? '/usr/bin/chromium';

const ENTRY = `
import { evaluate, fromFunction } from '@medeval/core';
const task = {
  name: 'seam', version: '1', promptId: 'seam@1', protocol: { name: 'seam', signature: 'seam|v1' },
  dataset: {
    name: 'seam', source: 'memory:seam',
    async *samples() { for (let i = 0; i < 20; i++) yield { id: String(i), input: 'Q' + i, target: 'ABCDE'[i % 5], meta: {} }; },
    summary: () => ({ source: 'memory:seam', read: 20, loaded: 20, skipped: 0, reasons: {}, problems: [] }),
  },
  render: (s) => ({ messages: [{ role: 'user', content: s.input }] }),
  parse: (output) => ({ prediction: output.trim() || null, status: output.trim() ? 'ok' : 'empty' }),
  metrics: [{ name: 'accuracy', signature: 'accuracy|seam|v1', higherIsBetter: true, scale: 'percent',
    item: ({ sample, prediction }) => (prediction === sample.target ? 1 : 0),
    aggregate: (xs) => (100 * xs.reduce((a, b) => a + b, 0)) / xs.length }],
};
const model = fromFunction((_r, { sample }) => (Number(sample.id) < 15 ? sample.target : 'Z'), { id: 'seam-model' });
globalThis.seam = async () => {
  const result = await evaluate({ task, model });
  let refused = '';
  try { await evaluate({ task, model, out: 'runs/x' }); } catch (e) { refused = String(e.message); }
  return { accuracy: result.metrics.accuracy.value, refused };
};
`;

async function bundle(platform: 'browser' | 'node'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'medeval-seam-'));
  writeFileSync(join(dir, 'entry.mjs'), ENTRY);
  const out = await build({
    entryPoints: [join(dir, 'entry.mjs')], bundle: true, write: false, format: 'esm', platform,
    nodePaths: [join(root, 'node_modules')], external: ['openai'], logLevel: 'silent',
    // as a user's bundler sees the published package: no tsconfig of this repository (its paths are for our sources)
    tsconfigRaw: '{}',
  });
  return out.outputFiles[0]!.text;
}

describe.skipIf(!built)('#platform seam (built packages)', () => {
  it('bundled for a browser: platform/browser.js and no Node built-in', async () => {
    const code = await bundle('browser');
    expect(code).toContain('core/dist/platform/browser.js');
    expect(code).not.toContain('core/dist/platform/node.js');
    expect(code).not.toMatch(/["']node:[a-z/]+["']/);
  });

  it('bundled for Node: platform/node.js with its node:http fetch', async () => {
    const code = await bundle('node');
    expect(code).toContain('core/dist/platform/node.js');
    expect(code).not.toContain('core/dist/platform/browser.js');
    expect(code).toContain('createNodeFetch');
  });

  it.skipIf(!existsSync(CHROMIUM))('runs an evaluation in headless Chromium; a run folder path is refused with what to pass instead', async () => {
    const code = await bundle('browser');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: code, type: 'module' });
      await page.waitForFunction(() => typeof (globalThis as { seam?: unknown }).seam === 'function');
      const out = await page.evaluate(() => (globalThis as unknown as { seam: () => Promise<{ accuracy: number; refused: string }> }).seam());
      expect(errors).toEqual([]);
      expect(out.accuracy).toBe(75); // 15 of 20 answered with the target
      expect(out.refused).toBe('writing a run folder needs Node or Deno; in this runtime pass a RecordSink object as `out`');
    } finally {
      await browser.close();
    }
  });
});
