import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fsum, nltkCorpusBleuDetail, nltkSentenceBleu, nltkSentenceBleuDetail, nmtBleu, PY_FLOAT_MIN, type NltkSmoothing } from './index.js';

const golden = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${name}`, import.meta.url), 'utf8'));

function close(actual: number, expected: number, what: string, abs = 0) {
  const tol = Math.max(abs, Math.abs(expected) * 1e-12);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} != ${expected}`);
}

type Val = { value: number; warned_zero_counts: boolean };
const WEIGHTS: Record<string, number[]> = { bleu1: [1, 0, 0, 0], bleu4: [0.25, 0.25, 0.25, 0.25] };
/** "char|bleu4|method3" → options */
function nltkOptions(key: string) {
  const [, w, s] = key.split('|');
  return { weights: WEIGHTS[w!]!, smoothing: s === 'none' ? null : (s as NltkSmoothing) };
}

const nl = golden('nltk_bleu.json') as {
  sentence: Array<{ id: string; tokens: Record<string, { hyp: string[]; ref: string[] }>; results: Record<string, Val> }>;
  corpus: Array<{ subset: string; case_ids: string[]; results: Record<string, Val> }>;
  multi_reference: Array<Record<string, unknown> & { id: string; hyp: string; refs: string[]; tokenization: string }>;
};
// nltk stores the ints it returns as JSON ints: detect them from the raw text of the file.
const rawNltk = readFileSync(new URL('../../../../fixtures/golden/nltk_bleu.json', import.meta.url), 'utf8');

function checkVal(got: { value: number; intZero: boolean; warnedZeroCounts: boolean }, want: Val, what: string) {
  close(got.value, want.value, what);
  expect(got.warnedZeroCounts, `${what} warned`).toBe(want.warned_zero_counts);
  if (got.intZero) expect(want.value, what).toBe(0);
}

