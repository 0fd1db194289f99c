// A run folder: records.jsonl streamed while the run goes, then results.json (atomic), report.md and
// report.html. The sample viewer's data of a run of up to 20,000 records is collected as they are written; a
// larger run's is read back from records.jsonl at the end, so that it is not held for the whole run.
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { recordToLine } from '../records/jsonl.js';
import { renderHtmlParts, renderMarkdown } from '../report/index.js';
import { htmlPartsWithViewer, viewerRunName } from '../report/html-page.js';
import { viewerCollector, type ViewerCollector } from '../report/viewer-data.js';
import type { RecordSink } from '../pipeline/record-sink.js';
import type { EvalRecord, ResultJson } from '../types.js';
import { writeFileAtomic } from './atomic.js';
import { openFileSource } from './file-source.js';
import { readLines } from '../source/lines.js';

export const RUN_FILES = { results: 'results.json', records: 'records.jsonl', markdown: 'report.md', html: 'report.html' } as const;

/**
 * Buffer this many bytes of records before a write (records.jsonl is rebuilt on resume anyway). 64 KiB, not 256:
 * lines held longer outlive two young-generation collections, are promoted and die as old garbage that V8 collects
 * late (`score()` of 1M samples peaked at 291–299 MB with 256 KiB, 274–277 MB with 64 KiB, the same speed).
 */
const FLUSH_BYTES = 64 * 1024;

/**
 * Runs of at most this many records collect the viewer's data as they write them: the end of a 10,000-sample run
 * took ~65 ms less (no second read and parse of records.jsonl). Larger runs read it back: held from the first record
 * on, the data of the viewer's 100,000 samples raised `score()`'s peak RSS for a million samples from ~205 to ~350 MB.
 */
const VIEWER_AS_WRITTEN = 20_000;

/**
 * @param options.viewerAsWritten runs of up to this many records collect report.html's viewer data as they write them
 *   (default 20,000); larger ones read records.jsonl back at the end.
 */
export async function runFolderWriter(dir: string, options: { viewerAsWritten?: number } = {}): Promise<RecordSink & { readonly dir: string }> {
  await mkdir(dir, { recursive: true });
  const handle: FileHandle = await open(join(dir, RUN_FILES.records), 'w');
  let buffer: string[] = [];
  let bytes = 0;
  let closed = false;
  const viewerAsWritten = options.viewerAsWritten ?? VIEWER_AS_WRITTEN;
  let viewer: ViewerCollector | undefined = viewerCollector();
  let written = 0;

  async function flush(): Promise<void> {
    if (buffer.length === 0) return;
    const text = buffer.join('');
    buffer = [];
    bytes = 0;
    await handle.appendFile(text, 'utf8');
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await flush();
    await handle.sync();
    await handle.close();
  }

  return {
    dir,
    async write(record) {
      if (viewer && ++written > viewerAsWritten) viewer = undefined; // read back at the end instead
      viewer?.add(record);
      const line = recordToLine(record);
      buffer.push(line);
      bytes += line.length;
      if (bytes >= FLUSH_BYTES) await flush();
    },
    async finish(result: ResultJson) {
      // The viewer's data is laid out (CPU) while the records are made durable and results.json and report.md are
      // written (mostly waiting for fsync). The files land in this order: records durable, results.json, report.md,
      // report.html.
      const summaries = close()
        .then(() => writeFileAtomic(join(dir, RUN_FILES.results), `${JSON.stringify(result, null, 2)}\n`))
        .then(() => writeFileAtomic(join(dir, RUN_FILES.markdown), renderMarkdown(result)));
      let page: Iterable<string>;
      try {
        page = viewer
          ? htmlPartsWithViewer(result, viewer.data(viewerRunName(result), result))
          : await renderHtmlParts(result, ownRecords(join(dir, RUN_FILES.records)));
      } catch (error) {
        await summaries.catch(() => undefined);
        throw error;
      }
      await summaries;
      await writeFileAtomic(join(dir, RUN_FILES.html), page);
    },
    async abort() {
      await close();
    },
  };
}

/**
 * The records this writer has just written, read back for the report without validating each line again:
 * they were built and typed in this process (validation is for files from elsewhere, `readRunFolder`), and
 * checking 10,000 lines with the schema took longer than rendering the report from them.
 */
async function* ownRecords(path: string): AsyncGenerator<EvalRecord> {
  for await (const { line } of readLines(await openFileSource(path, { reuseBuffer: true }))) {
    if (line.trim() !== '') yield JSON.parse(line) as EvalRecord;
  }
}
