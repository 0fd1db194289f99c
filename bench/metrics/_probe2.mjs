import { readFileSync } from 'node:fs';
import { BleuStatsEngine } from '../../packages/metrics/dist/index.js';
const hyps = readFileSync('/tmp/mb/hyp.txt', 'utf8').split('\n'); hyps.pop();
const refs = readFileSync('/tmp/mb/ref.txt', 'utf8').split('\n'); refs.pop();
for (let k = 0; k < 3; k++) {
  const e = new BleuStatsEngine(true);
  let t = performance.now(); let c0 = process.cpuUsage();
  const t2 = e['textIds'] ?? (e.statsOfTexts('zh', 'a', ['a'], 4, 'sacrebleu'), e['textIds']);
  const H = hyps.map((s) => t2.zh(s)), R = refs.map((s) => t2.zh(s));
  const tt = performance.now() - t; const ct = process.cpuUsage(c0).user/1000; c0 = process.cpuUsage();
  t = performance.now();
  let m = 0;
  for (let i = 0; i < H.length; i++) m += e['matcher'].count(H[i], [R[i]], 4).matches[3];
  console.log("ids", tt.toFixed(0), "cpu", ct.toFixed(0), "match", (performance.now() - t).toFixed(0), "cpu", (process.cpuUsage(c0).user/1000).toFixed(0), m);
}
