import { describe, expect, it } from 'vitest';
import { JUPYTER_DISPLAY } from '../report/display.js';
import { fixtureAccuracy, fixtureLength, fixtureRun, iterate } from '../report/test-fixture.js';
import { pairedBootstrap } from '../stats/paired.js';
import type { EvalRecord, ResultJson } from '../types.js';
import { compare, compareTwo, comparisonInfo, isMultiComparison, renderComparisonHtml, renderComparisonMarkdown } from './index.js';
import type { Comparison, MultiComparison } from './types.js';

/** 40 samples: both right 20, only A right 10, only B right 2, both wrong 8 → McNemar b=10, c=2. */
function constructedPair() {
  const { result } = fixtureRun(4);
  const a: EvalRecord[] = [], b: EvalRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const [ra, rb] = i < 20 ? [1, 1] : i < 30 ? [1, 0] : i < 32 ? [0, 1] : [0, 0];
    const meta = { 'Difficulty level': i % 2 === 0 ? 1 : 2, 'Medical Discipline': '临床医学', 'Clinical Department': null };
    const rec = (x: number, run: string): EvalRecord => ({
      id: String(i), target: 'A', output: `${run}${i}`, prediction: x ? 'A' : 'B', status: 'ok',
      scores: { accuracy: 100 * x }, items: { accuracy: x, distinct1: (i % 7) / 7 + (run === 'b' ? 0.01 : 0) }, meta, cached: false,
    });
    a.push(rec(ra, 'a'));
    b.push(rec(rb, 'b'));
  }
  // B has one extra sample A lacks; A has one B lacks
  a.push({ ...a[0]!, id: 'only-a' });
  b.push({ ...b[0]!, id: 'only-b' });
  const resultB: ResultJson = { ...result, model: { id: 'model-b' } };
  return {
    runs: [
      { name: 'A', results: result, records: iterate(a) },
      { name: 'B', results: resultB, records: iterate(b) },
    ],
    a, b,
  };
}

