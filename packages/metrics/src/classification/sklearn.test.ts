import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracyScore, prfsAveraged, prfsPerLabel, type Average, type ZeroDivision } from './single-label.js';
import { comparePython, sortedLabelUnion } from './labels.js';

const golden = JSON.parse(readFileSync(new URL('../../../../fixtures/golden/sklearn.json', import.meta.url), 'utf8'));

function close(actual: number, expected: number, what: string): void {
  const tol = Math.max(1e-12 * Math.abs(expected), 1e-15);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}
const zdOf = (z: string): ZeroDivision => (z === 'warn' ? 'warn' : (Number(z) as 0 | 1));
const fieldOf = { f1_score: 'f1', precision_score: 'precision', recall_score: 'recall' } as const;

describe('scikit-learn 1.2.1 single-label', () => {
  for (const c of golden.single_label) {
    it(c.name, () => {
      expect(sortedLabelUnion(c.y_true, c.y_pred)).toEqual(c.labels_sorted_union);
      let checked = 0;
      for (const [key, exp] of Object.entries<unknown>(c.results)) {
        if (key === 'accuracy_score') close(accuracyScore(c.y_true, c.y_pred), exp as number, key);
        else if (key === 'prfs|average=None') {
          const e = exp as { labels: string[]; precision: number[]; recall: number[]; f1: number[]; support: number[] };
          const got = prfsPerLabel(c.y_true, c.y_pred);
          expect(got.labels).toEqual(e.labels);
          expect(got.support).toEqual(e.support);
          e.precision.forEach((v, i) => close(got.precision[i]!, v, `${key} P ${i}`));
          e.recall.forEach((v, i) => close(got.recall[i]!, v, `${key} R ${i}`));
          e.f1.forEach((v, i) => close(got.f1[i]!, v, `${key} F ${i}`));
        } else if (key.startsWith('prfs|average=weighted')) {
          const e = exp as { precision: number; recall: number; f1: number; support: null };
          const got = prfsAveraged(c.y_true, c.y_pred, 'weighted');
          close(got.precision, e.precision, key);
          close(got.recall, e.recall, key);
          close(got.f1, e.f1, key);
        } else {
          const [fn, avg, opt] = key.split('|');
          const average = avg!.slice('avg='.length) as Average;
          const o = opt === 'labels=ABCDE' ? { labels: ['A', 'B', 'C', 'D', 'E'] } : { zeroDivision: zdOf(opt!.slice('zero_division='.length)) };
          const got = prfsAveraged(c.y_true, c.y_pred, average, o)[fieldOf[fn as keyof typeof fieldOf]];
          close(got, exp as number, `${c.name} ${key}`);
        }
        checked++;
      }
      expect(checked).toBe(Object.keys(c.results).length);
    });
  }

  it('errors: empty lists give NaN, mismatched lengths throw like sklearn', () => {
    expect(golden.errors.empty_lists_accuracy).toBe('NaN');
    expect(Number.isNaN(accuracyScore([], []))).toBe(true);
    expect(golden.errors.empty_lists_f1_macro).toBe('NaN');
    expect(Number.isNaN(prfsAveraged([], [], 'macro').f1)).toBe(true);
    expect(() => accuracyScore(['A'], ['A', 'B'])).toThrow('Found input variables with inconsistent numbers of samples: [1, 2]');
  });

  it('Python code-point order, not UTF-16 order', () => {
    expect(sortedLabelUnion(['无答案', 'unparsed', 'E'], [''])).toEqual(['', 'E', 'unparsed', '无答案']);
    // U+20BB7 (𠮷) sorts after U+FF21 (Ａ) in Python; JS's default sort puts it first.
    expect(['𠮷', 'Ａ'].sort()).toEqual(['𠮷', 'Ａ']);
    expect(['𠮷', 'Ａ'].sort(comparePython)).toEqual(['Ａ', '𠮷']);
  });
});

describe('scikit-learn 1.2.1 edge cases of F-beta and average', () => {
  const t = ['A', 'B', 'C', 'A', 'B', 'D'];
  const p = ['A', 'C', 'C', 'B', 'B', 'A'];
  it('beta = ∞ returns recall, per label and averaged', () => {
    const per = prfsPerLabel(t, p, { beta: Infinity });
    expect(per.f1).toEqual(per.recall);
    for (const average of ['micro', 'macro', 'weighted'] as const) {
      const r = prfsAveraged(t, p, average, { beta: Infinity });
      expect(r.f1, average).toBe(r.recall);
    }
  });
  it('a negative beta raises', () => {
    expect(() => prfsAveraged(t, p, 'macro', { beta: -1 })).toThrow('beta should be >=0 in the F-beta score');
    expect(() => prfsPerLabel(t, p, { beta: -0.5 })).toThrow('beta should be >=0 in the F-beta score');
  });
  it('an unknown average raises; samples on single-label input raises', () => {
    expect(() => prfsAveraged(t, p, 'mean' as Average)).toThrow("average has to be one of (None, 'micro', 'macro', 'weighted', 'samples')");
    expect(() => prfsAveraged(t, p, 'samples' as Average)).toThrow('Samplewise metrics are not available outside of multilabel classification.');
  });
});
