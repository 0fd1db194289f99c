import { it } from 'vitest';
import { evaluate } from '@medeval/core';
import { huatuo } from '@medeval/datasets-huatuo';
it('real bm25', async () => {
  const task = huatuo.qa({ data: '/work/shared/data/huatuo/test_datasets.jsonl', protocol: 'huatuo' });
  const model = huatuo.resolveBaseline('baseline:bm25', { task })!;
  const t = performance.now();
  const result = await evaluate({ task, model, concurrency: 1, bootstrapSamples: 200 });
  console.log('ELAPSED', performance.now() - t, JSON.stringify(Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [k, v.value]))), JSON.stringify(result.counts));
}, 1_200_000);