describe('compare', () => {
  it('gives CONTRACT.md JSON for two runs with exact McNemar for 0/1 items', async () => {
    const { runs } = constructedPair();
    const c = (await compare({ runs, metrics: [fixtureAccuracy, fixtureLength], bootstrapSamples: 300 })) as Comparison;
    expect(isMultiComparison(c)).toBe(false);
    expect(c.n).toBe(40);
    const acc = c.metrics.accuracy!;
    expect(acc.a).toBe(75);
    expect(acc.b).toBe(55);
    expect(acc.delta).toBe(-20);
    expect(acc.p).toBe(0.03857421875);
    expect(acc.ci95![0]).toBeLessThan(-20);
    expect(acc.ci95![1]).toBeGreaterThan(-20);
    expect(acc.ci95![1]).toBeLessThan(0);
    // the continuous metric gets the paired-bootstrap p
    expect(c.metrics.distinct1!.delta).toBeCloseTo(0.01, 12);
    expect(c.metrics.distinct1!.p).toBeLessThan(0.01);
    expect(comparisonInfo(c)!.metrics.accuracy!.test).toBe('mcnemar');
    expect(comparisonInfo(c)!.metrics.distinct1!.test).toBe('bootstrap');
    expect(comparisonInfo(c)).toMatchObject({ baseline: 'A', candidate: 'B', onlyA: 1, onlyB: 1, seed: 1, bootstrapSamples: 300 });

    const json = JSON.parse(JSON.stringify(c));
    expect(Object.keys(json)).toEqual(['n', 'metrics', 'slices']);
    expect(Object.keys(json.metrics.accuracy)).toEqual(['a', 'b', 'delta', 'ci95', 'p']);
    expect(Object.keys(json.slices)).toEqual(['Difficulty level', 'Medical Discipline', 'Clinical Department']);
    expect(Object.keys(json.slices['Difficulty level'])).toEqual(['1', '2']);
    expect(Object.keys(json.slices['Difficulty level']['1'])).toEqual(['n', 'metrics']);
    expect(json.slices['Difficulty level']['1'].n).toBe(20);
    expect(json.slices['Clinical Department']['N/A'].n).toBe(40);
    const { ci95: _ci, ...sameSamples } = json.metrics.accuracy;
    expect(json.slices['Clinical Department']['N/A'].metrics.accuracy).toMatchObject(sameSamples);
    // slice 1 = even i: both right 10, only A 5, only B 1 → b=5, c=1: p = 2·(1+6)/64
    expect(json.slices['Difficulty level']['1'].metrics.accuracy.p).toBe(0.21875);
  });

  it('uses the same paired bootstrap as stats for the interval', async () => {
    const { runs, a, b } = constructedPair();
    const c = (await compare({ runs, metrics: [fixtureAccuracy], seed: 3, bootstrapSamples: 200 })) as Comparison;
    const shared = a.filter((r) => b.some((s) => s.id === r.id));
    const xs = shared.map((r) => r.items.accuracy as number);
    const ys = shared.map((r) => b.find((s) => s.id === r.id)!.items.accuracy as number);
    const direct = pairedBootstrap(xs, ys, fixtureAccuracy.aggregate, { seed: 0, samples: 200 });
    expect(c.metrics.accuracy!.delta).toBe(direct.delta);
    // deterministic for a seed
    const again = (await compare({ ...constructedPair(), metrics: [fixtureAccuracy], seed: 3, bootstrapSamples: 200 })) as Comparison;
    expect(JSON.stringify(again)).toBe(JSON.stringify(c));
  });

  it('excludes pairs that either run cannot score', async () => {
    const { runs, b } = constructedPair();
    b[0] = { ...b[0]!, items: { ...b[0]!.items, accuracy: null } }; // both right → dropped
    const c = (await compare({ runs, metrics: [fixtureAccuracy], bootstrapSamples: 50 })) as Comparison;
    expect(c.n).toBe(40);
    expect(c.metrics.accuracy!.a).toBeCloseTo((100 * 29) / 39, 12);
    expect(c.metrics.accuracy!.p).toBe(0.03857421875);
  });

  it('refuses runs of different tasks, protocols or metric recipes, and runs without shared samples', async () => {
    const mk = (patch: Partial<ResultJson>) => {
      const { runs } = constructedPair();
      runs[1]!.results = { ...runs[1]!.results, ...patch };
      return runs;
    };
    const base = constructedPair().runs[0]!.results;
    await expect(compare({ runs: mk({ task: { ...base.task, name: 'huatuo' } }), metrics: [fixtureAccuracy] }))
      .rejects.toThrow(/different tasks.*"A" is task "cmexam", "B" is task "huatuo"/);
    const otherData = { ...base.task.dataset, source: 'other.csv', sha256: 'f'.repeat(64) };
    await expect(compare({ runs: mk({ task: { ...base.task, dataset: otherData } }), metrics: [fixtureAccuracy] }))
      .rejects.toThrow(/different data.*other\.csv/);
    await expect(compare({ runs: mk({ protocol: { name: 'cmexam-paper', signature: 'x' } }), metrics: [fixtureAccuracy] }))
      .rejects.toThrow(/different protocols.*"standard".*"cmexam-paper"/);
    await expect(compare({ runs: mk({ protocol: { ...base.protocol, signature: 'standard|v2' } }), metrics: [fixtureAccuracy] }))
      .rejects.toThrow(/different versions of protocol "standard"/);
    await expect(compare({ runs: mk({ metrics: { ...base.metrics, accuracy: { ...base.metrics.accuracy!, signature: 'acc|v9' } } }), metrics: [fixtureAccuracy] }))
      .rejects.toThrow(/metric "accuracy" was computed differently/);
    await expect(compare({ runs: constructedPair().runs, metrics: [{ ...fixtureAccuracy, signature: 'other' }] }))
      .rejects.toThrow(/given to compare\(\) has signature "other"/);
    await expect(compare({ runs: constructedPair().runs.slice(0, 1), metrics: [fixtureAccuracy] })).rejects.toThrow(/at least two runs/);
    const { runs } = constructedPair();
    runs[1]!.records = iterate([{ ...constructedPair().b[0]!, id: 'zzz' }]);
    await expect(compare({ runs, metrics: [fixtureAccuracy] })).rejects.toThrow(/no sample id in common/);
    const noItems = constructedPair().runs;
    noItems[1]!.records = iterate(constructedPair().b.map((r) => ({ ...r, items: {} })));
    await expect(compare({ runs: noItems, metrics: [fixtureAccuracy] })).rejects.toThrow(/run "B" has no per-sample items for metric "accuracy"/);
    await expect(compare({ runs: constructedPair().runs, metrics: [{ ...fixtureLength, pairedTest: 'mcnemar' }] }))
      .rejects.toThrow(/asks for McNemar's test but its items are not all 0\/1/);
  });

  it('compares three runs against the first and renders Markdown, HTML and notebook display', async () => {
    const { runs, b } = constructedPair();
    const third = { name: 'C <x>', results: runs[1]!.results, records: iterate(b.map((r) => ({ ...r, output: '<script>window.__pwned=1</script>' }))) };
    const multi = (await compare({ runs: [...runs, third], metrics: [fixtureAccuracy, fixtureLength], bootstrapSamples: 100 })) as MultiComparison;
    expect(isMultiComparison(multi)).toBe(true);
    expect(Object.keys(JSON.parse(JSON.stringify(multi)))).toEqual(['baseline', 'comparisons']);
    expect(Object.keys(multi.comparisons)).toEqual(['B', 'C <x>']);
    expect(multi.comparisons['C <x>']!.metrics.accuracy!.p).toBe(0.03857421875);
    const md = renderComparisonMarkdown(multi);
    expect(md).toContain('# Comparison with baseline A');
    expect(md).toContain('| C &lt;x&gt; | 40 |');
    expect(md).not.toContain('fewer than 20 samples');
    expect(md).toContain('## C &lt;x&gt; vs A');
    const html = renderComparisonHtml(multi);
    expect(html).not.toContain('<x>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<svg ');
    const display = (multi as unknown as Record<symbol, () => Record<string, string>>)[JUPYTER_DISPLAY]!();
    expect(display['text/markdown']).toBe(md);
  });

  it('renders a two-run comparison as overall and per-dimension tables', async () => {
    const c = await compareTwo({ runs: constructedPair().runs, metrics: [fixtureAccuracy, fixtureLength], bootstrapSamples: 100 });
    const md = renderComparisonMarkdown(c);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['# B vs A', '## Overall', '## Difficulty level', '## Medical Discipline', '## Clinical Department']);
    expect(md).toContain('| Acc | 75.00 | 55.00 | -20.00 |');
    expect(md).toMatch(/\| 0\.039 \| exact McNemar \|/);
    expect(md).toContain('| 1 Easy | 20 | 75.00 → 55.00, Δ -20.00');
    expect(md).toContain('| ClinMed | 40 |');
    expect(md).not.toContain('†'); // every slice has at least 20 samples
    expect(md).toContain('- Samples compared: 40 (only in A: 1, only in B: 1)');
    const display = (c as unknown as Record<symbol, () => Record<string, string>>)[JUPYTER_DISPLAY]!();
    expect(display['text/html']).toContain('B vs A');
  });
});

describe('compare on small slices', () => {
  it('marks slices under 20 samples as unreliable in the rendered tables, not in the JSON', async () => {
    const a = fixtureRun(60, 0), b = fixtureRun(60, 3);
    const c = await compareTwo({
      runs: [{ name: 'A', results: a.result, records: iterate(a.records) }, { name: 'B', results: b.result, records: iterate(b.records) }],
      metrics: [fixtureAccuracy, fixtureLength],
      bootstrapSamples: 50,
    });
    const md = renderComparisonMarkdown(c);
    expect(md).toContain('| 1 Easy † | 12 |');
    expect(md).toContain('† fewer than 20 samples');
    expect(md).toContain('| ClinMed | 20 |');
    expect(JSON.stringify(c)).not.toContain('†');
    expect(renderComparisonHtml(c)).toContain('1 Easy †');
  });
});
