import { readFileSync } from 'node:fs';
import { corpusBleu, getTokenizer } from '../../packages/metrics/dist/index.js';
const hyps = readFileSync('/tmp/mb/hyp.txt', 'utf8').split('\n'); hyps.pop();
const refs = readFileSync('/tmp/mb/ref.txt', 'utf8').split('\n'); refs.pop();
let t = performance.now();
const zh = getTokenizer('zh'); let n = 0;
for (const s of hyps) n += zh(s).length; for (const s of refs) n += zh(s).length;
console.log('tokenize zh', (performance.now() - t).toFixed(0), 'ms', n);
for (let k = 0; k < 3; k++) {
  t = performance.now();
  const r = corpusBleu(hyps, [refs], { tokenize: 'zh' });
  console.log('corpusBleu', (performance.now() - t).toFixed(0), 'ms', r.score, r.score - 45.51431385766038);
}
