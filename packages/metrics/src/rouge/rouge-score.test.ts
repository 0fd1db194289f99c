import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rougeScore, rougeScoreMulti } from './rouge-score.js';
import { pySplit } from '../tokenize/whitespace.js';
import { charTokenize as charsNoWhitespace } from '../tokenize/char.js';
import { numpyMean } from './numpy-sum.js';
import { rougeDefaultTokenize } from '../tokenize/rougeDefault.js';

/** The tokenizer each golden mode used: str.split for *_ws, rouge-score's default (with nltk's Porter stemmer for default_stem), else the default. */
const modeTokenizer = (mode: string) =>
  mode.endsWith('ws') ? pySplit : mode === 'default_stem' ? (text: string) => rougeDefaultTokenize(text, true) : undefined;

const golden = JSON.parse(readFileSync(new URL('../../../../fixtures/golden/rouge_score.json', import.meta.url), 'utf8'));
const TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];

function close(actual: number, expected: number, what: string): void {
  const tol = Math.max(1e-12 * Math.abs(expected), 1e-15);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

describe('rouge-score 0.1.2 golden cases', () => {
  const modes = new Set<string>();
  for (const c of golden.cases) for (const m of Object.keys(c.modes)) modes.add(m);

  for (const mode of modes) {
    it(`every case in mode ${mode}`, () => {
      let checked = 0;
      for (const c of golden.cases) {
        const m = c.modes[mode];
        if (!m) continue;
        const got = rougeScore(m.ref_input, m.hyp_input, { types: TYPES, tokenize: modeTokenizer(mode) });
        for (const t of TYPES) {
          for (const k of ['precision', 'recall', 'fmeasure'] as const) close(got[t]![k], m.scores[t][k], `${c.id} ${mode} ${t} ${k}`);
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(40);
    });
  }

  it('char tokens on the raw text equal the char_ws mode (rouge1/2/L)', () => {
    for (const c of golden.cases) {
      const m = c.modes.char_ws;
      if (!m) continue;
      const got = rougeScore(c.ref, c.hyp, { tokenize: charsNoWhitespace });
      for (const t of ['rouge1', 'rouge2', 'rougeL']) close(got[t]!.fmeasure, m.scores[t].fmeasure, `${c.id} ${t}`);
    }
  });

  it('means over each language equal the golden means', () => {
    for (const [key, exp] of Object.entries<Record<string, Record<string, number>>>(golden.means)) {
      const [lang, mode] = key.split('|');
      const cases = golden.cases.filter((c: { lang: string }) => c.lang === lang);
      const scores = cases.map((c: { modes: Record<string, { ref_input: string; hyp_input: string }> }) =>
        rougeScore(c.modes[mode!]!.ref_input, c.modes[mode!]!.hyp_input, { types: TYPES, tokenize: modeTokenizer(mode!) }),
      );
      for (const t of TYPES)
        for (const k of ['precision', 'recall', 'fmeasure'] as const)
          close(numpyMean(scores.map((s: Record<string, Record<string, number>>) => s[t]![k]!)), exp[t]![k]!, `${key} ${t} ${k}`);
    }
  });

  it('score_multi picks the target with the highest F (first on ties)', () => {
    for (const mr of golden.multi_reference) {
      const tokenize = mr.mode === 'char_ws' ? pySplit : undefined;
      const got = rougeScoreMulti(mr.refs_input, mr.hyp_input, { types: TYPES, tokenize });
      for (const t of TYPES)
        for (const k of ['precision', 'recall', 'fmeasure'] as const) close(got[t]![k], mr.score_multi[t][k], `${mr.id} ${t} ${k}`);
    }
  });

  it('argument order is target first', () => {
    const s = rougeScore('a b c d', 'a b', { tokenize: pySplit });
    expect(s.rouge1!.precision).toBe(1);
    expect(s.rouge1!.recall).toBe(0.5);
  });

  it('rejects unknown types', () => {
    expect(() => rougeScore('a', 'a', { types: ['rougeX'] })).toThrow(/Invalid rouge type/);
  });
});
