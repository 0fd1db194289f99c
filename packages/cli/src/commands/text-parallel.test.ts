// How many threads `medeval bleu` / `medeval rouge` score with: what --help says (one per 2.5 MB of hypotheses,
// at most the cores and 4), overridden by --workers, then by MEDEVAL_WORKERS.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatHelp } from '../args/help.js';
import { spec as bleuSpec } from './bleu.js';
import { textThreads } from './text-parallel.js';

const cores = availableParallelism();

describe('textThreads', () => {
  it('one per 2.5 MB of hypotheses, at most the cores and 4, as --help says', () => {
    expect(formatHelp(bleuSpec).replace(/\s+/g, ' ')).toContain('one per 2.5 MB of hypotheses, at most the cores and 4');
    expect(textThreads(0, undefined, {})).toBe(1);
    expect(textThreads(2_499_999, undefined, {})).toBe(1);
    expect(textThreads(5_000_000, undefined, {})).toBe(Math.min(2, cores));
    expect(textThreads(10_000_000_000, undefined, {})).toBe(Math.min(4, cores));
  });

  it('--workers wins over MEDEVAL_WORKERS, which wins over the size; a bad MEDEVAL_WORKERS is ignored', () => {
    expect(textThreads(0, 3, { MEDEVAL_WORKERS: '2' })).toBe(3);
    expect(textThreads(0, undefined, { MEDEVAL_WORKERS: '2' })).toBe(2);
    expect(textThreads(10_000_000_000, undefined, { MEDEVAL_WORKERS: '1' })).toBe(1);
    expect(textThreads(0, undefined, { MEDEVAL_WORKERS: 'many' })).toBe(1);
    expect(textThreads(0, undefined, { MEDEVAL_WORKERS: '0' })).toBe(1);
  });
});
