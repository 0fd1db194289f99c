import { it } from 'vitest';
import MiniSearch from 'minisearch';
import { loadCmexam } from './load/dataset.js';
import { zhTokens } from './baselines/tokenize.js';
it('p', async () => {
  const docs: string[] = [];
  for await (const s of loadCmexam('/work/shared/data/cmexam/val.csv').samples()) if (s.target.explanation) docs.push(s.target.explanation);
  let t = Date.now(); let n = 0;
  for (const d of docs) n += zhTokens(d).length;
  console.log('T tok', Date.now() - t, n);
  t = Date.now();
  const index = new MiniSearch({ fields: ['text'], tokenize: zhTokens, processTerm: (x) => x });
  docs.forEach((text, id) => index.add({ id, text }));
  console.log('T add', Date.now() - t);
  t = Date.now();
  const i2 = new MiniSearch({ fields: ['text'], tokenize: zhTokens, processTerm: (x) => x });
  i2.addAll(docs.map((text, id) => ({ id, text })));
  console.log('T addAll', Date.now() - t);
}, 600000);
