// No golden GLEU file exists; these are nltk 3.8 gleu_score.py doctests plus hand-computed fractions.
import { describe, expect, it } from 'vitest';
import { corpusGleu, gleuStats, sentenceGleu } from './index.js';

const ref1a = 'It is a guide to action that ensures that the military will forever heed Party commands'.split(' ');
const ref1b = 'It is the guiding principle which guarantees the military forces always being under the command of the Party'.split(' ');
const ref1c = 'It is the practical guide for the army always to heed the directions of the party'.split(' ');
const hyp1 = 'It is a guide to action which ensures that the military always obeys the commands of the party'.split(' ');
const hyp2 = 'he read the book because he was interested in world history'.split(' ');
const ref2a = 'he was interested in world history because he read the book'.split(' ');

describe('nltk gleu_score doctests', () => {
  it('"the the the" example = 2/22', () => {
    const s = sentenceGleu(['the cat is on the mat'.split(' ')], 'the the the the the the the'.split(' '));
    expect(s).toBe(2 / 22);
    expect(s.toString()).toMatch(/^0\.0909/);
  });
  it('sentence_gleu 0.4393... and 0.1206...', () => {
    expect(String(sentenceGleu([ref1a], hyp1))).toMatch(/^0\.4393/);
    const hyp2b = 'It is to insure the troops forever hearing the activity guidebook that party direct'.split(' ');
    expect(String(sentenceGleu([ref1a], hyp2b))).toMatch(/^0\.1206/);
  });
  it('corpus_gleu 0.5673... and the mean of sentence scores 0.6144...', () => {
    expect(String(corpusGleu([[ref1a, ref1b, ref1c], [ref2a]], [hyp1, hyp2]))).toMatch(/^0\.5673/);
    const mean = (sentenceGleu([ref1a], hyp1) + sentenceGleu([ref2a], hyp2)) / 2;
    expect(String(mean)).toMatch(/^0\.6144/);
  });
});

describe('hand-computed', () => {
  it('counts everygrams of orders min..max and takes the max of both sides', () => {
    // hyp a b c (1..2-grams: 3+2=5), ref a b (2+1=3): tp = a,b,ab = 3; all = 5
    expect(gleuStats(['a', 'b', 'c'], [['a', 'b']], { maxLen: 2 })).toEqual({ match: 3, all: 5 });
    expect(gleuStats(['a', 'b', 'c'], [['a', 'b']], { minLen: 2, maxLen: 2 })).toEqual({ match: 1, all: 2 });
  });
  it('best reference by tp/n_all, first on ties; empty corner cases give 0.0', () => {
    expect(gleuStats(['a'], [['b'], ['a'], ['a']])).toEqual({ match: 1, all: 1 });
    expect(gleuStats([], [[]])).toEqual({ match: 0, all: 0 });
    expect(corpusGleu([], [])).toBe(0);
    expect(sentenceGleu([[]], [])).toBe(0);
    expect(sentenceGleu([['a']], [])).toBe(0);
  });
});
