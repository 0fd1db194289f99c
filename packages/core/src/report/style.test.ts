// Accessible colours: every text colour of the report against the backgrounds it is drawn on, in both
// schemes, by the WCAG 2.x contrast formula (relative luminance of sRGB), threshold AA for normal text.
import { describe, expect, it } from 'vitest';
import { CJK_FONT_STACK, DARK_COLOURS, LIGHT_COLOURS, REPORT_CSS } from './style.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('report colours', () => {
  it('computes contrast as WCAG does (reference pairs from the WCAG 2 definition)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.478, 2); // the classic "#777 fails AA" example
  });

  for (const [scheme, c] of [['light', LIGHT_COLOURS], ['dark', DARK_COLOURS]] as const) {
    it(`${scheme}: every text colour has at least 4.5:1 on the page and on the soft background`, () => {
      for (const text of ['fg', 'muted', 'ok', 'warn', 'bad', 'accent'] as const) {
        for (const bg of ['bg', 'soft'] as const) {
          expect(contrast(c[text], c[bg]), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrast(c.fg, c.mark), 'text on the highlighted span').toBeGreaterThanOrEqual(4.5);
    });
  }

  it('uses the variables it declares, has a dark scheme, a print style and a CJK font stack before the generic family', () => {
    expect(REPORT_CSS).toContain('@media (prefers-color-scheme:dark)');
    expect(REPORT_CSS).toContain('@media print');
    expect(REPORT_CSS).toContain(`${CJK_FONT_STACK},sans-serif`);
    expect(CJK_FONT_STACK).toContain('"Noto Sans CJK SC"');
    expect(CJK_FONT_STACK).toContain('"WenQuanYi Micro Hei"');
    // every colour variable used is declared (--runs is the detail grid's column count, set by the script)
    for (const used of new Set(REPORT_CSS.match(/var\(--[a-z0-9]+/g)!.map((v) => v.slice(6)))) {
      if (used !== 'runs') expect(Object.keys(LIGHT_COLOURS), used).toContain(used);
    }
  });
});
