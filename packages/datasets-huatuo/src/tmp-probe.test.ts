import { it } from 'vitest';
import { loadHuatuo, bm25 } from '@medeval/datasets-huatuo';
it('x', async () => {
  const path = '/work/shared/data/huatuo/test_datasets.jsonl';
  const m = bm25({ corpus: path });
  let t = performance.now(); let n = 0; let same = 0;
  for await (const s of loadHuatuo(path).samples()) {
    const r = await m.generate({ messages: [] }, { sample: s });
    if (n === 0) console.log('first query incl. build', performance.now() - t);
    n++; if (r.text === s.target.answers[0]) same++;
    if (n >= 1000) break;
  }
  console.log('1000 queries ms', performance.now() - t, 'same', same);
}, 120000);
