// Used by run.mjs only while the CLI is not built: the same work as `medeval bleu --tokenize zh` and
// `medeval rouge --tokenize char`, through the built packages/metrics/dist, printing the same JSON.
// usage: node fallback.mjs bleu|rouge HYP REF
import { readFileSync } from 'node:fs';

const [command, hypPath, refPath] = process.argv.slice(2);
const lines = (path) => {
  const text = readFileSync(path, 'utf8');
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
};
const metrics = await import(new URL('../../packages/metrics/dist/index.js', import.meta.url).href);
const hyps = lines(hypPath);
const refs = lines(refPath);
if (command === 'bleu') {
  const r = metrics.corpusBleu(hyps, [refs], { tokenize: 'zh' });
  console.log(JSON.stringify({ score: r.score, counts: r.counts, totals: r.totals, bp: r.bp, sys_len: r.sysLen, ref_len: r.refLen, signature: r.signature }));
} else if (command === 'rouge') {
  if (typeof metrics.corpusRouge !== 'function') throw new Error('@medeval/metrics dist has no corpusRouge yet');
  const r = metrics.corpusRouge(hyps, [refs], { tokenize: 'char' });
  console.log(JSON.stringify(r));
} else {
  throw new Error(`unknown command ${command}`);
}
