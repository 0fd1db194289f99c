// The interned fast path must give the very same doubles as the reference `prfsAveraged` (Object.is,
// not a tolerance) for every average, zero_division, fixed label list, Python code-point order of
// awkward labels, items made by `item()` or read back from JSON, and bootstrap-style reused buffers.
import { describe, expect, it } from 'vitest';
import { labelPairCounter, type LabelPair } from './label-pairs.js';
import { prfMetric } from './metric.js';
import { prfsAveraged, type Average, type ZeroDivision } from './single-label.js';
import { createRng } from '@medeval/core';

/** A seeded uniform stream (core's PRNG), so every generated case is reproducible. */
function rng(seed: number): () => number {
  const r = createRng(seed);
  return () => r.next();
}

// Astral (U+20BB7 𠮷, U+1F600) vs U+E000–U+FFFF (U+E000, U+FF5A): JS's default sort and Python's disagree on these.
const LABELS = ['A', 'B', 'C', 'D', 'E', 'AB', 'ABD', 'ACE', '无答案', '', ' ', '\uFF21', '\u{20BB7}', '\u{1F600}', '\uE000', '\uFF5A', 'a\u0000', '\u00E9', 'e\u0301'];
const AVERAGES: Average[] = ['micro', 'macro', 'weighted'];
const ZDS: ZeroDivision[] = ['warn', 0, 1];

function randomItems(rand: () => number, n: number, vocabulary: readonly string[]): LabelPair[] {
  const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
  return Array.from({ length: n }, () => {
    const gold = pick();
    return { gold, pred: rand() < 0.5 ? gold : pick() };
  });
}

function expectSame(got: { precision: number; recall: number; f1: number }, want: { precision: number; recall: number; f1: number }, what: string): void {
  for (const k of ['precision', 'recall', 'f1'] as const) {
    if (!Object.is(got[k], want[k])) throw new Error(`${what} ${k}: expected ${want[k]}, got ${got[k]}`);
  }
}

const reference = (items: readonly LabelPair[], average: Average, zd: ZeroDivision, labels?: readonly string[], beta?: number) =>
  prfsAveraged(items.map((x) => x.gold), items.map((x) => x.pred), average, { zeroDivision: zd, ...(labels ? { labels } : {}), ...(beta !== undefined ? { beta } : {}) });

