import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rougeGetScores, rougeGetScoresAvg, type RougeFlavour } from './pltrdy.js';

const load = (f: string) => JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${f}`, import.meta.url), 'utf8'));
const FILES: Array<[string, RougeFlavour]> = [
  ['pltrdy_rouge.json', 'pltrdy'],
  ['rouge_chinese.json', 'rouge-chinese'],
];
const METRICS = ['rouge-1', 'rouge-2', 'rouge-l'] as const;

function close(actual: number, expected: number, what: string): void {
  const tol = Math.max(1e-12 * Math.abs(expected), 1e-15);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

for (const [file, flavour] of FILES) {
  describe(`${flavour} get_scores (${file})`, () => {
    const golden = load(file);
    const byId = new Map<string, { modes: Record<string, { hyp_input: string; ref_input: string }> }>(golden.cases.map((c: { id: string }) => [c.id, c]));

    it('every case and mode; empty input gives zeros (Python raises ValueError)', () => {
      let checked = 0;
      let raised = 0;
      for (const c of golden.cases) {
        for (const [mode, m] of Object.entries<{ hyp_input: string; ref_input: string; scores?: Record<string, Record<string, number>> }>(c.modes)) {
          const got = rougeGetScores(m.hyp_input, m.ref_input, flavour);
          const error = (m.scores as { error?: string } | undefined)?.error;
          if (error?.startsWith('ValueError')) {
            raised++;
            for (const k of METRICS) expect(got[k]).toEqual({ f: 0, p: 0, r: 0 });
            expect(() => rougeGetScores(m.hyp_input, m.ref_input, flavour, { onEmpty: 'throw' })).toThrow(error.slice('ValueError: '.length));
            continue;
          }
          if (error) {
            // RecursionError (pltrdy, >1000-token sentences): we compute the unlimited-recursion value.
            expect(error).toMatch(/RecursionError/);
            for (const k of METRICS) for (const s of ['f', 'p', 'r'] as const) expect(Number.isFinite(got[k][s])).toBe(true);
            continue;
          }
          for (const k of METRICS) for (const s of ['f', 'p', 'r'] as const) close(got[k][s], m.scores![k]![s]!, `${c.id} ${mode} ${k} ${s}`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(800);
      expect(raised).toBeGreaterThan(20);
    });

    it('avg=True with and without ignore_empty, every corpus subset', () => {
      let checked = 0;
      for (const sub of golden.corpus) {
        for (const [key, exp] of Object.entries<Record<string, Record<string, number>> & { error?: string }>(sub.results)) {
          const [mode, , ign] = key.split('|');
          const hyps = sub.case_ids.map((id: string) => byId.get(id)!.modes[mode!]!.hyp_input);
          const refs = sub.case_ids.map((id: string) => byId.get(id)!.modes[mode!]!.ref_input);
          const ignoreEmpty = ign === 'ignore_empty';
          if (exp.error) {
            // Defined value instead of the Python error: with onEmpty 'throw' the ValueError is reproduced.
            if (exp.error.startsWith('ValueError'))
              expect(() => rougeGetScoresAvg(hyps, refs, flavour, { ignoreEmpty, onEmpty: 'throw' })).toThrow(/is empty/);
            const got = rougeGetScoresAvg(hyps, refs, flavour, { ignoreEmpty });
            expect(Number.isFinite(got['rouge-1'].f)).toBe(true);
            continue;
          }
          const got = rougeGetScoresAvg(hyps, refs, flavour, { ignoreEmpty });
          for (const k of METRICS) for (const s of ['f', 'p', 'r'] as const) close(got[k][s], exp[k]![s]!, `${sub.subset} ${key} ${k} ${s}`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    });
  });
}
