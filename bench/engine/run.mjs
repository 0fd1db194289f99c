// bench/engine: (1) 10,000 samples at concurrency 64 against a loopback server with 20 ms latency,
// wall time vs the ideal 10,000 / 64 × 20 ms = 3.125 s, and peak memory; (2) 1,000,000 tiny samples
// through score(), peak RSS. Baselines: the same 10,000 requests with plain fetch and with plain node:http
// (keep-alive), no engine, and two floors: a raw TCP socket with no HTTP library (what no client can beat against
// this server) and the 20 ms timers alone; (3) evaluate() twice with the file cache (fill, then all hits), 100k samples by
// default (BENCH_RUN_SAMPLES). Every scenario also reports its process's CPU time (load-insensitive, unlike
// wall time). Uses the BUILT packages (npm run build first). Writes bench/results/engine.json.
import { execFileSync } from 'node:child_process';
import { startServer } from './start-server.mjs';
import os from 'node:os';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!existsSync(here('../../packages/core/dist/index.js'))) {
  console.error('bench/engine: packages/core/dist is missing; run `npm run build` first');
  process.exit(1);
}

/** `count` chat requests, 64 at a time, through node:http with keep-alive; answers read and dropped. */
async function warmUp(baseURL, count) {
  const { Agent, request } = await import('node:http');
  const agent = new Agent({ keepAlive: true });
  const url = new URL(`${baseURL}/chat/completions`);
  let next = 0;
  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < count) await post(JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: `Q${next++}` }] }));
    }),
  );
  agent.destroy();
}

function runScenario(args) {
  const out = execFileSync(process.execPath, [here('./scenarios.mjs'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1));
}


const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
const server = await startServer(20);
// The server's own JIT warm-up is not the client's cost: 5,000 untimed requests first, so every scenario below
// meets the same warm server (the first scenario used to meet a cold one: ~0.04× of its ratio).
await warmUp(server.url, 5_000);
let evaluateResult;
let warmResult;
let fetchResult;
let httpResult;
let rawResult;
try {
  evaluateResult = runScenario(['evaluate', server.url]);
  warmResult = runScenario(['evaluate-warm', server.url]);
  fetchResult = runScenario(['fetch', server.url]);
  httpResult = runScenario(['http', server.url]);
  rawResult = runScenario(['raw-socket', server.url]);
} finally {
  server.stop();
}
const noHttpResult = runScenario(['evaluate-no-http']);
const timersResult = runScenario(['timers']);
const scoreResult = runScenario(['score']);
const runCacheResult = runScenario(['run-cache']);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverageAtStart: loadAtStart,
  loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  evaluate: evaluateResult,
  evaluateWarm: warmResult,
  evaluateWithoutHttp: noHttpResult,
  fetchBaseline: fetchResult,
  httpBaseline: httpResult,
  rawSocketFloor: rawResult,
  timersFloor: timersResult,
  score: scoreResult,
  runWithCache: runCacheResult,
};
await mkdir(here('../results'), { recursive: true });
await writeFile(here('../results/engine.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('bench/engine');
console.table({
  'evaluate 10k @64, 20 ms': { wall_s: evaluateResult.wallMs / 1000, ideal_s: evaluateResult.idealMs / 1000, ratio: evaluateResult.ratio, cpu_s: evaluateResult.cpuMs / 1000, peak_rss_MB: evaluateResult.peakRssMB, errors: evaluateResult.errors },
  'same, 3rd run in one process (warm JIT)': { wall_s: warmResult.wallMs / 1000, ideal_s: warmResult.idealMs / 1000, ratio: warmResult.ratio, cpu_s: null, peak_rss_MB: null, errors: warmResult.errors },
  'same, function model (no HTTP)': { wall_s: noHttpResult.wallMs / 1000, ideal_s: noHttpResult.idealMs / 1000, ratio: noHttpResult.ratio, cpu_s: noHttpResult.cpuMs / 1000, peak_rss_MB: noHttpResult.peakRssMB, errors: noHttpResult.errors },
  'plain fetch 10k @64': { wall_s: fetchResult.wallMs / 1000, ideal_s: fetchResult.idealMs / 1000, ratio: fetchResult.ratio, cpu_s: fetchResult.cpuMs / 1000, peak_rss_MB: fetchResult.peakRssMB, errors: null },
  'plain node:http 10k @64 (HTTP floor)': { wall_s: httpResult.wallMs / 1000, ideal_s: httpResult.idealMs / 1000, ratio: httpResult.ratio, cpu_s: httpResult.cpuMs / 1000, peak_rss_MB: httpResult.peakRssMB, errors: null },
  'raw TCP socket, no HTTP library (floor)': { wall_s: rawResult.wallMs / 1000, ideal_s: rawResult.idealMs / 1000, ratio: rawResult.ratio, cpu_s: rawResult.cpuMs / 1000, peak_rss_MB: rawResult.peakRssMB, errors: null },
  'setTimeout(20) only, no I/O (floor)': { wall_s: timersResult.wallMs / 1000, ideal_s: timersResult.idealMs / 1000, ratio: timersResult.ratio, cpu_s: timersResult.cpuMs / 1000, peak_rss_MB: timersResult.peakRssMB, errors: null },
  'score 1M tiny samples': { wall_s: scoreResult.wallMs / 1000, ideal_s: null, ratio: null, cpu_s: scoreResult.cpuMs / 1000, peak_rss_MB: scoreResult.peakRssMB, errors: null },
  [`run with file cache ×2, ${runCacheResult.samples / 1000}k`]: { wall_s: runCacheResult.wallMs / 1000, ideal_s: null, ratio: null, cpu_s: runCacheResult.cpuMs / 1000, peak_rss_MB: runCacheResult.peakRssMB, errors: runCacheResult.errors },
});
console.log(`load average at the start: ${loadAtStart.join(' ')}`);
console.log(`load average at the end: ${results.loadAverage.join(' ')} on ${results.cpus} CPUs (wall times grow with machine load)`);
console.log(`3rd run in one process: last answer at ${warmResult.lastAnswerRatio}× the ideal, then ${warmResult.endOfRunMs} ms to write the run folder (runs: ${warmResult.runs.map((r) => r.ratio).join(', ')}×)`);
console.log(`score throughput: ${scoreResult.samplesPerSecond.toLocaleString('en')} samples/s; results in bench/results/engine.json`);
