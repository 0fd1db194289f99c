// Agreement of the standard extractor with a careful human reading on REAL model outputs
// (fixtures/real: copied verbatim from public evaluation repositories, labelled by hand; see its README).
// dev.jsonl is what the rules were tuned on; heldout.jsonl was never looked at while tuning, so only its
// aggregate is printed here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CmexamOption } from '../schema.js';
import { extractAnswer } from './strict.js';

interface RealOutput {
  id: string;
  question: string;
  options: Record<string, string>;
  multi: boolean;
  output: string;
  label: string | null;
  status: 'ok' | 'unparsed' | 'empty' | 'truncated';
  classes: string[];
}

const folder = new URL('./fixtures/real/', import.meta.url);
const load = (name: string): RealOutput[] | null => {
  const url = new URL(name, folder);
  if (!existsSync(url)) return null;
  return readFileSync(url, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as RealOutput);
};

/**
 * Same reading as the human: an answer with the same letters, or no answer (of any kind) for none. Every source
 * states whether its question has one answer (`multi`), so the extractor gets that hint as a task would.
 */
export function agrees(entry: RealOutput): { agree: boolean; got: string | null; status: string; rule: string | undefined } {
  const options: CmexamOption[] = Object.entries(entry.options).map(([letter, text]) => ({ letter, text }));
  const r = extractAnswer({ output: entry.output, options, question: entry.question, single: !entry.multi });
  const agree = entry.label === null ? r.answer === null : r.answer === entry.label;
  return { agree, got: r.answer, status: r.status, rule: r.rule };
}

function summary(entries: RealOutput[]) {
  const results = entries.map((e) => ({ e, ...agrees(e) }));
  const agreed = results.filter((r) => r.agree).length;
  const byClass = new Map<string, [number, number]>();
  for (const r of results) {
    for (const c of r.e.classes) {
      const [a, n] = byClass.get(c) ?? [0, 0];
      byClass.set(c, [a + (r.agree ? 1 : 0), n + 1]);
    }
  }
  return { results, agreed, rate: agreed / entries.length, byClass };
}

const dev = load('dev.jsonl');
const heldout = load('heldout.jsonl');

describe('standard extractor on real model outputs', () => {
  it.skipIf(dev === null)('dev split (tuned on): ≥ 95 % agreement', () => {
    const s = summary(dev!);
    for (const r of s.results.filter((x) => !x.agree)) {
      console.log(`dev mismatch ${r.e.id}: label ${r.e.label ?? r.e.status}, read ${r.got ?? r.status} (${r.rule}) ← ${JSON.stringify(r.e.output.slice(-160))}`);
    }
    console.log(`dev: ${s.agreed}/${dev!.length} = ${(100 * s.rate).toFixed(1)} %`);
    expect(s.rate).toBeGreaterThanOrEqual(0.95);
  });

  // The target (issue 10) is 95 %; the floor asserted here is 90 % so that a regression fails CI while the
  // measured value (printed) is reported as it is rather than tuned to.
  it.skipIf(heldout === null)('held-out split (never tuned on): ≥ 90 % agreement, aggregate only', () => {
    const s = summary(heldout!);
    const classes = [...s.byClass.entries()].map(([c, [a, n]]) => `${c} ${a}/${n}`).join(', ');
    console.log(`heldout: ${s.agreed}/${heldout!.length} = ${(100 * s.rate).toFixed(1)} % (${classes})`);
    expect(s.rate).toBeGreaterThanOrEqual(0.9);
  });

  it.runIf(dev === null && heldout === null)('skipped: fixtures/real is absent', () => {
    console.log('fixtures/real/{dev,heldout}.jsonl not found: the real-output agreement checks were skipped');
  });
});
