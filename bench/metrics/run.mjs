#!/usr/bin/env node
// bench/metrics: whole `medeval bleu --tokenize zh` and `medeval rouge --tokenize char` processes on
// ../shared/bench/synth_zh_100000.jsonl.gz (100,000 pairs), best of 3 wall-clock runs, against the Python
// references timed IN THE SAME RUN on the same files, so a busy machine does not make a change look fast
// or slow. sacrebleu 2.6.0 is installed from the machine's wheel (/opt/pypi/files) into a scratch venv in
// the temp folder, never into the repo, and timed as a whole process (sacrebleu_zh.py). rouge-score 0.1.2
// has no wheel here: its stored timing (../shared/bench/python_baseline.json) is scaled by how this run's
// sacrebleu compares with the stored sacrebleu timing (same machine, same corpus), and labelled so.
// Values must be identical (|Δ| ≤ 1e-9 on the 0–100 scale). Writes bench/results/metrics.json.
// usage: node bench/metrics/run.mjs [--runs N] [--pairs 100000|10000] [--reference same-run|stored]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { finished } from 'node:stream/promises';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared', 'bench');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('--runs', '3'));
const pairs = opt('--pairs', '100000');
const corpus = pairs === '10000' ? join(shared, 'synth_zh_10000.jsonl') : join(shared, 'synth_zh_100000.jsonl.gz');
const baselinePath = join(shared, 'python_baseline.json');

if (!existsSync(corpus) || !existsSync(baselinePath)) {
  console.log(`bench/metrics: skipped — ${existsSync(corpus) ? baselinePath : corpus} is absent (it lives in ../shared/bench).`);
  process.exit(0);
}
const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));

// 1. The pairs as two files of lines (what `medeval bleu/rouge --hyp --ref` read).
const work = join(tmpdir(), `medeval-bench-metrics-${pairs}`);
mkdirSync(work, { recursive: true });
const hypPath = join(work, 'hyp.txt');
const refPath = join(work, 'ref.txt');
if (!existsSync(hypPath) || !existsSync(refPath)) {
  const input = corpus.endsWith('.gz') ? createReadStream(corpus).pipe(createGunzip()) : createReadStream(corpus);
  const hyp = createWriteStream(hypPath);
  const ref = createWriteStream(refPath);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line === '') continue;
    const row = JSON.parse(line);
    n++;
    for (const [k, v] of [['hyp', row.hyp], ['ref', row.ref]]) {
      if (typeof v !== 'string' || /[\n\r]/.test(v)) throw new Error(`${corpus}:${n}: ${k} is not a one-line string`);
    }
    hyp.write(`${row.hyp}\n`);
    ref.write(`${row.ref}\n`);
  }
  hyp.end();
  ref.end();
  await Promise.all([finished(hyp), finished(ref)]);
}

// 2. The command: the built CLI when it exists, else the same work through packages/metrics/dist.
const cli = join(root, 'packages', 'cli', 'dist', 'bin.js');
const useCli = existsSync(cli);
const commandFor = (name, tokenize) =>
  useCli
    ? [process.execPath, [cli, name, '--hyp', hypPath, '--ref', refPath, '--tokenize', tokenize, '--json']]
    : [process.execPath, [join(root, 'bench', 'metrics', 'fallback.mjs'), name, hypPath, refPath]];

