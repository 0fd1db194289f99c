// Each CMExam protocol is one object (protocols.ts): these check the parts that differ between them; the
// readers themselves are checked against CMExam's own scripts in extract/golden.test.ts.
import { describe, expect, it } from 'vitest';
import { getProtocol } from '@medeval/metrics';
import { CMEXAM_PROTOCOL_DEFINITIONS, cmexamProtocol } from './protocols.js';
import { NO_ANSWER } from './extract/lora.js';
import type { CmexamTarget } from './schema.js';

const target = (explanation: string, explanationAsRead?: string) => ({ answer: 'A', explanation, ...(explanationAsRead !== undefined ? { explanationAsRead } : {}) }) as CmexamTarget;

describe('CMExam protocol definitions', () => {
  it('are the registry recipes of the same names, with their default prompts and judge rule', () => {
    for (const [name, d] of Object.entries(CMEXAM_PROTOCOL_DEFINITIONS)) {
      expect(d.name).toBe(name);
      expect(d.info).toEqual(getProtocol(name));
    }
    expect(Object.fromEntries(Object.entries(CMEXAM_PROTOCOL_DEFINITIONS).map(([n, d]) => [n, [d.defaultPrompt, d.judge]]))).toEqual({
      standard: ['zero-shot', true],
      'cmexam-paper': ['paper', false],
      'cmexam-gpt': ['gpt-script', false],
    });
  });

  it('say what the metrics see for a missing answer or explanation', () => {
    expect(cmexamProtocol('standard').scoredAnswer(null)).toBe(NO_ANSWER);
    expect(cmexamProtocol('cmexam-paper').scoredAnswer(null)).toBe(NO_ANSWER);
    expect(cmexamProtocol('cmexam-gpt').scoredAnswer(null)).toBeNull(); // dropped from every denominator
    expect(cmexamProtocol('cmexam-paper').scoredExplanation(null)).toBe(NO_ANSWER);
    expect(cmexamProtocol('standard').scoredExplanation(null)).toBe('');
    expect(cmexamProtocol('cmexam-gpt').scoredExplanation('解析')).toBe('解析');
  });

  it('read the reference explanation as each script does', () => {
    expect(cmexamProtocol('cmexam-paper').goldExplanation(target('x', ' x '))).toEqual([' x ']); // untrimmed, as pandas reads it
    expect(cmexamProtocol('cmexam-paper').goldExplanation(target('NA', 'NA'))).toBeNull(); // pandas NaN, dropped
    expect(cmexamProtocol('standard').goldExplanation(target('  '))).toBeNull();
    expect(cmexamProtocol('standard').goldExplanation(target('因为…'))).toEqual(['因为…']);
  });

  it('refuse a name that is not a CMExam recipe, listing the ones that are', () => {
    expect(() => cmexamProtocol('huatuo')).toThrow('protocol "huatuo" is not a CMExam recipe; the CMExam tasks take: standard, cmexam-paper, cmexam-gpt');
    expect(() => cmexamProtocol('nope')).toThrow(/nope/);
  });
});
