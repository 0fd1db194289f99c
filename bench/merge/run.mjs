#!/usr/bin/env node
// bench/merge: mergeRuns() memory and time as the number of shards grows. Writes S synthetic shard
// folders of R records each (a toy multiple-choice task: one 0/1 accuracy item and a department slice per
// record; positions interleaved as a hash assignment gives them), then merges them in a child process into
// a sink that discards records, and reports the child's peak RSS. Records stream through a k-way merge, so
// memory should grow only with what the aggregator must keep per record (its metric items), not with the
// size of the records. Uses the built packages (npm run build first). Writes bench/results/merge.json.
// usage: node bench/merge/run.mjs [--records 10000] [--shards 10,100]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const perShard = Number(opt('--records', '10000'));
const shardCounts = String(opt('--shards', '10,100')).split(',').map(Number);

if (!existsSync(join(root, 'packages/core/dist/node/index.js')) && !existsSync(join(root, 'packages/core/dist/node.js'))) {
  const built = existsSync(join(root, 'packages/core/dist/index.js'));
  if (!built) {
    console.log('bench/merge: skipped — packages/core/dist is absent (npm run build).');
    process.exit(0);
  }
}

// The toy task, as a module the child can import too.
const work = mkdtempSync(join(tmpdir(), 'medeval-bench-merge-'));
const taskModule = join(work, 'toy-task.mjs');
writeFileSync(
  taskModule,
  `const DEPTS = ['内科', '外科', '儿科', '妇产科'];
export const accuracy = { name: 'accuracy', signature: 'accuracy|bench|v1', higherIsBetter: true, scale: 'percent', pairedTest: 'mcnemar',
  item: ({ sample, prediction }) => (prediction === sample.target ? 1 : 0),
  aggregate: (items) => (items.length ? (100 * items.reduce((a, b) => a + b, 0)) / items.length : NaN), sampleScore: (x) => 100 * x };
export function toyTask(n) {
  return { name: 'bench-mcq', version: '1', promptId: 'p@1', protocol: { name: 'bench', signature: 'bench|v1' }, sliceDimensions: ['dept'],
    dataset: { name: 'bench', source: 'memory:bench', async *samples() { for (let i = 0; i < n; i++) yield { id: String(i), input: 'Q' + i, target: 'ABCDE'[i % 5], meta: { dept: DEPTS[i % 4] } }; },
      summary: () => ({ source: 'memory:bench', read: n, loaded: n, skipped: 0, reasons: {}, problems: [] }) },
    render: (s) => ({ messages: [{ role: 'user', content: s.input }] }),
    parse: (output) => ({ prediction: output.trim() || null, status: output.trim() ? 'ok' : 'empty' }),
    metrics: [accuracy] };
}
`,
);

const { evaluate, fromFunction } = await import('@medeval/core');
const { toyTask } = await import(taskModule);

/** S shard folders of R records each; results.json from one real shard run (same configuration for all). */
async function writeShards(S, records = perShard) {
  const template = join(work, `template-${S}-${records}`);
  await evaluate({ task: toyTask(50), model: fromFunction((r) => 'A', { id: 'bench:always-a' }), out: template, shard: { index: 0, count: S } });
  const results = JSON.parse(readFileSync(join(template, 'results.json'), 'utf8'));
  const dirs = [];
  for (let i = 0; i < S; i++) {
    const dir = join(work, `s${S}-${records}-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ ...results, shard: { ...results.shard, index: i } }));
    const lines = [];
    for (let j = 0; j < records; j++) {
      const position = j * S + i;
      const gold = 'ABCDE'[position % 5];
      const right = position % 3 !== 0;
      const prediction = right ? gold : 'A';
      const item = prediction === gold ? 1 : 0;
      lines.push(JSON.stringify({ id: String(position), target: gold, output: `答案：${prediction}。解释：这是第${position}题的解释，较长一些以模拟真实的输出。`, prediction, status: 'ok',
        scores: { accuracy: 100 * item }, items: { accuracy: item }, meta: { dept: ['内科', '外科', '儿科', '妇产科'][position % 4] }, cached: false, input: `Q${position}`, attempts: 1, position }));
    }
    writeFileSync(join(dir, 'records.jsonl'), lines.join('\n') + '\n');
    dirs.push(dir);
  }
  return dirs;
}

const child = `
const { mergeRuns } = await import('@medeval/core/node');
const { toyTask } = await import(${JSON.stringify(taskModule)});
const dirs = JSON.parse(process.argv[1]);
let n = 0;
const started = performance.now();
const result = await mergeRuns({ dirs, task: toyTask(0), out: { write() { n++; }, async finish() {} } });
const ms = performance.now() - started;
console.log(JSON.stringify({ records: n, accuracy: result.metrics.accuracy.value, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const rows = [];
console.log(`bench/merge: ${perShard} records per shard; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
// Each shard count as Node runs it by default, then the largest again with the old generation capped at
// 64 MB: that it still completes shows the live memory is small, and the default's larger peak is garbage
// V8 has not collected yet (it grows the heap lazily), not records held.
// Then the largest total again in the fewest shards (10 × 100,000 for the defaults): it tells what grows with
// the number of records from what grows with the number of shards read at once.
const largest = shardCounts.at(-1);
const plan = [
  ...shardCounts.map((S) => ({ S, records: perShard, heapMb: 0 })),
  { S: largest, records: perShard, heapMb: 64 },
  ...(shardCounts[0] < largest ? [{ S: shardCounts[0], records: (perShard * largest) / shardCounts[0], heapMb: 0 }] : []),
];
const written = new Map();
for (const { S, records, heapMb } of plan) {
  const dirs = written.get(`${S}×${records}`) ?? (await writeShards(S, records));
  written.set(`${S}×${records}`, dirs);
  const run = spawnSync(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--input-type=module', '-e', child, JSON.stringify(dirs)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const row = { shards: S, perShard: records, heapCapMb: heapMb || null, ...JSON.parse(run.stdout.trim().split('\n').at(-1)) };
  row.bytesPerRecord = Math.round((row.maxRssMb * 1024 * 1024) / row.records);
  rows.push(row);
  console.log(`  ${String(S).padStart(4)} shards × ${records}${heapMb ? ` (heap capped at ${heapMb} MB)` : ''} = ${String(row.records).padStart(8)} records: ${(row.ms / 1000).toFixed(2)} s, peak RSS ${row.maxRssMb.toFixed(0)} MB (${row.bytesPerRecord} B/record), accuracy ${row.accuracy.toFixed(4)}`);
}
if (rows.length >= 3) {
  const [a, b] = [rows[0], rows[shardCounts.length - 1]];
  const grow = (b.maxRssMb - a.maxRssMb) / ((b.records - a.records) / 1e6);
  console.log(`  peak RSS grows ${grow.toFixed(0)} MB per million more records by default; with the heap capped the 1M-record merge peaks at ${rows[shardCounts.length].maxRssMb.toFixed(0)} MB`);
}
rmSync(work, { recursive: true, force: true });
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/merge.json'), JSON.stringify({ perShard, rows, load: loadavg() }, null, 2));
