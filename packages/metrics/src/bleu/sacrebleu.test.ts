import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusBleu, sentenceBleu, type BleuResult, type SmoothMethod } from './index.js';
import type { TokenizerName } from '../tokenize/index.js';

const golden = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${name}`, import.meta.url), 'utf8'));

interface Ref {
  score: number;
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sys_len: number;
  ref_len: number;
}
const sb = golden('sacrebleu.json') as {
  sentence: Array<{ id: string; hyp: string; ref: string; results: Record<string, Ref> }>;
  corpus: Array<{ subset: string; case_ids: string[]; results: Record<string, Ref> }>;
  multi_reference: Array<{ tokenize: TokenizerName; items: Array<{ id: string; hyp: string; refs: string[] }>; corpus_bleu: Ref; sentence_bleu: Ref[] }>;
};

function close(actual: number, expected: number, what: string, abs = 1e-9) {
  const tol = Math.max(abs, Math.abs(expected) * 1e-12);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} != ${expected}`);
}

function check(got: BleuResult, want: Ref, what: string) {
  expect(got.counts, `${what} counts`).toEqual(want.counts);
  expect(got.totals, `${what} totals`).toEqual(want.totals);
  expect(got.sysLen, `${what} sys_len`).toBe(want.sys_len);
  expect(got.refLen, `${what} ref_len`).toBe(want.ref_len);
  close(got.score, want.score, `${what} score`);
  close(got.bp, want.bp, `${what} bp`, 1e-12);
  want.precisions.forEach((p, i) => close(got.precisions[i]!, p, `${what} precision ${i + 1}`));
}

/** "zh|exp|eff", "13a|exp|noeff", "13a|exp|eff|lowercase" */
function sentenceOptions(key: string) {
  const [tok, smooth, eff, lc] = key.split('|');
  return { tokenize: tok as TokenizerName, smoothMethod: smooth as SmoothMethod, effectiveOrder: eff === 'eff', lowercase: lc === 'lowercase' };
}

/** "corpus_bleu|zh|exp", "corpus_bleu|zh|exp|eff", "BLEU(max_ngram_order=2)|zh|exp", "corpus_bleu|13a|exp|lowercase" */
function corpusOptions(key: string) {
  const parts = key.split('|');
  const m = /^BLEU\(max_ngram_order=(\d)\)$/.exec(parts[0]!);
  return {
    tokenize: parts[1] as TokenizerName,
    smoothMethod: parts[2] as SmoothMethod,
    effectiveOrder: parts[3] === 'eff',
    lowercase: parts[3] === 'lowercase',
    maxNgramOrder: m ? Number(m[1]) : 4,
  };
}

describe('sacrebleu.json sentence (every case, every key)', () => {
  it('matches sacrebleu 2.6.0', () => {
    let n = 0;
    for (const c of sb.sentence) {
      for (const [key, want] of Object.entries(c.results)) {
        check(sentenceBleu(c.hyp, [c.ref], sentenceOptions(key)), want, `${c.id} ${key}`);
        n++;
      }
    }
    expect(n).toBe(336 * 26);
  });
  it('identical pair scores 100.00000000000004 like Python', () => {
    const c = sb.sentence[0]!;
    expect(sentenceBleu(c.hyp, [c.ref], { tokenize: 'zh' }).score).toBe(100.00000000000004);
  });
});

describe('sacrebleu.json corpus (every subset, every key)', () => {
  const byId = new Map(sb.sentence.map((c) => [c.id, c]));
  it('matches sacrebleu 2.6.0', () => {
    let n = 0;
    for (const sub of sb.corpus) {
      const cases = sub.case_ids.map((id) => byId.get(id)!);
      const hyps = cases.map((c) => c.hyp);
      const refs = [cases.map((c) => c.ref)];
      for (const [key, want] of Object.entries(sub.results)) {
        const got = corpusBleu(hyps, refs, corpusOptions(key));
        check(got, want, `${sub.subset} ${key}`);
        n++;
      }
    }
    expect(n).toBe(5 * 46);
  });
  it('signature', () => {
    expect(corpusBleu(['a'], [['a']], { tokenize: 'zh' }).signature).toBe(
      'nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0|impl:medeval',
    );
    expect(sentenceBleu('a', ['a'], { tokenize: '13a', smoothMethod: 'floor', lowercase: true }).signature).toBe(
      'nrefs:1|case:lc|eff:yes|tok:13a|smooth:floor[0.10]|version:2.6.0|impl:medeval',
    );
  });
});

describe('sacrebleu.json multi_reference', () => {
  it('corpus and sentence with two reference streams', () => {
    for (const mr of sb.multi_reference) {
      const hyps = mr.items.map((i) => i.hyp);
      const streams = [mr.items.map((i) => i.refs[0]!), mr.items.map((i) => i.refs[1]!)];
      check(corpusBleu(hyps, streams, { tokenize: mr.tokenize }), mr.corpus_bleu, `multi ${mr.tokenize} corpus`);
      mr.items.forEach((it, k) => check(sentenceBleu(it.hyp, it.refs, { tokenize: mr.tokenize }), mr.sentence_bleu[k]!, `${it.id}`));
    }
  });
  it('rejects streams of the wrong length', () => {
    expect(() => corpusBleu(['a', 'b'], [['a']])).toThrow(/reference stream 0 has 1 lines but there are 2/);
  });
});