describe('labelPairCounter equals prfsAveraged bit for bit', () => {
  for (const average of AVERAGES) {
    for (const zd of ZDS) {
      it(`average=${average} zero_division=${zd}: random corpora, own, JSON and mixed items, reused buffer`, () => {
        const rand = rng(AVERAGES.indexOf(average) * 10 + ZDS.indexOf(zd) + 1);
        const counter = labelPairCounter(average, { zeroDivision: zd });
        for (let round = 0; round < 60; round++) {
          // Vocabulary grows over rounds, so later calls intern labels that sort before earlier ones.
          const vocabulary = LABELS.slice(0, 2 + Math.floor((round / 60) * (LABELS.length - 1)));
          const n = Math.floor(rand() * (round % 7 === 0 ? 5 : 300));
          const plain = randomItems(rand, n, vocabulary);
          const own = plain.map((x) => counter.item(x.gold, x.pred));
          const json = JSON.parse(JSON.stringify(own)) as LabelPair[];
          const mixed = own.map((x, i) => (i % 2 ? x : json[i]!));
          const want = reference(plain, average, zd);
          expectSame(counter.averaged(own), want, `round ${round} own`);
          expectSame(counter.averaged(json), want, `round ${round} json`);
          expectSame(counter.averaged(mixed), want, `round ${round} mixed`);
          // Bootstrap: one buffer refilled with resampled items.
          const buffer = new Array<LabelPair>(n);
          for (let r = 0; r < 5 && n > 0; r++) {
            for (let i = 0; i < n; i++) buffer[i] = mixed[Math.floor(rand() * n)]!;
            expectSame(counter.averaged(buffer), reference(buffer, average, zd), `round ${round} resample ${r}`);
          }
        }
      });
    }
  }

  it('a fixed label list, with absent labels, unknown item labels and a repeated label', () => {
    const rand = rng(99);
    const lists = [['A', 'B', 'C', 'D', 'E'], ['E', 'A', '𠮷', 'Z'], [], ['B', 'A', 'B']];
    for (const labels of lists) {
      for (const average of AVERAGES) {
        for (const zd of ZDS) {
          const counter = labelPairCounter(average, { zeroDivision: zd, labels });
          for (let round = 0; round < 10; round++) {
            const items = randomItems(rand, Math.floor(rand() * 100), LABELS.slice(0, 14)).map((x) => counter.item(x.gold, x.pred));
            const what = `labels=${labels.join('|')} ${average} ${zd}`;
            let want: ReturnType<typeof reference> | Error;
            try {
              want = reference(items, average, zd, labels);
            } catch (e) {
              want = e as Error;
            }
            if (want instanceof Error) expect(() => counter.averaged(items), what).toThrow(want.message);
            else expectSame(counter.averaged(items), want, what);
          }
        }
      }
    }
  });

  it('beta ≠ 1 and empty input', () => {
    const rand = rng(7);
    for (const average of AVERAGES) {
      const counter = labelPairCounter(average, { beta: 0.5 });
      const items = randomItems(rand, 200, LABELS).map((x) => counter.item(x.gold, x.pred));
      expectSame(counter.averaged(items), reference(items, average, 'warn', undefined, 0.5), `beta ${average}`);
      expectSame(counter.averaged([]), reference([], average, 'warn'), `empty ${average}`);
    }
  });

  it('items stay plain {gold, pred} data: JSON, keys and deep equality see nothing else', () => {
    const counter = labelPairCounter('weighted');
    const x = counter.item('A', '𠮷');
    expect(JSON.stringify(x)).toBe('{"gold":"A","pred":"𠮷"}');
    expect(Object.keys(x)).toEqual(['gold', 'pred']);
    expect(x).toStrictEqual({ gold: 'A', pred: '𠮷' });
    expect(structuredClone(x)).toStrictEqual({ gold: 'A', pred: '𠮷' });
  });

  it('a malformed item (e.g. from a hand-edited records.jsonl) is a clear error and does not poison later calls', () => {
    const counter = labelPairCounter('weighted');
    const good = [counter.item('A', 'B'), { gold: 'B', pred: 'B' }];
    const before = counter.averaged(good);
    for (const bad of [{ gold: 'A', pred: null }, { gold: 1, pred: 'A' }, {}]) {
      expect(() => counter.averaged([...good, bad as unknown as LabelPair])).toThrow(/an item must be \{"gold": string, "pred": string\}, got/);
    }
    expectSame(counter.averaged(good), before, 'after errors');
  });

  it('items of one counter are valid in another (ids are per counter)', () => {
    const rand = rng(3);
    const a = labelPairCounter('macro');
    const b = labelPairCounter('macro');
    b.item('zz', 'yy'); // b's ids differ from a's
    const items = randomItems(rand, 300, LABELS).map((x) => a.item(x.gold, x.pred));
    expectSame(b.averaged(items), reference(items, 'macro', 'warn'), 'foreign counter');
  });

  it('prfMetric: precision, recall and F1 × 100 as before', () => {
    const rand = rng(11);
    const plain = randomItems(rand, 500, LABELS);
    for (const average of AVERAGES) {
      for (const measure of ['precision', 'recall', 'f1'] as const) {
        const m = prfMetric({ name: 'x', average, measure, gold: () => null, predicted: () => null });
        const want = reference(plain, average, 'warn')[measure] * 100;
        expect(Object.is(m.aggregate(plain), want), `${average} ${measure}`).toBe(true);
      }
    }
  });
});

describe('resampler (the bootstrap fast path)', () => {
  it('gives the very same doubles as averaged() on the drawn items, for made, foreign and fixed-label items', () => {
    const rand = rng(7);
    for (const average of AVERAGES) {
      for (const labels of [undefined, ['A', 'B', 'C'], ['B', 'A', 'B']]) {
        const counter = labelPairCounter(average, { zeroDivision: 'warn', ...(labels ? { labels } : {}) });
        const plain = randomItems(rand, 300, LABELS);
        const made = plain.map((x) => counter.item(x.gold, x.pred));
        for (const items of [made, JSON.parse(JSON.stringify(plain)) as LabelPair[]]) {
          const resample = counter.resampler(items);
          if (labels && new Set(labels).size !== labels.length) {
            expect(resample).toBeUndefined();
            continue;
          }
          for (let r = 0; r < 20; r++) {
            const picks = Uint32Array.from({ length: items.length }, () => Math.floor(rand() * items.length));
            expectSame(resample!(picks), counter.averaged(Array.from(picks, (i) => items[i]!)), `${average} ${labels ?? 'union'} resample ${r}`);
          }
        }
      }
    }
  });

  it('prfMetric.resampler(items)(picks) equals aggregate() of the drawn items (Object.is)', () => {
    const rand = rng(11);
    const metric = prfMetric({ name: 'f1_macro', average: 'macro', gold: (i) => (i.sample as unknown as { gold: string }).gold, predicted: (i) => i.prediction as string });
    const items = randomItems(rand, 500, ['A', 'B', 'C', 'D', 'E', '无答案']).map((x) => metric.item({ sample: { id: '1', gold: x.gold } as never, output: x.pred, prediction: x.pred, status: 'ok' } as never)!);
    const resample = metric.resampler!(items)!;
    for (let r = 0; r < 20; r++) {
      const picks = Uint32Array.from({ length: items.length }, () => Math.floor(rand() * items.length));
      expect(Object.is(resample(picks), metric.aggregate(Array.from(picks, (i) => items[i]!)))).toBe(true);
    }
  });
});
