import { describe, expect, it } from 'vitest';
import type { CmexamSample } from './schema.js';
import { rotations } from './rotate.js';

const sample = (answer: string, letters = 'ABCDE'): CmexamSample => {
  const options = [...letters].map((letter, i) => ({ letter, text: `t${i}` }));
  return {
    id: '7',
    input: { question: '哪项正确？', options, optionsText: options.map((o) => `${o.letter} ${o.text}`).join('\n') },
    target: { answer, explanation: '因为如此' },
    meta: { dept: '内科' },
  };
};

describe('rotations (CircularEval)', () => {
  it('moves the texts one place per rotation and the answer with its text', () => {
    const all = rotations(sample('C'));
    expect(all).toHaveLength(5);
    expect(all[0]).toEqual(sample('C'));
    // Rotation 1: A shows t1, B t2, …; the correct text t2 is now at B.
    expect(all[1]!.input.options.map((o) => `${o.letter}${o.text}`)).toEqual(['At1', 'Bt2', 'Ct3', 'Dt4', 'Et0']);
    expect(all[1]!.input.optionsText).toBe('A t1\nB t2\nC t3\nD t4\nE t0');
    expect(all.map((s) => s.target.answer)).toEqual(['C', 'B', 'A', 'E', 'D']);
    expect(all.every((s) => s.id === '7' && s.target.explanation === '因为如此' && s.meta.dept === '内科')).toBe(true);
  });

  it('keeps multi-answer sets sorted, printed letters with gaps, and a question without a correct option', () => {
    expect(rotations(sample('AC')).map((s) => s.target.answer)).toEqual(['AC', 'BE', 'AD', 'CE', 'BD']);
    expect(rotations(sample('D', 'ABDE')).map((s) => s.target.answer)).toEqual(['D', 'B', 'A', 'E']);
    expect(rotations(sample('')).map((s) => s.target.answer)).toEqual(['', '', '', '', '']);
  });
});
