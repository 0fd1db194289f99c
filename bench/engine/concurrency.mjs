// bench/engine/concurrency: samples per second of `evaluate()` through `openaiCompatible` at concurrency
// 1…64 against three loopback servers (each its own process): a fast one (20 ms a request), a slow one
// (250 ms, an API or a large model with batching) and a capacity-limited one (50 ms, at most 4 requests at a
// time, the rest queued: Ollama's default parallelism or a small GPU). The default concurrency of
// `medeval run` / `evaluate()` is chosen from this table (docs/engine.md). Uses the BUILT packages.
// usage: node bench/engine/concurrency.mjs   (writes bench/results/concurrency.json)
import { execFileSync } from 'node:child_process';
import { startServer } from './start-server.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const LEVELS = [1, 4, 8, 16, 32, 64];
const SERVERS = [
  { name: 'fast (20 ms)', latencyMs: 20, capacity: Infinity },
  { name: 'slow (250 ms)', latencyMs: 250, capacity: Infinity },
  { name: 'capacity 4 (50 ms)', latencyMs: 50, capacity: 4 },
];


const rows = {};
const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, servers: [] };
for (const s of SERVERS) {
  const server = await startServer(s.latencyMs, s.capacity);
  const perLevel = {};
  try {
    for (const c of LEVELS) {
      // About 1.5 s of ideal work per level (at least 4 rounds), at most 400 samples on the queued server.
      let samples = Math.max(4 * c, Math.round((c * 1500) / s.latencyMs));
      if (Number.isFinite(s.capacity)) samples = Math.min(samples, 400);
      const out = execFileSync(process.execPath, [here('./scenarios.mjs'), 'sweep', server.url, String(c), String(samples)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const r = JSON.parse(out.trim().split('\n').at(-1));
      if (r.errors) throw new Error(`${s.name} @${c}: ${r.errors} errors`);
      perLevel[c] = r.samplesPerSecond;
    }
  } finally {
    server.stop();
  }
  rows[s.name] = perLevel;
  results.servers.push({ ...s, capacity: Number.isFinite(s.capacity) ? s.capacity : null, samplesPerSecond: perLevel });
}
await mkdir(here('../results'), { recursive: true });
await writeFile(here('../results/concurrency.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('bench/engine/concurrency: samples per second by concurrency');
console.table(rows);
