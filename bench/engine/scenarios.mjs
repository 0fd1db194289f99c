// The two engine benchmarks, each run in a fresh process (so peak RSS belongs to one scenario).
// usage: node scenarios.mjs evaluate|evaluate-warm|fetch|http|raw-socket <baseURL> | node scenarios.mjs evaluate-no-http|timers|score|run-cache
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url);
const core = await import(new URL('packages/core/dist/index.js', root).href);

function mcqTask(n) {
  return {
    name: 'bench-mcq',
    version: '1',
    protocol: { name: 'bench', signature: 'bench|v1' },
    promptId: 'bench@1',
    dataset: {
      name: 'bench',
      source: `generated:${n}`,
      async *samples() {
        for (let i = 0; i < n; i++) yield { id: String(i), input: `Q${i}`, target: 'ABCD'[i % 3], meta: { dept: `d${i % 5}` } };
      },
      summary: () => ({ source: `generated:${n}`, read: n, loaded: n, skipped: 0, reasons: {}, problems: [] }),
    },
    render: (s) => ({ messages: [{ role: 'user', content: `${s.input}: answer with one letter` }], temperature: 0, maxTokens: 2 }),
    parse: (out) => (/^[A-D]$/.test(out.trim()) ? { prediction: out.trim(), status: 'ok' } : { prediction: null, status: out.trim() ? 'unparsed' : 'empty' }),
    metrics: [
      {
        name: 'accuracy',
        signature: 'accuracy|bench|v1',
        higherIsBetter: true,
        scale: 'percent',
        interval: 'wilson',
        item: ({ sample, prediction }) => (prediction === sample.target ? 1 : 0),
        aggregate: (items) => (100 * items.reduce((a, b) => a + b, 0)) / Math.max(1, items.length),
        sampleScore: (x) => x,
      },
    ],
    sliceDimensions: ['dept'],
  };
}

/** The chat body of bench question `i`. */
const chatBody = (i) => JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: `Q${i}` }] });

/**
 * 10,000 calls of `ask(i, chain)`, 64 chains at a time (each chain 0–63 waits for its answer before its next
 * question), timed against the ideal 10,000 / 64 × 20 ms.
 */
async function sixtyFourChains(name, ask, digits = 2) {
  const samples = 10_000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async (_, chain) => {
      while (next < samples) await ask(next++, chain);
    }),
  );
  const wallMs = performance.now() - started;
  const idealMs = (samples / 64) * 20;
  return { scenario: name, samples, wallMs: Math.round(wallMs), idealMs, ratio: Math.round((wallMs / idealMs) * 10 ** digits) / 10 ** digits };
}

