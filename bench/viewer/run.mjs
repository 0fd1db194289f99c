#!/usr/bin/env node
// bench/viewer: how fast report.html's sample viewer opens and filters in headless Chromium for large runs.
// Synthetic records shaped like a Huatuo-26M test run (question ≈ 60 characters, answer ≈ 300, a system +
// user prompt, usage, latency, an extraction rule, five annotation dimensions), rendered with the built
// renderHtml. Reference in the same run: a page holding the same data block whose only script is
// JSON.parse of it — the floor any embedded-data viewer pays — so the ratio is stable on a busy machine.
// Needs the build (npm run build) and Debian's chromium. Writes bench/results/viewer.json.
// usage: node bench/viewer/run.mjs [--samples 6811,68000]
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const sizes = String(opt('--samples', '6811,68000')).split(',').map(Number);
const CHROMIUM = process.env.MEDEVAL_CHROMIUM ?? '/usr/bin/chromium';
const coreEntry = join(root, 'packages/core/dist/index.js');
if (!existsSync(coreEntry)) { console.log('bench/viewer: skipped — packages/core/dist is absent (npm run build).'); process.exit(0); }
if (!existsSync(CHROMIUM)) { console.log(`bench/viewer: skipped — ${CHROMIUM} not found.`); process.exit(0); }
const { renderHtml } = await import(pathToFileURL(coreEntry).href);
const { chromium } = await import('playwright-core');

const CHARS = '患者男性四十五岁反复咳嗽咳痰伴发热三天既往有高血压病史查体双肺可闻及湿啰音建议完善胸片血常规检查考虑社区获得性肺炎可予抗感染治疗注意休息多饮水';
const text = (seed, n) => { let s = ''; for (let i = 0; i < n; i++) s += CHARS[(seed * 31 + i * 7) % CHARS.length]; return s; };
const DEPTS = ['内科', '外科', '儿科', '妇产科', '中医科', '皮肤科'];

function run(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const ok = i % 19 !== 3;
    const q = text(i, 40 + (i % 40));
    records.push({
      id: String(i), target: text(i + 1, 200 + (i % 200)), output: ok ? text(i + 2, 200 + (i % 200)) : '', prediction: ok ? 'x' : null,
      status: ok ? 'ok' : 'empty', scores: { accuracy: ok && i % 3 ? 100 : 0 }, items: { accuracy: ok && i % 3 ? 1 : 0 },
      meta: { dept: DEPTS[i % 6], level: 1 + (i % 5), group: `G${i % 17}`, area: `A${i % 4}`, disc: `D${i % 7}` }, cached: false,
      input: q, prompt: [{ role: 'system', content: '你是一名医生，请回答患者的问题。' }, { role: 'user', content: q }],
      extraction: ok ? { rule: i % 2 ? 'answer-line' : 'option-text', span: 'x' } : undefined,
      usage: { prompt_tokens: 80, completion_tokens: 150, total_tokens: 230 }, latencyMs: 400 + (i % 50), attempts: 1,
    });
  }
  const slices = {};
  for (const dim of ['dept', 'level', 'group', 'area', 'disc']) {
    slices[dim] = {};
    for (const r of records) slices[dim][String(r.meta[dim])] ??= { n: 0, metrics: {} };
    for (const r of records) slices[dim][String(r.meta[dim])].n++;
  }
  const result = {
    schemaVersion: 1,
    task: { name: 'bench', version: '1', promptId: 'p@1', dataset: { source: 'memory:bench', sha256: null, samples: n, load: null } },
    model: { id: 'bench-model' }, protocol: { name: 'bench', signature: 'bench|v1' },
    metrics: { accuracy: { value: 60, ci95: [59, 61], n, signature: 'accuracy|bench', interval: 'wilson', scale: 'percent' } },
    slices, counts: { samples: n, scored: n, unparsed: 0, empty: 0, errors: 0 },
    manifest: { startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T00:01:00Z', seed: 0, bootstrapSamples: 1000 },
  };
  return { result, records };
}

async function* each(xs) { yield* xs; }
const work = mkdtempSync(join(tmpdir(), 'medeval-bench-viewer-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const rows = [];
try {
  for (const n of sizes) {
    const { result, records } = run(n);
    let t = performance.now();
    const html = await renderHtml(result, each(records));
    const renderMs = performance.now() - t;
    const file = join(work, `report-${n}.html`);
    writeFileSync(file, html);
    const block = /<script type="application\/json" id="medeval-data">[^<]*<\/script>/.exec(html)[0];
    const floorFile = join(work, `floor-${n}.html`);
    // The floor page's script parses the same block; inline scripts need no CSP here (no CSP on this page).
    writeFileSync(floorFile, `<!doctype html><html><body>${block}<script>JSON.parse(document.getElementById('medeval-data').textContent);document.documentElement.setAttribute('data-viewer','ready')</script></body></html>`);
    const time = async (f, after) => {
      const best = [];
      for (let k = 0; k < 3; k++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const start = performance.now();
        await page.goto(pathToFileURL(f).href, { waitUntil: 'load' });
        await page.waitForSelector('html[data-viewer="ready"]', { timeout: 120_000 });
        const open = performance.now() - start;
        const extra = after ? await after(page) : {};
        best.push({ open, ...extra });
        await page.close();
      }
      best.sort((a, b) => a.open - b.open);
      return best[1]; // the median of three
    };
    const viewer = await time(file, async (page) => {
      let s = performance.now();
      const select = page.locator('select[aria-label="outcome"]');
      const value = await select.locator('option', { hasText: /^wrong/ }).getAttribute('value');
      const before = await page.locator('#mv-count').innerText();
      await select.selectOption(value);
      await page.waitForFunction((b) => document.getElementById('mv-count').textContent !== b, before);
      const filterMs = performance.now() - s;
      s = performance.now();
      await page.fill('#mv-q', '肺炎抗感染');
      await page.waitForFunction((all) => document.getElementById('mv-count').textContent !== all, await page.locator('#mv-count').innerText());
      const searchMs = performance.now() - s;
      return { filterMs, searchMs };
    });
    const floor = await time(floorFile);
    const row = {
      samples: n, htmlMB: +(statSync(file).size / 1e6).toFixed(1), renderMs: Math.round(renderMs),
      openMs: Math.round(viewer.open), floorOpenMs: Math.round(floor.open), ratio: +(viewer.open / floor.open).toFixed(2),
      filterMs: Math.round(viewer.filterMs), searchMs: Math.round(viewer.searchMs),
    };
    rows.push(row);
    console.log(`viewer ${n} samples: ${row.htmlMB} MB, render ${row.renderMs} ms (Node), open ${row.openMs} ms vs ${row.floorOpenMs} ms for JSON.parse alone (×${row.ratio}), filter ${row.filterMs} ms, first search ${row.searchMs} ms`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/viewer.json'), `${JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), rows }, null, 2)}\n`);