describe('nltk_bleu.json', () => {
  it('sentence: every case, every key', () => {
    let n = 0;
    for (const c of nl.sentence) {
      for (const [key, want] of Object.entries(c.results)) {
        const t = c.tokens[key.split('|')[0]!]!;
        checkVal(nltkSentenceBleuDetail([t.ref], t.hyp, nltkOptions(key)), want, `${c.id} ${key}`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(336 * 6);
  });
  it('integer-0 returns: exactly where nltk returned the int 0 (282 in the file)', () => {
    const ints = (rawNltk.match(/"value": 0[,}]/g) ?? []).length;
    const byId = new Map(nl.sentence.map((c) => [c.id, c]));
    let ours = 0;
    for (const c of nl.sentence) {
      for (const key of Object.keys(c.results)) {
        const t = c.tokens[key.split('|')[0]!]!;
        if (nltkSentenceBleuDetail([t.ref], t.hyp, nltkOptions(key)).intZero) ours++;
      }
    }
    for (const s of nl.corpus) {
      for (const key of Object.keys(s.results)) {
        const cases = s.case_ids.map((id) => byId.get(id)!.tokens[key.split('|')[0]!]!);
        if (nltkCorpusBleuDetail(cases.map((c) => [c.ref]), cases.map((c) => c.hyp), nltkOptions(key)).intZero) ours++;
      }
    }
    expect(ints).toBe(282);
    expect(ours).toBe(ints);
  });
  it('corpus: every subset, every key', () => {
    const byId = new Map(nl.sentence.map((c) => [c.id, c]));
    let n = 0;
    for (const s of nl.corpus) {
      for (const [key, want] of Object.entries(s.results)) {
        const tok = key.split('|')[0]!;
        const cases = s.case_ids.map((id) => byId.get(id)!.tokens[tok]!);
        checkVal(nltkCorpusBleuDetail(cases.map((c) => [c.ref]), cases.map((c) => c.hyp), nltkOptions(key)), want, `${s.subset} ${key}`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(20);
  });
  it('multi_reference', () => {
    const tok = (s: string, how: string) => (how === 'char' ? Array.from(s).filter((c) => !/\s/.test(c)) : s.split(/\s+/).filter(Boolean));
    for (const m of nl.multi_reference) {
      for (const key of Object.keys(m).filter((k) => k.includes('|'))) {
        const want = m[key] as Val;
        const [w, s] = key.split('|');
        const got = nltkSentenceBleuDetail(m.refs.map((r) => tok(r, m.tokenization)), tok(m.hyp, m.tokenization), {
          weights: WEIGHTS[w!]!,
          smoothing: s === 'none' ? null : (s as NltkSmoothing),
        });
        checkVal(got, want, `${m.id} ${key}`);
      }
    }
  });
  it('sys.float_info.min quirk and nltk doctests', () => {
    expect(PY_FLOAT_MIN).toBe(2.2250738585072014e-308);
    // nltk bleu_score.py doctest: sentence_bleu([reference1, reference2, reference3], hypothesis1) = 0.5045...
    const hyp1 = 'It is a guide to action which ensures that the military always obeys the commands of the party'.split(' ');
    const r1 = 'It is a guide to action that ensures that the military will forever heed Party commands'.split(' ');
    const r2 = 'It is the guiding principle which guarantees the military forces always being under the command of the Party'.split(' ');
    const r3 = 'It is the practical guide for the army always to heed the directions of the party'.split(' ');
    expect(nltkSentenceBleu([r1, r2, r3], hyp1)).toBeCloseTo(0.5045666840058485, 12);
    expect(nltkSentenceBleu([r1, r2, r3], hyp1, { weights: [0.1666, 0.1666, 0.1666, 0.1666, 0.1666] })).toBeCloseTo(0.45838627164939455, 14);
  });
  it('fsum is exactly rounded', () => {
    expect(fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).toBe(1);
    expect(fsum([1e100, 1, -1e100, 1e-100, 1e50, -1, -1e50])).toBe(1e-100);
    expect(fsum([1, 1e-16, 1e-16])).toBe(1.0000000000000002);
  });
});

describe('cmexam_protocol.json BLEU (tensorflow/nmt compute_bleu)', () => {
  const cm = golden('cmexam_protocol.json') as {
    explanation_metrics: {
      per_case: Array<Record<string, unknown> & { id: string; char: Side; jieba: Side }>;
      corpus: Array<{ subset: string; case_ids: string[]; char_bleu: Record<string, Nmt>; jieba_bleu: Record<string, Nmt> }>;
    };
  };
  type Nmt = { score: number; bleu_raw: number; precisions: number[]; bp: number; ratio: number; translation_length: number; reference_length: number } | { error: string };
  type Side = { hyp_tokens: string[]; ref_tokens: string[]; bleu1: Nmt; bleu2: Nmt; bleu4: Nmt };
  const ORDERS = { bleu1: 1, bleu2: 2, bleu4: 4 } as const;

  function checkNmt(got: ReturnType<typeof nmtBleu>, want: Nmt, what: string) {
    if ('error' in want) {
      expect(want.error, what).toMatch(/^ZeroDivisionError/);
      expect(got.zeroDivision, what).toBe(true);
      expect(got.score, what).toBe(0);
      return;
    }
    expect(got.zeroDivision, what).toBe(false);
    expect(got.translationLength, what).toBe(want.translation_length);
    expect(got.referenceLength, what).toBe(want.reference_length);
    close(got.score, want.score, `${what} score`, 1e-9);
    close(got.bleuRaw, want.bleu_raw, `${what} bleu_raw`, 1e-14);
    close(got.bp, want.bp, `${what} bp`);
    close(got.ratio, want.ratio, `${what} ratio`);
    want.precisions.forEach((p, i) => close(got.precisions[i]!, p, `${what} p${i + 1}`));
  }

  it('per_case char and jieba bleu1/2/4 (283 cases)', () => {
    const per = cm.explanation_metrics.per_case;
    expect(per.length).toBe(283);
    for (const c of per) {
      for (const side of ['char', 'jieba'] as const) {
        for (const [k, order] of Object.entries(ORDERS)) {
          const s = c[side];
          checkNmt(nmtBleu([s.ref_tokens], [s.hyp_tokens], order), s[k as keyof typeof ORDERS], `${c.id} ${side} ${k}`);
        }
      }
    }
  });
  it('corpus char_bleu / jieba_bleu for every subset', () => {
    const byId = new Map(cm.explanation_metrics.per_case.map((c) => [c.id, c]));
    for (const sub of cm.explanation_metrics.corpus) {
      for (const side of ['char', 'jieba'] as const) {
        const cases = sub.case_ids.map((id) => byId.get(id)![side]);
        for (const [k, order] of Object.entries(ORDERS)) {
          const got = nmtBleu(cases.map((c) => c.ref_tokens), cases.map((c) => c.hyp_tokens), order);
          checkNmt(got, sub[`${side}_bleu`][k]!, `${sub.subset} ${side} ${k}`);
        }
      }
    }
  });
});