function timeRuns(name, tokenize) {
  const [cmd, argv] = commandFor(name, tokenize);
  const seconds = [];
  let output = null;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status}): ${r.stderr}`);
    seconds.push(dt);
    output = JSON.parse(r.stdout);
  }
  return { command: [cmd, ...argv].join(' ').replace(root, ''), seconds, best: Math.min(...seconds), output };
}

const W = baseline.workloads;
const py = (key) => W[key].runs[pairs];
const results = [];

// 3. The reference, timed now: sacrebleu in a scratch venv (created once, reused), whole process.
function sacrebleuSameRun() {
  if (opt('--reference', 'same-run') !== 'same-run') return null;
  const venv = join(tmpdir(), 'medeval-bench-py');
  const python = join(venv, 'bin', 'python');
  const has = () => spawnSync(python, ['-c', 'import sacrebleu; assert sacrebleu.__version__ == "2.6.0"']).status === 0;
  if (!has()) {
    spawnSync('python3', ['-m', 'venv', venv], { stdio: 'ignore' });
    spawnSync(join(venv, 'bin', 'pip'), ['install', '-q', '--no-index', '--find-links', '/opt/pypi/files', 'sacrebleu==2.6.0'], { stdio: 'ignore' });
  }
  if (!has()) {
    console.log('bench/metrics: sacrebleu 2.6.0 could not be installed from /opt/pypi/files; using the stored Python timings');
    return null;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(python, [join(root, 'bench', 'metrics', 'sacrebleu_zh.py'), hypPath, refPath], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`sacrebleu failed: ${r.stderr}`);
  return { seconds, value: JSON.parse(r.stdout).score };
}

const bleu = timeRuns('bleu', 'zh');
const stored = py('sacrebleu_corpus_bleu_zh');
const sameRun = sacrebleuSameRun();
const pyBleu = sameRun ? { median_seconds: sameRun.seconds, value: sameRun.value } : stored;
// How this run's machine compares with the stored timings' (1 = same speed): scales the stored rouge-score time.
const machineFactor = sameRun ? sameRun.seconds / stored.median_seconds : 1;
results.push({
  workload: 'sacrebleu corpus_bleu tokenize=zh',
  medeval: bleu,
  python: { seconds: pyBleu.median_seconds, value: pyBleu.value, call: W.sacrebleu_corpus_bleu_zh.call, timed: sameRun ? 'same run, whole process' : 'stored' },
  speedup: pyBleu.median_seconds / bleu.best,
  target: 100,
  diffs: { score: Math.abs(bleu.output.score - pyBleu.value) },
});

const rouge = timeRuns('rouge', 'char');
const storedRouge = py('rouge_score_char_ws');
const pyRouge = { ...storedRouge, median_seconds: storedRouge.median_seconds * machineFactor };
const rougeDiffs = {};
for (const k of ['rouge1', 'rouge2', 'rougeL']) {
  const ours = rouge.output[k]?.f ?? rouge.output[k]?.fmeasure;
  rougeDiffs[k] = typeof ours === 'number' ? Math.abs(ours - pyRouge.value[k] * 100) : null;
}
results.push({
  workload: 'rouge-score rouge1/2/L tokenize=char',
  medeval: rouge,
  python: {
    seconds: pyRouge.median_seconds,
    value: pyRouge.value,
    call: W.rouge_score_char_ws.call,
    timed: sameRun ? `stored ${storedRouge.median_seconds.toFixed(1)} s × ${machineFactor.toFixed(3)} (this run's sacrebleu / stored sacrebleu)` : 'stored',
  },
  speedup: pyRouge.median_seconds / rouge.best,
  target: 200,
  diffs: rougeDiffs,
});

const identical = (r) => Object.values(r.diffs).every((d) => d !== null && d <= 1e-9);
const report = {
  date: new Date().toISOString(),
  pairs: Number(pairs),
  runs,
  how: useCli ? 'whole `medeval` CLI processes (packages/cli/dist/bin.js)' : 'whole node processes over packages/metrics/dist (CLI not built)',
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length, loadavg: (await import('node:os')).loadavg() },
  results: results.map((r) => ({
    workload: r.workload,
    command: r.medeval.command,
    seconds: r.medeval.seconds,
    best_seconds: r.medeval.best,
    python_seconds: r.python.seconds,
    python_timed: r.python.timed,
    speedup: r.speedup,
    target_speedup: r.target,
    meets_target: r.speedup >= r.target,
    identical_values: identical(r),
    abs_diffs_0_100: r.diffs,
    value: r.medeval.output,
    python_value: r.python.value,
  })),
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'metrics.json'), `${JSON.stringify(report, null, 1)}\n`);

const pad = (s, n) => String(s).padEnd(n);
console.log(`bench/metrics — ${pairs} pairs, best of ${runs}, ${report.how}`);
console.log(`${pad('workload', 40)}${pad('medeval s', 11)}${pad('python s', 10)}${pad('speed-up', 10)}${pad('target', 8)}identical`);
for (const r of report.results) {
  console.log(
    `${pad(r.workload, 40)}${pad(r.best_seconds.toFixed(3), 11)}${pad(r.python_seconds.toFixed(1), 10)}${pad(`${r.speedup.toFixed(0)}×`, 10)}${pad(`${r.target_speedup}×`, 8)}${r.identical_values ? 'yes' : `NO ${JSON.stringify(r.abs_diffs_0_100)}`}`,
  );
}
for (const r of report.results) console.log(`reference for ${r.workload}: ${r.python_timed}`);
console.log(`load average at the end: ${report.machine.loadavg.map((x) => x.toFixed(2)).join(' ')} (${report.machine.cpus} CPUs) — timings on a busy machine are pessimistic`);
