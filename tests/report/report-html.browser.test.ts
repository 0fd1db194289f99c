// report.html in real headless Chromium (Debian's `chromium`): it renders, loads nothing from the network,
// and model text containing <script>/<img onerror> does not execute. Saves test-artifacts/report.png.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, renderComparisonHtml, renderHtml } from '@medeval/core';
import { fixtureAccuracy, fixtureLength, fixtureRun, iterate } from '../../packages/core/src/report/test-fixture.js';

const CHROMIUM = process.env.MEDEVAL_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[report-html] skipped: ${CHROMIUM} not found (apt-get install chromium, or set MEDEVAL_CHROMIUM)`);

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const { result, records } = fixtureRun(60);
    mkdirSync(artifacts, { recursive: true });
    file = join(artifacts, 'report.html');
    writeFileSync(file, await renderHtml(result, iterate(records)));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders tables and charts, makes no network request, runs no injected script', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300); // let any (unwanted) onerror handler or late request fire

    expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    // CSP violations would be logged as console errors: the page itself must not cause any
    expect(consoleErrors).toEqual([]);

    expect(await page.locator('table').count()).toBe(5);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Overall', 'Charts', 'Difficulty level', 'Medical Discipline', 'Clinical Department', 'Samples']),
    );
    // the payload is visible as text
    const outputCell = page.locator('#medeval-samples tbody tr').nth(3);
    expect(await outputCell.innerText()).toContain('<script>window.__pwned=1;alert(1)</script>');

    // the inline filter script works (allowed by its CSP hash)
    await page.fill('#medeval-q', '第12题');
    expect(await page.locator('#medeval-samples tbody tr:not([hidden])').count()).toBe(1);
    await page.fill('#medeval-q', '');
    await page.selectOption('#medeval-s', 'unparsed');
    const unparsed = await page.locator('#medeval-samples tbody tr:not([hidden])').count();
    expect(unparsed).toBeGreaterThan(0);
    expect(await page.locator('#medeval-c').innerText()).toBe(`${unparsed} of 60 shown`);
    await page.selectOption('#medeval-s', '');

    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    await page.close();
  });

  it('renders a comparison page with no script and no request', async () => {
    const a = fixtureRun(60, 0), b = fixtureRun(60, 3);
    const comparison = await compare({
      runs: [
        { name: 'baseline-A', results: a.result, records: iterate(a.records) },
        { name: 'model-B<script>window.__pwned=9</script>', results: b.result, records: iterate(b.records) },
      ],
      metrics: [fixtureAccuracy, fixtureLength],
      bootstrapSamples: 200,
    });
    const compareFile = join(artifacts, 'compare.html');
    writeFileSync(compareFile, renderComparisonHtml(comparison));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => void d.dismiss());
    const url = pathToFileURL(compareFile).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('table').count()).toBe(4);
    expect(await page.locator('svg.chart').count()).toBe(3);
    expect(await page.locator('h1').innerText()).toContain('model-B<script>');
    await page.screenshot({ path: join(artifacts, 'compare.png'), fullPage: true });
    await page.close();
  });
});
