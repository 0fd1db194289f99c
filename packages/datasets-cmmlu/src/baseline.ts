// baseline:random for CMMLU: a letter drawn uniformly per question (seeded by the run's seed and the sample
// id), answered as "答案是：X". Expected accuracy 25 % — the floor every model must beat.
import { createRng, deriveSeed, fromFunction, type Model } from '@medeval/core';

/**
 * `baseline:random` for CMMLU: a letter drawn per question (seeded), answered as `答案是：X` (≈ 25 %).
 *
 * @example
 * await evaluate({ task: cmmlu.medical({ data: 'CMMLU/data' }), model: randomBaseline({ seed: 0 }) });
 */
export function randomBaseline(options: { seed?: number } = {}): Model {
  const seed = options.seed ?? 0;
  return fromFunction((_request, { sample }) => {
    const rng = createRng(deriveSeed(seed, 'cmmlu-random', sample?.id ?? ''));
    return `答案是：${'ABCD'[rng.int(4)]}`;
  }, { id: `baseline:random(seed=${seed})` });
}
