// Progress has a total (hence an ETA) from the start whenever the dataset can count itself, not only with
// a limit (issue 12).
import { describe, expect, it } from 'vitest';
import { toyTask } from '../../../../tests/engine/fixtures/toy-task.mjs';
import { fromFunction } from '../models/from-function.js';
import type { Progress } from '../types.js';
import { evaluate } from './evaluate.js';

describe('progress totals', () => {
  it('come from dataset.count() while the run goes, capped by the limit', async () => {
    const task = toyTask(40);
    const counted = { ...task, dataset: { ...task.dataset, count: async () => 40 } };
    const model = fromFunction(async () => {
      await new Promise((r) => setTimeout(r, 2));
      return 'A';
    }, { id: 'slow' });
    const seen: Progress[] = [];
    await evaluate({ task: counted, model, concurrency: 1, bootstrapSamples: 10, onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)!.total).toBe(40);
    expect(seen.some((p) => p.total === 40 && p.done < 40)).toBe(true); // known before the end
    const limited: Progress[] = [];
    await evaluate({ task: counted, model, limit: 5, bootstrapSamples: 10, onProgress: (p) => limited.push(p) });
    expect(limited.at(-1)!.total).toBe(5);
  });
});
