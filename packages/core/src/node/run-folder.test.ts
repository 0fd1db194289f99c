// The run folder's report.html is rendered from the viewer data collected while the records were written; it must
// be the page a later `renderHtml` gives from the folder's own records.jsonl and results.json.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown } from '../report/index.js';
import { fixtureRun } from '../report/test-fixture.js';
import { readRunFolder } from './read-run-folder.js';
import { runFolderWriter, RUN_FILES } from './run-folder.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-run-folder-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('runFolderWriter', () => {
  it.each([
    ['collected as written', undefined],
    ['read back at the end (a run above viewerAsWritten)', 699],
  ])('writes records, results, report.md and a report.html equal to one rendered later from the folder: viewer data %s', async (_how, viewerAsWritten) => {
    const { result, records } = fixtureRun(700);
    const writer = await runFolderWriter(join(dir, 'run'), viewerAsWritten === undefined ? {} : { viewerAsWritten });
    for (const record of records) await writer.write(record);
    await writer.finish(result);
    const folder = await readRunFolder(join(dir, 'run'));
    const read: unknown[] = [];
    for await (const record of folder.records()) read.push(record);
    expect(read).toHaveLength(700);
    expect(folder.results).toEqual(JSON.parse(JSON.stringify(result)));
    expect(await readFile(join(dir, 'run', RUN_FILES.markdown), 'utf8')).toBe(renderMarkdown(result));
    const page = await readFile(join(dir, 'run', RUN_FILES.html), 'utf8');
    expect(page).toBe(await renderHtml(folder.results, folder.records()));
    expect(page).toContain('"samples":[["0",');
  });
});
