import { EncodingError } from '@medeval/core';
import { describe, expect, it } from 'vitest';
import { cmexamSample } from '../sample/index.js';
import type { CmexamSample } from '../schema.js';
import { loadCmexam } from './dataset.js';
import { describeLoadSummary } from './summary.js';
import { sharedAvailable, sharedPath } from '../../../../tests/helpers/shared-data.js';

async function all(data: Parameters<typeof loadCmexam>[0], options?: Parameters<typeof loadCmexam>[1]) {
  const dataset = loadCmexam(data, options);
  const samples: CmexamSample[] = [];
  for await (const s of dataset.samples()) samples.push(s);
  return { samples, summary: dataset.summary(), dataset };
}

const HEADER = 'Question,Options,Answer,Explanation';

describe('loadCmexam', () => {
  it('loads the bundled sample (official format) with ids = data-row index and the five annotations', async () => {
    const { samples, summary, dataset } = await all(cmexamSample);
    expect(samples.length).toBe(56);
    expect(samples.map((s) => s.id)).toEqual(samples.map((_, i) => String(i)));
    expect(summary).toMatchObject({ read: 56, loaded: 56, skipped: 0 });
    expect(summary.stats).toMatchObject({ emptyAnswer: 0, multiAnswer: 9, emptyExplanation: 3, fourOptions: 6, skippedLetters: 1 });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(dataset.annotationColumns()).toEqual([
      'Disease Group',
      'Clinical Department',
      'Medical Discipline',
      'Area of Competency',
      'Difficulty level',
    ]);
    const first = samples[0]!;
    expect(first.input.options.map((o) => o.letter).join('')).toBe('ABCDE');
    expect(first.target.answer).toBe('B');
    expect(first.meta['Difficulty level']).toBe(1);
    expect(samples.some((s) => s.target.explanation.includes('\n'))).toBe(true);
    const skipped = samples.find((s) => s.input.options[0]!.letter === 'B')!;
    expect(skipped.input.optionsText.split('\n').map((l) => l[0]).join('')).toBe('BCDE');
  });

  it('reads third-party conversions: literal \\n, nan cells, LF only, no BOM', async () => {
    const text = `${HEADER},Difficulty level\n题干,A 甲\\nB 乙 丙\\nC 丁,B,解析一\\n解析二,nan\n题二,A 甲\\nB 乙,nan,nan,3\n`;
    const { samples, summary } = await all({ name: 'conv.csv', text });
    expect(samples[0]!.input.options).toEqual([
      { letter: 'A', text: '甲' },
      { letter: 'B', text: '乙 丙' },
      { letter: 'C', text: '丁' },
    ]);
    expect(samples[0]!.target.explanation).toBe('解析一\n解析二');
    expect(samples[0]!.meta['Difficulty level']).toBeNull();
    expect(samples[1]!.target).toMatchObject({ answer: '', explanation: '' });
    expect(summary.stats).toMatchObject({ literalNewlines: 2, nanCells: 3, emptyAnswer: 1, emptyExplanation: 1 });
  });

  it('reads JSON Lines and the Hugging Face layout (Options as a list of {key, value})', async () => {
    const text = [
      JSON.stringify({ Question: '问一', Options: 'A 甲\nB 乙', Answer: 'B', Explanation: '因为（B对）' }),
      '',
      JSON.stringify({ question: '问二', options: [{ key: 'A', value: '甲' }, { key: 'B', value: '乙' }], answer: 'A,B', explanation: null }),
    ].join('\n');
    const { samples, summary } = await all({ name: 'rows.jsonl', text });
    expect(samples.map((s) => [s.id, s.target.answer])).toEqual([['0', 'B'], ['1', 'AB']]);
    expect(samples[1]!.input.optionsText).toBe('A 甲\nB 乙');
    expect(summary.skipped).toBe(0);
  });

  it('reads a JSON array (Hugging Face export)', async () => {
    const text = JSON.stringify([{ Question: '问', Options: [{ key: 'A', value: '甲' }, { key: 'B', value: '乙' }], Answer: 'A', Explanation: '' }]);
    const { samples } = await all({ name: 'rows.json', text });
    expect(samples[0]!.target.answer).toBe('A');
  });

  it('stops at a row that cannot be parsed (wrong field count), naming file, line, row and the way out', async () => {
    const text = [HEADER, '好题,"A 甲\nB 乙",A,', '缺列,"A 甲\nB 乙"', '又一好题,"A 甲\nB 乙",B,'].join('\r\n');
    await expect(all({ name: 'bad.csv', text })).rejects.toThrow(
      'bad.csv: line 4: data row 1: expected 4 fields, found 2 (the row cannot be parsed; fix the file, or pass --skip-bad-rows / skipBadRows to skip such rows and report them)',
    );
    const tooMany = [HEADER, '好题,"A 甲\nB 乙",A,,多出来的一列'].join('\n');
    await expect(all({ name: 'wide.csv', text: tooMany })).rejects.toThrow('wide.csv: line 2: data row 0: expected 4 fields, found 5');
    await expect(all({ name: 'open.csv', text: [HEADER, '好题,"A 甲\nB 乙,A,'].join('\n') })).rejects.toThrow(
      'open.csv: line 2: quoted field never closed',
    );
  });

  it('with skipBadRows, reports malformed rows with file, row, line and reason, and keeps going', async () => {
    const text = [
      HEADER,
      '好题,"A 甲\nB 乙",A,',
      '缺列,"A 甲\nB 乙"',
      '坏答案,"A 甲\nB 乙",F,',
      '坏选项,"甲乙丙\nB 乙",A,',
      ',"A 甲\nB 乙",A,',
      '重复,"A 甲\nA 乙",A,',
      '又一好题,"A 甲\nB 乙",B,',
    ].join('\r\n');
    const { samples, summary } = await all({ name: 'bad.csv', text }, { skipBadRows: true });
    expect(samples.map((s) => s.id)).toEqual(['0', '6']);
    expect(summary.read).toBe(7);
    expect(summary.skipped).toBe(5);
    expect(summary.problems.map((p) => p.row)).toEqual([1, 2, 3, 4, 5]);
    expect(summary.problems[0]!.reason).toBe('bad.csv: row 1 (line 4): expected 4 fields, found 2');
    expect(summary.problems[1]!.reason).toMatch(/bad\.csv: row 2 \(line 6\): Answer letter F is not among the options \(AB\)/);
    expect(summary.problems[2]!.reason).toMatch(/row 3 .*option line 1 \("甲乙丙"\) is not "<Letter> <text>"/);
    expect(summary.problems[3]!.reason).toMatch(/row 4 .*question: empty Question/);
    expect(summary.problems[4]!.reason).toMatch(/row 5 .*option A appears twice/);
    expect(Object.values(summary.reasons).reduce((a, b) => a + b, 0)).toBe(5);
    const text2 = describeLoadSummary(summary);
    expect(text2).toContain('bad.csv: 7 rows read, 2 loaded, 5 skipped');
    expect(text2).toContain('skipped 1× expected 4 fields, found 2');
  });

  it('rejects a file without the required columns, naming them', async () => {
    await expect(all({ name: 'x.csv', text: 'Q,Options\n1,2\n' })).rejects.toThrow(/x\.csv: line 1: missing column\(s\) Question, Answer/);
  });

  it('names the likely encoding of a GB18030 file', async () => {
    // "问题,选项" in GBK/GB18030 bytes: not valid UTF-8.
    const bytes = new Uint8Array([0xce, 0xca, 0xcc, 0xe2, 0x2c, 0xd1, 0xa1, 0xcf, 0xee, 0x0a]);
    const error = await all({ name: 'gbk.csv', bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodingError);
    expect((error as Error).message).toMatch(/gbk\.csv: not valid UTF-8 .*GB18030/);
  });

  it('stops after limit samples and then leaves sha256 unset (not a full pass)', async () => {
    const { samples, summary } = await all(cmexamSample, { limit: 5 });
    expect(samples).toHaveLength(5);
    expect(summary.sha256).toBeUndefined();
  });

  it('streams: a second iteration re-reads and gives the same samples', async () => {
    const dataset = loadCmexam(cmexamSample);
    const ids = async () => {
      const out: string[] = [];
      for await (const s of dataset.samples()) out.push(s.target.answer);
      return out;
    };
    expect(await ids()).toEqual(await ids());
  });

  const VAL = sharedPath('data/cmexam/val.csv');
  it.skipIf(!sharedAvailable(VAL))('loads the real val split: 6,811 samples, 210 multi-answer, 1 empty answer, 1,039 empty explanations', async () => {
    const dataset = loadCmexam(VAL);
    let n = 0;
    let withAnswer = 0;
    for await (const s of dataset.samples()) {
      n++;
      if (s.target.answer !== '') withAnswer++;
    }
    const summary = dataset.summary();
    expect(n).toBe(6811);
    expect(withAnswer).toBe(6810);
    expect(summary).toMatchObject({ read: 6811, loaded: 6811, skipped: 0 });
    expect(summary.stats).toMatchObject({ multiAnswer: 210, emptyAnswer: 1, emptyExplanation: 1039, fourOptions: 205 });
    expect(summary.sha256).toBe('847dd9a0a765a2478efd9a2758a2547f6d54055f41b9448c362378c9f5318511');
  });
  if (!sharedAvailable(VAL)) it.skip(`val split check skipped: ${VAL} is absent`, () => {});
});

describe('count()', () => {
  it('counts the records without building samples (the progress total), equal to the rows read', async () => {
    const { samples, summary, dataset } = await all(cmexamSample);
    expect(await dataset.count()).toBe(summary.read);
    expect(samples.length).toBe(summary.loaded);
  });
});
