import { readFileSync } from 'node:fs';
import { BleuStatsEngine } from '../../packages/metrics/dist/index.js';
const hyps = readFileSync('/tmp/mb/hyp.txt', 'utf8').split('\n'); hyps.pop();
const refs = readFileSync('/tmp/mb/ref.txt', 'utf8').split('\n'); refs.pop();
const e = new BleuStatsEngine(true);
e.statsOfTexts('zh', 'a', ['a'], 4, 'sacrebleu');
const t2 = e['textIds'];
const H = hyps.map((s) => t2.zh(s)), R = refs.map((s) => t2.zh(s));
const c = new Int32Array(1 << 20);
for (let rep = 0; rep < 3; rep++) {
  const c0 = process.cpuUsage();
  let m = 0;
  for (let p = 0; p < H.length; p++) {
    const h = H[p], r = R[p];
    for (let i = 0; i < r.length; i++) c[r[i]]++;
    for (let i = 0; i < h.length; i++) if (c[h[i]] > 0) { c[h[i]]--; m++; }
    for (let i = 0; i < r.length; i++) c[r[i]] = 0;
  }
  console.log('raw order1 cpu', (process.cpuUsage(c0).user / 1000).toFixed(0), m);
}
const mt = e['matcher'];
for (let rep = 0; rep < 3; rep++) {
  const c0 = process.cpuUsage();
  let m = 0;
  const one = [null];
  for (let p = 0; p < H.length; p++) { one[0] = R[p]; m += mt.count(H[p], one, 1).matches[0]; }
  console.log('count order1 cpu', (process.cpuUsage(c0).user / 1000).toFixed(0), m);
}
