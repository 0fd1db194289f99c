import { describe, expect, it } from 'vitest';
import { OPTION_SETS, OUTPUT_FIXTURES } from './fixtures/outputs.js';
import { extractStrict } from './strict.js';

describe('strict extractor on the fixture corpus', () => {
  it('has at least 150 realistic outputs covering every style', () => {
    expect(OUTPUT_FIXTURES.length).toBeGreaterThanOrEqual(150);
    const styles = new Set(OUTPUT_FIXTURES.map((f) => f.style));
    for (const style of ['answer-line', 'letter-with-text', 'full-width', 'markdown', 'boxed', 'json', 'english', 'option-text', 'multi', 'cot', 'refusal', 'empty']) {
      expect(styles.has(style)).toBe(true);
    }
  });

  it.each(OUTPUT_FIXTURES.map((f, i) => [i, f.style, JSON.stringify(f.output).slice(0, 60), f] as const))(
    '#%i %s %s',
    (_i, _style, _text, fixture) => {
      const result = extractStrict(fixture.output, OPTION_SETS[fixture.options]);
      expect(result.answer).toBe(fixture.expected);
      expect(result.status).toBe(fixture.status ?? (fixture.expected === null ? 'unparsed' : 'ok'));
    },
  );

  it('treats null (a missing output) as empty', () => {
    expect(extractStrict(null, OPTION_SETS.vitk)).toMatchObject({ answer: null, status: 'empty', span: null });
  });
});
