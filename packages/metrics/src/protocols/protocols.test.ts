import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Metric, MetricInput } from '@medeval/core';
import { PROTOCOLS, PROTOCOL_NAMES, answerMetrics, getProtocol, protocolRougeOptions, textMetrics } from './index.js';
import { corpusRouge } from '../rouge/corpus.js';

const load = (f: string) => JSON.parse(readFileSync(new URL(`../../../../fixtures/golden/${f}`, import.meta.url), 'utf8'));
const cm = load('cmexam_protocol.json');
const corpus = load('corpus.json');
const nltk = load('nltk_bleu.json');
const sacre = load('sacrebleu.json');
const rs = load('rouge_score.json');

const byId = new Map<string, { hyp: string; ref: string }>(corpus.cases.map((c: { id: string }) => [c.id, c]));
const input = (hyp: string | null, ref: string | null): MetricInput => ({ sample: { id: 'x', input: null, target: ref }, output: hyp, prediction: hyp, status: 'ok' });
const io = { hypothesis: (i: MetricInput) => i.prediction as string | null, references: (i: MetricInput) => (i.sample.target === null ? null : [i.sample.target as string]) };

async function run(m: Metric, ids: readonly string[]): Promise<number> {
  await m.prepare?.();
  const items = ids.map((id) => m.item(input(byId.get(id)!.hyp, byId.get(id)!.ref))).filter((x) => x !== null);
  return m.aggregate(items);
}
const byName = (ms: Metric[]) => Object.fromEntries(ms.map((m) => [m.name, m]));
const close100 = (a: number, e: number, what: string) => {
  if (!(Math.abs(a - e) <= 1e-9)) throw new Error(`${what}: expected ${e}, got ${a}`);
};

describe('protocol registry', () => {
  it('has the four named protocols with versioned signatures', () => {
    expect(PROTOCOL_NAMES).toEqual(['cmexam-paper', 'cmexam-gpt', 'huatuo', 'standard']);
    for (const p of Object.values(PROTOCOLS)) expect(p.signature.startsWith(`medeval:${p.name}@${p.version}|`)).toBe(true);
    expect(getProtocol('huatuo').textMetricNames).toContain('gleu');
  });

  it('unknown names give an error listing the valid ones', () => {
    expect(() => getProtocol('cmexam')).toThrow('unknown protocol "cmexam"; valid protocols: cmexam-paper, cmexam-gpt, huatuo, standard');
    expect(() => textMetrics({ protocol: 'cmexam-paper', names: ['gleu'], ...io })).toThrow(/no text metric "gleu"; valid: bleu1, bleu4, rouge1, rouge2, rougeL/);
  });

  it('every metric signature starts with the protocol prefix', () => {
    for (const name of PROTOCOL_NAMES) {
      const ms = [...textMetrics({ protocol: name, ...io }), ...answerMetrics({ protocol: name, gold: () => 'A', predicted: () => 'A' })];
      expect(ms.map((m) => m.name)).toEqual([...PROTOCOLS[name].textMetricNames, ...PROTOCOLS[name].answerMetricNames]);
      for (const m of ms) expect(m.signature.startsWith(`medeval:${name}@${PROTOCOLS[name].version}|${m.name}|`)).toBe(true);
    }
  });
});

