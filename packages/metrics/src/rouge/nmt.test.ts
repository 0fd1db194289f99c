import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nmtRouge, nmtRougeScore100, nmtWords } from './nmt.js';
import { charJoin } from './python-text.js';

const golden = JSON.parse(readFileSync(new URL('../../../../fixtures/golden/cmexam_protocol.json', import.meta.url), 'utf8'));
const KEYS = ['rouge_1/f_score', 'rouge_1/p_score', 'rouge_1/r_score', 'rouge_2/f_score', 'rouge_2/p_score', 'rouge_2/r_score', 'rouge_l/f_score', 'rouge_l/p_score', 'rouge_l/r_score'] as const;

// 0–100 scale: 1e-9 absolute (and in practice bit-exact).
function close100(actual: number, expected: number, what: string): void {
  if (!(Math.abs(actual - expected) <= 1e-9)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

describe('tensorflow/nmt rouge (CMExam protocol)', () => {
  const perCase = golden.explanation_metrics.per_case;
  const byId = new Map<string, { hyp: string; ref: string }>(perCase.map((c: { id: string }) => [c.id, c]));

  it('per_case: words and all nine scores of every case', () => {
    let bitExact = 0;
    for (const c of perCase) {
      expect(charJoin(c.hyp)).toBe(c.rouge.hyp_spaced);
      expect(charJoin(c.ref)).toBe(c.rouge.ref_spaced);
      expect(nmtWords(c.rouge.hyp_spaced)).toEqual(c.rouge.hyp_words);
      const got = nmtRougeScore100([c.rouge.ref_spaced], [c.rouge.hyp_spaced]);
      for (const k of KEYS) {
        close100(got[k], c.rouge.scores[k], `${c.id} ${k}`);
        if (got[k] === c.rouge.scores[k]) bitExact++;
      }
    }
    expect(perCase.length).toBe(283);
    // Python's `beta**2` calls glibc pow() (error up to 0.52 ulp); we square with beta*beta (correctly
    // rounded). They differ by 1 ulp in exactly one value (zh-278 rouge_l/f: …295656 vs …29566).
    expect(bitExact).toBeGreaterThanOrEqual(283 * 9 - 1);
  });

  it('both empty gives 99.9999995 / 99.99999999994999 (zh-221)', () => {
    const got = nmtRougeScore100([''], ['']);
    expect(got['rouge_1/f_score']).toBe(99.9999995);
    expect(got['rouge_l/f_score']).toBe(99.99999999994999);
  });

  it('corpus rouge_lora and rouge_gpt_swapped, every subset, bit-exact', () => {
    for (const sub of golden.explanation_metrics.corpus) {
      const hyps = sub.case_ids.map((id: string) => charJoin(byId.get(id)!.hyp));
      const refs = sub.case_ids.map((id: string) => charJoin(byId.get(id)!.ref));
      const lora = nmtRougeScore100(refs, hyps);
      const swapped = nmtRougeScore100(hyps, refs);
      for (const k of KEYS) {
        expect(lora[k], `${sub.subset} lora ${k}`).toBe(sub.rouge_lora[k]);
        expect(swapped[k], `${sub.subset} swapped ${k}`).toBe(sub.rouge_gpt_swapped[k]);
      }
    }
  });

  it('mismatched lengths are an error; empty corpus is NaN', () => {
    expect(() => nmtRouge(['a'], [])).toThrow(/1 hypotheses but 0 references/);
    expect(Number.isNaN(nmtRouge([], [])['rouge_1/f_score'])).toBe(true);
  });
});
