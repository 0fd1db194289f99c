// embedJsonParts: the data block of report.html in pieces, joined equal to JSON.stringify (escaped) of the
// same value, for a real viewer's data and for the values JSON.stringify treats specially.
import { describe, expect, it } from 'vitest';
import { fixtureRun, iterate, XSS_OUTPUT } from './test-fixture.js';
import type { EvalRecord } from '../types.js';
import { embedJson, embedJsonParts, embedViewerParts, packedViewerData, viewerData } from './viewer-data.js';

const escaped = (value: unknown) => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('embedJsonParts', () => {
  it("joins to the escaped JSON.stringify of a 2,300-sample viewer's data, in pieces under 70,000 characters", async () => {
    const { result, records } = fixtureRun(2300);
    const data = await viewerData([{ name: 'm', result, records: iterate(records) }]);
    const pieces = [...embedJsonParts(data)];
    expect(pieces.join('')).toBe(escaped(data));
    expect(pieces.join('')).toBe(embedJson(data));
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
  });

  it('writes what JSON.stringify writes for skipped, special and nested values', () => {
    const long = Array.from({ length: 600 }, (_, i) => (i % 50 === 0 ? undefined : i % 7 === 0 ? [i, `</script>${i}`] : { i, s: '\u2028&' }));
    const value = {
      a: undefined,
      f: () => 1,
      s: Symbol('x'),
      d: new Date(0),
      n: [NaN, Infinity, -0, null, undefined, () => 2],
      nested: { deep: { deeper: { deepest: [1, { x: undefined, y: 2 }] } } },
      long,
      longOfLong: [long, [], {}],
      xss: XSS_OUTPUT,
      empty: [],
      obj: {},
    };
    expect([...embedJsonParts(value)].join('')).toBe(escaped(value));
    for (const plain of [null, 1, 'x</script>', [], {}, [undefined]]) expect([...embedJsonParts(plain)].join('')).toBe(escaped(plain));
  });
});

describe('viewerData prompts', () => {
  it('lists each distinct prompt once and points every cell at its own', async () => {
    const { result, records } = fixtureRun(6);
    const prompt = (q: string) => [{ role: 'system' as const, content: '你是医学考试助手。' }, { role: 'user' as const, content: q }];
    const withPrompts = records.map((r, i) => ({ ...r, prompt: prompt(i % 2 === 0 ? '题目甲' : `题目${i}`) }));
    const data = await viewerData([{ name: 'm', result, records: iterate(withPrompts) }]);
    const PROMPT = 12; // the cell's last field
    const shown = data.cells[0]!.map((cell) => data.prompts[cell[PROMPT] as number]);
    expect(shown).toEqual(withPrompts.map((r) => r.prompt));
    expect(data.prompts).toHaveLength(1 + 3); // 题目甲 once, 题目1/3/5 each
    expect(new Set(data.cells[0]!.filter((_, i) => i % 2 === 0).map((cell) => cell[PROMPT])).size).toBe(1);
  });
});

describe('packedViewerData', () => {
  // The reference is the object form: embedJson(viewerData(...)) of the same records, as JSON.stringify writes it.
  const withPrompts = (records: EvalRecord[]) =>
    records.map((r, i) => ({
      ...r,
      prompt: [
        { role: 'system' as const, content: '你是医学考试助手。</script>\u2028' },
        { role: 'user' as const, content: i % 3 === 0 ? '同一题' : `题目 ${i} <b>&` },
      ],
    }));

  it('embeds as exactly the JSON of viewerData on the same records: rules, prompts, outcomes, scores, slices, escapes', async () => {
    const { result, records } = fixtureRun(2300);
    records[8] = { ...records[8]!, scores: { accuracy: Number.NaN, distinct1: Number.POSITIVE_INFINITY }, reasoning: undefined, output: XSS_OUTPUT };
    const all = withPrompts(records);
    const packed = await packedViewerData({ name: 'm', result, records: iterate(all) });
    const reference = await viewerData([{ name: 'm', result, records: iterate(all) }]);
    const pieces = [...embedViewerParts(packed)];
    expect(pieces.join('')).toBe(embedJson(reference));
    expect(pieces.join('')).toBe([...embedViewerParts(reference)].join(''));
    expect(packed.samples).toHaveLength(2300);
    expect(packed.prompts.length).toBe(1 + 2300 - Math.ceil(2300 / 3)); // the shared prompt once
    expect(reference.rules.length).toBeGreaterThan(1);
    expect(pieces.length).toBeGreaterThan(5);
    // ~64K characters of JSON a piece; these prompts' many `<`, `>` and `&` become 6-character escapes.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100_000);
  });

  it('keeps the first maxSamples records, and none at 0, as viewerData does', async () => {
    const { result, records } = fixtureRun(300);
    for (const maxSamples of [0, 1, 120, 300, 301]) {
      const packed = await packedViewerData({ name: 'm', result, records: iterate(withPrompts(records)) }, { maxSamples });
      const reference = await viewerData([{ name: 'm', result, records: iterate(withPrompts(records)) }], { maxSamples });
      expect([...embedViewerParts(packed)].join('')).toBe(embedJson(reference));
      expect(packed.samples).toHaveLength(Math.min(maxSamples, 300));
    }
  });
});