const cpuAtStart = process.cpuUsage();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const [scenario, baseURL] = process.argv.slice(2);
const dir = await mkdtemp(join(tmpdir(), 'medeval-bench-'));
let report;
try {
  if (scenario === 'evaluate') {
    const samples = 10_000;
    const concurrency = 64;
    const latencyMs = 20;
    const started = performance.now();
    const result = await core.evaluate({
      task: mcqTask(samples),
      model: core.openaiCompatible({ baseURL, model: 'bench' }),
      concurrency,
      timeoutMs: 30_000,
      out: join(dir, 'run'),
    });
    const wallMs = performance.now() - started;
    const idealMs = (samples / concurrency) * latencyMs;
    report = { scenario: 'evaluate', samples, concurrency, latencyMs, wallMs: Math.round(wallMs), idealMs, ratio: Math.round((wallMs / idealMs) * 100) / 100, errors: result.counts.errors, accuracy: result.metrics.accuracy.value };
  } else if (scenario === 'evaluate-warm') {
    // The same run three times in one process: the third meets a warm JIT and open connections, which a fresh
    // process (the scenario above, and any CLI run) does not. Also when the last answer came (the rest of the wall
    // time is the end of the run: results.json, report.md, report.html).
    const samples = 10_000;
    const idealMs = (samples / 64) * 20;
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const inner = core.openaiCompatible({ baseURL, model: 'bench' });
      let lastAnswer = 0;
      const model = { id: inner.id, describe: () => inner.describe(), generate: (request, context) => inner.generate(request, context).then((answer) => ((lastAnswer = performance.now()), answer)) };
      const started = performance.now();
      const result = await core.evaluate({ task: mcqTask(samples), model, concurrency: 64, timeoutMs: 30_000, out: join(dir, `run${k}`) });
      const wallMs = performance.now() - started;
      runs.push({ wallMs: Math.round(wallMs), ratio: Math.round((wallMs / idealMs) * 100) / 100, lastAnswerRatio: Math.round(((lastAnswer - started) / idealMs) * 1000) / 1000, endOfRunMs: Math.round(started + wallMs - lastAnswer), errors: result.counts.errors });
    }
    report = { scenario: 'evaluate-warm', samples, idealMs, runs, ...runs[2] };
  } else if (scenario === 'sweep') {
    // Throughput at one concurrency (bench/engine/concurrency.mjs runs it for several).
    const concurrency = Number(process.argv[4]);
    const samples = Number(process.argv[5]);
    const started = performance.now();
    const result = await core.evaluate({
      task: mcqTask(samples),
      model: core.openaiCompatible({ baseURL, model: 'bench' }),
      concurrency,
      out: join(dir, 'run'),
    });
    const wallMs = performance.now() - started;
    report = { scenario: 'sweep', concurrency, samples, wallMs: Math.round(wallMs), samplesPerSecond: Math.round(samples / (wallMs / 1000)), errors: result.counts.errors };
  } else if (scenario === 'run-cache') {
    // evaluate() with the crash-safe file cache and an instant function model, twice: the first run fills
    // the cache, the second answers every sample from it. Peak RSS over both (BENCH_RUN_SAMPLES, default 100k).
    const samples = Number(process.env.BENCH_RUN_SAMPLES ?? 100_000);
    const model = core.fromFunction((req) => 'ABCD'[Number(/Q(\d+)/.exec(req.messages[0].content)[1]) % 4], { id: 'instant' });
    const cache = join(dir, 'cache');
    peakRss = 0;
    const started = performance.now();
    const first = await core.evaluate({ task: mcqTask(samples), model, concurrency: 64, cache, out: join(dir, 'run1') });
    const second = await core.evaluate({ task: mcqTask(samples), model, concurrency: 64, cache, out: join(dir, 'run2') });
    const wallMs = performance.now() - started;
    report = { scenario: 'run-cache', samples, wallMs: Math.round(wallMs), errors: first.counts.errors + second.counts.errors };
  } else if (scenario === 'evaluate-no-http') {
    // The same run with a function model that waits 20 ms: the engine's own overhead, without HTTP.
    const samples = 10_000;
    const started = performance.now();
    const model = core.fromFunction((req) => new Promise((r) => setTimeout(() => r('ABCD'[Number(/Q(\d+)/.exec(req.messages[0].content)[1]) % 4]), 20)), { id: 'sleep-20ms' });
    const result = await core.evaluate({ task: mcqTask(samples), model, concurrency: 64, out: join(dir, 'run') });
    const wallMs = performance.now() - started;
    const idealMs = (samples / 64) * 20;
    report = { scenario: 'evaluate-no-http', samples, wallMs: Math.round(wallMs), idealMs, ratio: Math.round((wallMs / idealMs) * 100) / 100, errors: result.counts.errors };
  } else if (scenario === 'fetch') {
    // Plain fetch, 64 at a time, to the same server: the floor set by the HTTP stack on this machine.
    report = await sixtyFourChains('fetch', async (i) => {
      const res = await fetch(`${baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(i) });
      await res.json();
    });
  } else if (scenario === 'http') {
    // The same requests through node:http with a keep-alive agent (what openaiCompatible uses on Node).
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    const url = new URL(`${baseURL}/chat/completions`);
    const post = (body) =>
      new Promise((resolve, reject) => {
        const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    report = await sixtyFourChains('http', (i) => post(chatBody(i)));
    agent.destroy();
  } else if (scenario === 'raw-socket') {
    // A measurement floor, not a client to copy: 64 keep-alive TCP connections writing the request bytes and
    // reading this bench server's answers (one chunked body each) with no HTTP library at all. What no client
    // can beat against this server on this machine: the server's own work and the loopback are in it.
    const { connect } = await import('node:net');
    const { hostname, port, pathname } = new URL(`${baseURL}/chat/completions`);
    const sockets = [];
    const connection = () => {
      const socket = connect(Number(port), hostname);
      socket.setNoDelay(true);
      let buffered = Buffer.alloc(0);
      let waiting = null;
      socket.on('data', (data) => {
        buffered = buffered.length ? Buffer.concat([buffered, data]) : data;
        const head = buffered.indexOf('\r\n\r\n');
        const last = head < 0 ? -1 : buffered.indexOf('\r\n0\r\n\r\n', head);
        if (last < 0) return; // not the whole answer yet
        const bodyStart = buffered.indexOf('\r\n', head + 4) + 2;
        const text = buffered.subarray(bodyStart, last).toString('utf8');
        buffered = buffered.subarray(last + 7);
        const resolve = waiting;
        waiting = null;
        resolve(JSON.parse(text));
      });
      sockets.push(socket);
      return (body) =>
        new Promise((resolve) => {
          waiting = resolve;
          socket.write(`POST ${pathname} HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        });
    };
    const posts = Array.from({ length: 64 }, connection);
    report = await sixtyFourChains(
      'raw-socket',
      async (i, chain) => {
        const answer = await posts[chain](chatBody(i));
        if (!answer.choices) throw new Error('raw-socket: an answer without choices');
      },
      3,
    );
    for (const socket of sockets) socket.destroy();
  } else if (scenario === 'timers') {
    // The floor of the ideal itself: 10,000 waits of setTimeout(20 ms), 64 at a time, no I/O. Node's timers
    // fire at whole milliseconds of its loop clock, so each wait is a little over 20 ms.
    report = await sixtyFourChains('timers', () => new Promise((resolve) => setTimeout(resolve, 20)), 3);
  } else if (scenario === 'score') {
    const samples = Number(process.env.BENCH_SCORE_SAMPLES ?? 1_000_000);
    const predictions = join(dir, 'predictions.jsonl');
    const handle = await open(predictions, 'w');
    let chunk = '';
    for (let i = 0; i < samples; i++) {
      chunk += `{"id":"${i}","output":"${'ABCD'[i % 4]}"}\n`;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
    await handle.close();
    peakRss = 0;
    const started = performance.now();
    const result = await core.score({ task: mcqTask(samples), predictions, out: join(dir, 'run') });
    const wallMs = performance.now() - started;
    report = { scenario: 'score', samples, wallMs: Math.round(wallMs), samplesPerSecond: Math.round(samples / (wallMs / 1000)), matched: result.predictions.matched, accuracy: result.metrics.accuracy.value };
  } else {
    throw new Error(`unknown scenario ${scenario}`);
  }
} finally {
  clearInterval(sampler);
  await rm(dir, { recursive: true, force: true });
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
// The sampler can starve while the event loop is busy; the kernel's high-water mark (maxRSS) cannot.
report.peakRssMB = mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024));
report.heapUsedMB = mb(process.memoryUsage().heapUsed);
// CPU time (user + system) of this process: unlike wall time, it barely moves with other load on the machine.
const cpu = process.cpuUsage(cpuAtStart);
report.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
process.stdout.write(`${JSON.stringify(report)}\n`);