describe('cmexam-paper and cmexam-gpt reproduce the CMExam scripts', () => {
  for (const sub of cm.explanation_metrics.corpus) {
    it(`explanation metrics, subset ${sub.subset}`, async () => {
      const paper = byName(textMetrics({ protocol: 'cmexam-paper', ...io }));
      const gpt = byName(textMetrics({ protocol: 'cmexam-gpt', ...io }));
      const keys = { rouge1: 'rouge_1/f_score', rouge2: 'rouge_2/f_score', rougeL: 'rouge_l/f_score' } as const;
      for (const [m, k] of Object.entries(keys)) {
        expect(await run(paper[m]!, sub.case_ids), `${m} lora`).toBe(sub.rouge_lora[k]);
        expect(await run(gpt[m]!, sub.case_ids), `${m} gpt`).toBe(sub.rouge_gpt_swapped[k]);
      }
      for (const n of ['bleu1', 'bleu4'] as const) {
        if (!('error' in sub.char_bleu[n])) close100(await run(paper[n]!, sub.case_ids), sub.char_bleu[n].score, `${sub.subset} char ${n}`);
        if (!('error' in sub.jieba_bleu[n])) close100(await run(gpt[n]!, sub.case_ids), sub.jieba_bleu[n].score, `${sub.subset} jieba ${n}`);
      }
    });
  }

  it('protocolRougeOptions drives corpusRouge (medeval rouge --protocol) to the same numbers', () => {
    const sub = cm.explanation_metrics.corpus.find((s: { subset: string }) => s.subset === 'zh_all');
    const hyps = sub.case_ids.map((id: string) => byId.get(id)!.hyp);
    const refs = sub.case_ids.map((id: string) => byId.get(id)!.ref);
    const paper = corpusRouge(hyps, refs, protocolRougeOptions('cmexam-paper'));
    const gpt = corpusRouge(hyps, refs, protocolRougeOptions('cmexam-gpt'));
    expect(paper.rougeL.f).toBe(sub.rouge_lora['rouge_l/f_score']);
    expect(gpt.rougeL.f).toBe(sub.rouge_gpt_swapped['rouge_l/f_score']);
    expect(gpt.rouge1.p).toBe(sub.rouge_gpt_swapped['rouge_1/p_score']);
    expect(paper.signature).toBe('medeval:cmexam-paper@1|rouge|tensorflow-nmt-rouge|tok:codepoints|agg:np.mean|scale:100|v1');
    expect(gpt.signature).toContain('|swapped|');
    expect(() => protocolRougeOptions('nope')).toThrow(/valid protocols/);
  });

  it('answer metrics: accuracy and weighted F1 of the LoRA list; null predictions are dropped', () => {
    const list = cm.answer.metric_lists.find((l: { name: string }) => l.name === 'answer_cases|parse_options|lora_style');
    const ms = byName(answerMetrics({ protocol: 'cmexam-paper', gold: (i) => i.sample.target as string, predicted: (i) => i.prediction as string | null }));
    const rows = list.gold.map((g: string, i: number) => input(list.pred[i], g));
    const agg = (m: Metric) => m.aggregate(rows.map((r: MetricInput) => m.item(r)).filter((x: unknown) => x !== null));
    close100(agg(ms.accuracy!), list.acc_percent, 'accuracy');
    close100(agg(ms.f1_weighted!), list.weighted.f1 * 100, 'f1_weighted');
    expect(ms.accuracy!.interval).toBe('bootstrap');
    expect(ms.accuracy!.pairedTest).toBe('mcnemar');
    expect(ms.accuracy!.item(input(null, 'A'))).toBeNull();
    expect(ms.f1_macro!.item(input(null, 'A'))).toBeNull();
  });
});

describe('huatuo and standard protocols', () => {
  const ids = (set: { corpus: Array<{ subset: string; case_ids: string[] }> }, s: string) => set.corpus.find((c) => c.subset === s)!.case_ids;

  it('huatuo: nltk corpus BLEU on characters, rouge-score F mean on characters, distinct', async () => {
    const ms = byName(textMetrics({ protocol: 'huatuo', ...io }));
    for (const sub of ['zh_all', 'zh_paraphrase']) {
      const res = nltk.corpus.find((c: { subset: string }) => c.subset === sub).results;
      close100(await run(ms.bleu1!, ids(nltk, sub)), res['char|bleu1|none'].value * 100, `${sub} bleu1`);
      close100(await run(ms.bleu4!, ids(nltk, sub)), res['char|bleu4|none'].value * 100, `${sub} bleu4`);
    }
    const zh = rs.cases.filter((c: { lang: string }) => c.lang === 'zh').map((c: { id: string }) => c.id);
    close100(await run(ms.rouge1!, zh), rs.means['zh|char_ws'].rouge1.fmeasure * 100, 'rouge1');
    close100(await run(ms.rougeL!, zh), rs.means['zh|char_ws'].rougeL.fmeasure * 100, 'rougeL');
    const d = await run(ms.distinct2!, zh);
    expect(d).toBeGreaterThan(0.5);
    expect(d).toBeLessThanOrEqual(1);
    expect(ms.distinct2!.scale).toBe('fraction');
  });

  it('standard: sacrebleu BLEU(max_ngram_order=n) with tokenize zh', async () => {
    const ms = byName(textMetrics({ protocol: 'standard', ...io }));
    for (const sub of ['zh_all', 'zh_no_empty', 'zh_paraphrase']) {
      const res = sacre.corpus.find((c: { subset: string }) => c.subset === sub).results;
      for (const n of [1, 2, 3, 4]) close100(await run(ms[`bleu${n}`]!, ids(sacre, sub)), res[`BLEU(max_ngram_order=${n})|zh|exp`].score, `${sub} bleu${n}`);
    }
  });
});
