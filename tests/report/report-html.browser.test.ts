// report.html and the comparison page in real headless Chromium (Debian's `chromium`): the sample viewer
// opens a full CMExam-sized run, reaches its last sample, filters with the right counts, keeps hostile
// model text inert, lays out Chinese with a real font, follows the system's dark mode and prints without
// its controls. Expected counts are computed here from the records, not read from the viewer's code.
// Screenshots go to test-artifacts/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, inlineViewer, renderComparisonHtml, renderComparisonReport, renderHtml, type EvalRecord } from '@medeval/core';
import { fixtureAccuracy, fixtureLength, fixtureRun, iterate, XSS_OUTPUT } from '../../packages/core/src/report/test-fixture.js';

const CHROMIUM = process.env.MEDEVAL_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[report-html] skipped: ${CHROMIUM} not found (apt-get install chromium, or set MEDEVAL_CHROMIUM)`);

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');
/** The CMExam test split's size: the viewer must open a full run of it. */
const CMEXAM_TEST = 6811;

type Watch = { requests: string[]; dialogs: string[]; errors: string[] };

async function open(browser: Browser, file: string, options: { hash?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; watch: Watch; url: string }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  const watch: Watch = { requests: [], dialogs: [], errors: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('dialog', (d) => { watch.dialogs.push(d.message()); void d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(m.text()); });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  const url = pathToFileURL(file).href;
  await page.goto(url + (options.hash ?? ''), { waitUntil: 'load' });
  await page.waitForSelector('html[data-viewer="ready"]', { timeout: 30_000 });
  return { page, watch, url };
}

const countText = (page: Page) => page.locator('#mv-count').innerText();
/** Picks the option of a facet select whose text starts with `name (`. */
async function pick(page: Page, facet: string, name: string | null): Promise<void> {
  const select = page.locator(`select[aria-label="${facet}"]`);
  if (name === null) return void (await select.selectOption(''));
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const hit = options.find((o) => o.text.startsWith(`${name} (`));
  if (!hit) throw new Error(`no option "${name}" in ${facet}: ${options.map((o) => o.text).join(' | ')}`);
  await select.selectOption(hit.value);
}

/** Independent of the viewer: the outcome a careful reader assigns from a record (accuracy is 0/1). */
function outcome(r: EvalRecord): string {
  if (r.status !== 'ok') return r.status;
  return (r.scores['accuracy'] ?? 0) > 0 ? 'correct' : 'wrong';
}

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  const big = fixtureRun(CMEXAM_TEST);
  const small = fixtureRun(60);
  let bigFile: string;
  let smallFile: string;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(artifacts, { recursive: true });
    smallFile = join(artifacts, 'report.html');
    writeFileSync(smallFile, await renderHtml(small.result, iterate(small.records)));
    bigFile = join(artifacts, 'report-6811.html');
    writeFileSync(bigFile, await renderHtml(big.result, iterate(big.records)));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no network request and runs no injected script; hostile output is shown as text', async () => {
    const { page, watch, url } = await open(browser, smallFile);
    await page.waitForTimeout(300); // let any (unwanted) onerror handler or late request fire
    expect(watch.requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]); // a CSP violation would be logged here
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script:not([type="application/json"])').count()).toBe(1);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Overall', 'Charts', 'Difficulty level', 'Medical Discipline', 'Clinical Department', 'Legend', 'Samples']),
    );
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(4);

    // the hostile sample: output as text, question as text, nothing executed
    await page.locator('.vrow[data-i="3"]').click();
    expect(await page.locator('#mv-detail pre.text').first().innerText()).toBe('第3题：患者男，45岁，下列哪项最可能？');
    expect(await page.locator('#mv-detail .run pre.text').first().innerText()).toBe(XSS_OUTPUT);
    await page.locator('.vrow[data-i="4"]').click();
    expect(await page.locator('#mv-detail pre.text').first().innerText()).toBe('问题<script>window.__pwned=3</script>');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('#mv-detail img, #mv-detail script, #mv-detail b').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    await page.close();
  });

  it('shows each sample in full: prompt, output with the read span marked, reasoning, gold, scores, tokens, latency', async () => {
    const { page } = await open(browser, smallFile);
    const r = small.records[2]!; // has reasoning; status ok
    await page.locator('.vrow[data-i="2"]').click();
    const detail = page.locator('#mv-detail');
    expect(await detail.locator('h3').innerText()).toBe('Sample 2');
    expect(await detail.locator('mark').innerText()).toBe(r.extraction!.span);
    const text = await detail.innerText();
    expect(text).toContain(`gold\n${String(r.target)}`);
    expect(text).toContain(`rule\n${r.extraction!.rule}`);
    expect(text).toContain(`tokens\n${r.usage!.prompt_tokens} in · ${r.usage!.completion_tokens} out`);
    expect(text).toContain(`latency\n${r.latencyMs} ms`);
    expect(text).toContain('attempts\n1');
    expect(text).toContain('Medical Discipline\nPharm (药学)');
    // reasoning and prompt are folded until opened
    const reasoning = detail.locator('details').filter({ hasText: 'reasoning' });
    expect(await reasoning.locator('pre').isVisible()).toBe(false);
    await reasoning.locator('summary').click();
    expect(await reasoning.locator('pre').innerText()).toBe(r.reasoning);
    const prompt = detail.locator('details').filter({ hasText: 'prompt (2 messages)' });
    await prompt.locator('summary').click();
    expect(await prompt.locator('pre').nth(1).innerText()).toBe(r.prompt![1]!.content);
    // the error sample shows its error and attempts
    await page.locator('.vrow[data-i="11"]').click();
    expect(await detail.innerText()).toContain('error\nHTTP 500 <server error>');
    expect(await detail.innerText()).toContain('attempts\n3');
    await page.close();
  });

  it(`opens a ${CMEXAM_TEST}-sample run, reaches the last sample, and links to a sample stably`, async () => {
    const { page } = await open(browser, bigFile);
    expect(await countText(page)).toBe(`${CMEXAM_TEST} of ${CMEXAM_TEST} samples`);
    // virtualised: only the visible rows exist
    expect(await page.locator('.vrow').count()).toBeLessThan(100);
    await page.locator('#mv-list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    const last = page.locator(`.vrow[data-i="${CMEXAM_TEST - 1}"]`);
    await last.waitFor();
    await last.click();
    expect(await page.locator('#mv-detail h3').innerText()).toBe(`Sample ${CMEXAM_TEST - 1}`);
    expect(new URL(page.url()).hash).toBe(`#s=${CMEXAM_TEST - 1}`);
    // keyboard: up from the last sample
    await page.locator('#mv-list').press('ArrowUp');
    expect(await page.locator('#mv-detail h3').innerText()).toBe(`Sample ${CMEXAM_TEST - 2}`);
    await page.close();

    // the link opens the same sample, scrolled into view
    const linked = await open(browser, bigFile, { hash: '#s=5000' });
    expect(await linked.page.locator('#mv-detail h3').innerText()).toBe('Sample 5000');
    expect(await linked.page.locator('.vrow[data-i="5000"]').isVisible()).toBe(true);
    await linked.page.close();
  });

  it('filters by outcome, slice, extraction rule and text, with counts that match the records', async () => {
    const { page } = await open(browser, bigFile);
    const records = big.records;
    const count = (pred: (r: EvalRecord) => boolean) => records.filter(pred).length;

    for (const o of ['correct', 'wrong', 'unparsed', 'empty', 'error']) {
      await pick(page, 'outcome', o);
      expect(await countText(page)).toBe(`${count((r) => outcome(r) === o)} of ${CMEXAM_TEST} samples`);
    }
    await pick(page, 'outcome', 'not correct');
    const notCorrect = count((r) => outcome(r) !== 'correct');
    expect(await countText(page)).toBe(`${notCorrect} of ${CMEXAM_TEST} samples`);

    // a slice shown by its abbreviation, combined with the outcome filter
    await pick(page, 'Medical Discipline', 'ClinMed');
    const clinMedNotCorrect = count((r) => outcome(r) !== 'correct' && r.meta['Medical Discipline'] === '临床医学');
    expect(await countText(page)).toBe(`${clinMedNotCorrect} of ${CMEXAM_TEST} samples`);
    // facet counts: each option counts the samples the other filters let through
    const options = await page.locator('select[aria-label="Medical Discipline"] option').allTextContents();
    expect(options).toContain(`TCM (${count((r) => outcome(r) !== 'correct' && r.meta['Medical Discipline'] === '中医学')})`);
    // the missing annotation (null) is its own value
    await pick(page, 'Medical Discipline', null);
    await pick(page, 'outcome', null);
    await pick(page, 'Clinical Department', 'N/A');
    expect(await countText(page)).toBe(`${count((r) => r.meta['Clinical Department'] === null)} of ${CMEXAM_TEST} samples`);
    await pick(page, 'Clinical Department', null);

    await pick(page, 'extraction rule', 'option-text');
    expect(await countText(page)).toBe(`${count((r) => r.extraction?.rule === 'option-text')} of ${CMEXAM_TEST} samples`);
    await pick(page, 'extraction rule', null);

    // free text over id, question, gold, prediction, output and error
    const haystack = (r: EvalRecord) => [r.id, r.input ?? '', String(r.target), String(r.prediction ?? ''), r.output ?? '', r.error ?? ''].join('\u0001').toLowerCase();
    for (const needle of ['第12题', 'http 500', '解释：第6810题']) {
      await page.fill('#mv-q', needle);
      await page.waitForFunction((n) => document.getElementById('mv-count')!.textContent!.startsWith(`${n} of`), count((r) => haystack(r).includes(needle.toLowerCase())));
    }
    await page.fill('#mv-q', '');
    await page.waitForFunction((n) => document.getElementById('mv-count')!.textContent === `${n} of ${n} samples`, CMEXAM_TEST);
    await page.close();
  });

  it('lays out Chinese with a real font, not blank boxes', async () => {
    const { page } = await open(browser, smallFile);
    const cell = page.locator('table.legend td').filter({ hasText: '临床医学' }).first();
    // The font Chromium actually used for the glyphs (DevTools protocol), then a pixel comparison with the
    // same cell holding characters no font has (private use area): those render as .notdef boxes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1 });
    await cell.evaluate((el) => el.setAttribute('data-cjk-probe', '1'));
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: '[data-cjk-probe]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const cjkFonts = fonts.filter((f) => f.glyphCount > 0);
    expect(cjkFonts.length).toBeGreaterThan(0);
    // the font that drew the text is one the page's stack names (e.g. WenQuanYi Micro Hei on Debian)
    const stack = await cell.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(cjkFonts.some((f) => stack.includes(f.familyName))).toBe(true);
    const probe = page.locator('[data-cjk-probe]');
    const real = await probe.screenshot();
    await probe.evaluate((el) => { el.textContent = '\uE000\uE001\uE002\uE003'; });
    const boxes = await probe.screenshot();
    expect(real.equals(boxes)).toBe(false);
    await probe.evaluate((el) => { el.textContent = '\uE004\uE005\uE006\uE007'; });
    // sanity: two strings of unrenderable characters are indistinguishable boxes, so the check above can fail
    expect((await probe.screenshot()).equals(boxes)).toBe(true);
    await probe.evaluate((el) => { el.textContent = '二尖瓣狭窄'; });
    await probe.screenshot({ path: join(artifacts, 'cjk-real.png') });
    await page.close();
  });

  it('follows the system dark mode, keeps text readable and prints without its controls', async () => {
    const dark = await open(browser, smallFile, { colorScheme: 'dark' });
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    };
    const colours = await dark.page.locator('main.medeval').evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color }));
    expect(luminance(colours.bg)).toBeLessThan(0.2);
    expect(luminance(colours.fg)).toBeGreaterThan(0.7);
    await dark.page.screenshot({ path: join(artifacts, 'report-dark.png') });
    await dark.page.emulateMedia({ media: 'print', colorScheme: 'light' });
    expect(await dark.page.locator('#mv-list').isVisible()).toBe(false);
    expect(await dark.page.locator('#mv-q').isVisible()).toBe(false);
    expect(await dark.page.locator('#mv-detail').isVisible()).toBe(true);
    expect(await dark.page.locator('table').first().isVisible()).toBe(true);
    await dark.page.close();
  });

  it('shows two runs side by side with the paired tests on top and an "A right, B wrong" filter', async () => {
    const a = fixtureRun(300, 0), b = fixtureRun(300, 3);
    // B lacks two samples: only common samples are shown
    const bRecords = b.records.filter((r) => r.id !== '7' && r.id !== '8');
    const runs = [
      { name: 'baseline-A', result: a.result, records: a.records },
      { name: 'model-B<script>window.__pwned=9</script>', result: b.result, records: bRecords },
    ];
    const comparison = await compare({
      runs: runs.map((r) => ({ name: r.name, results: r.result, records: iterate(r.records) })),
      metrics: [fixtureAccuracy, fixtureLength],
      bootstrapSamples: 200,
    });
    const file = join(artifacts, 'compare.html');
    writeFileSync(file, await renderComparisonReport(comparison, runs.map((r) => ({ ...r, records: iterate(r.records) }))));
    const { page, watch, url } = await open(browser, file);
    expect(watch.requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('h1').innerText()).toContain('model-B<script>');
    expect(await page.locator('table').first().innerText()).toContain('95% CI of Δ');
    expect(await countText(page)).toBe('298 of 298 samples');

    const byId = new Map(bRecords.map((r) => [r.id, r]));
    const pairs = a.records.filter((r) => byId.has(r.id)).map((r) => [outcome(r), outcome(byId.get(r.id)!)] as const);
    await page.getByRole('button', { name: 'baseline-A right, model-B<script>window.__pwned=9</script> wrong' }).click();
    const aRightBWrong = pairs.filter(([x, y]) => x === 'correct' && y !== 'correct').length;
    expect(aRightBWrong).toBeGreaterThan(0);
    expect(await countText(page)).toBe(`${aRightBWrong} of 298 samples`);
    await page.getByRole('button', { name: 'both wrong' }).click();
    expect(await countText(page)).toBe(`${pairs.filter(([x, y]) => x !== 'correct' && y !== 'correct').length} of 298 samples`);
    // the detail shows both runs' outputs next to each other
    await page.locator('.vrow').first().click();
    expect(await page.locator('#mv-detail .run').count()).toBe(2);
    const boxes = await page.locator('#mv-detail .run').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(Math.abs(boxes[0]! - boxes[1]!)).toBeLessThan(2); // same row, side by side
    await page.screenshot({ path: join(artifacts, 'compare.png'), fullPage: true });
    await page.close();
  });

  it('keeps the table-only comparison page script-free', async () => {
    const a = fixtureRun(60, 0), b = fixtureRun(60, 3);
    const comparison = await compare({
      runs: [
        { name: 'baseline-A', results: a.result, records: iterate(a.records) },
        { name: 'model-B', results: b.result, records: iterate(b.records) },
      ],
      metrics: [fixtureAccuracy, fixtureLength],
      bootstrapSamples: 200,
    });
    const file = join(artifacts, 'compare-tables.html');
    writeFileSync(file, renderComparisonHtml(comparison));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('table').count()).toBe(4);
    await page.close();
  });

  it('runs inline in a notebook cell: the page in a sandboxed iframe', async () => {
    const host = join(artifacts, 'notebook-cell.html');
    writeFileSync(host, `<!doctype html><html><body><div class="cell">${inlineViewer(await renderHtml(small.result, iterate(small.records))).html}</div></body></html>`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(host).href, { waitUntil: 'load' });
    const frame = page.frameLocator('iframe.medeval-viewer');
    await frame.locator('html[data-viewer="ready"]').waitFor({ timeout: 30_000 });
    expect(await frame.locator('#mv-count').innerText()).toBe('60 of 60 samples');
    await frame.locator('.vrow[data-i="3"]').click();
    expect(await frame.locator('#mv-detail .run pre.text').first().innerText()).toBe(XSS_OUTPUT);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });
});
