// Readings used only when no statement commits to (or refuses) an answer: per-option verdicts, an output
// that is just the answer (`C`, `C. 凝血障碍`), and answers given as option text.
import type { CmexamOption } from '../../schema.js';
import { containedOptions, letterTextPrefix, letterWithText, optionTextEquals, optionTextList, sortedLetters, squash } from './options.js';
import { CONCLUSION, verdictPattern, type LetterPatterns } from './statements.js';

export type FallbackRule = 'option-verdicts' | 'letter-only' | 'leading-letter' | 'letter-with-text' | 'option-text' | 'bold-option-text' | 'conclusion-option-text' | 'repetition';

export interface Reading {
  rule: FallbackRule;
  start: number;
  end: number;
  /** Sorted letters, or null: the reading found two candidates and refuses to guess. */
  letters: string | null;
}

/**
 * `A错误，B错误，C正确…`: each option's last verdict; the answer is the options judged correct (in a negated
 * question, the options judged wrong).
 */
export function optionVerdicts(text: string, p: LetterPatterns, negatedQuestion: boolean, options?: readonly CmexamOption[]): Reading | null {
  const last = new Map<string, { positive: boolean; start: number; end: number }>();
  for (const m of text.matchAll(verdictPattern(p))) {
    last.set(m[1]!, { positive: m[2] !== undefined, start: m.index, end: m.index + m[0].length });
  }
  // A line that is only a letter, maybe its option's text, and a verdict: `A. 错误` / `B. 二尖瓣狭窄：正确`.
  if (options) {
    let at = 0;
    for (const line of text.split('\n')) {
      const letter = new RegExp(String.raw`^\s*(${p.L})\s*[.．、:：)）]`).exec(line)?.[1];
      const rest = letter ? line.slice(letterTextPrefix(line, options).length) : '';
      const verdict = letter ? /^[\s:：,，—-]*(?:(正确|对)|(错误|不正确|错))[\s。.]*$/.exec(rest) : null;
      if (letter && verdict) last.set(letter, { positive: verdict[1] !== undefined, start: at, end: at + line.length });
      at += line.length + 1;
    }
  }
  const chosen = [...last.entries()].filter(([, v]) => v.positive !== negatedQuestion);
  if (chosen.length === 0) return null;
  const start = Math.min(...chosen.map(([, v]) => v.start));
  const end = Math.max(...chosen.map(([, v]) => v.end));
  return { rule: 'option-verdicts', start, end, letters: sortedLetters(chosen.map(([l]) => l).join('')) };
}

/** Outputs that are only an answer, or start with one: `C`, `(C)`, `A、C`, `C. 出血量`, `C。因为…`. */
export function bareAnswer(text: string, options: readonly CmexamOption[], p: LetterPatterns): Reading | null {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const firstLine = trimmed.split('\n')[0]!.trim();
  const only = new RegExp(String.raw`^[(（【\[]?\s*(${p.LETS})\s*[)）】\]]?\s*[.．。!！]?$`);
  for (const candidate of [trimmed, firstLine]) {
    const m = only.exec(candidate);
    if (m) return { rule: 'letter-only', start: lead, end: lead + candidate.length, letters: sortedLetters(m[1]!) };
  }
  // Several lines that start with different letters are a listing of options (an analysis), not an answer;
  // the same letter over and over is a model repeating its answer.
  if (isOptionListing(trimmed)) return null;
  const withText = letterWithText(firstLine, options);
  if (withText) return { rule: 'letter-with-text', start: lead, end: lead + firstLine.length, letters: withText };
  const leading = new RegExp(String.raw`^[(（【\[]?\s*(${p.L})\s*[)）】\]]?(?:\s*[.．。、:：,，;；]|\s*\n|\s+(?=[\u4e00-\u9fff]))`).exec(trimmed);
  if (leading) return { rule: 'leading-letter', start: lead, end: lead + leading[0].length, letters: leading[1]! };
  return null;
}

// Mentions that do not commit (`不是夜盲症`, `而非坏血病`, `排除脚气病`), dropped before matching option text.
const NOT_CHOSEN = /(?:不是|而非|并非|而不是|排除|不考虑|不选|不包括)[^，。,；;\n]*/g;
// What is left after dropping `不是X` phrases that still says an option is not the answer (`…，与本题无关`).
const NEGATION = /错误|不正确|不对|除外|以外|无关|不相关|不属于/;
const CONCLUDES = new RegExp(String.raw`${CONCLUSION}|最可能|最佳|首选|应(?:该)?(?:是|为|选)|诊断(?:为|是)|考虑(?:为|是)|最符合|最合适|正确的是|是正确的`);

/** Several segments that start with different letters (`A. … B. …`, `A:…;B:…`): an analysis or an echo. */
export function isOptionListing(text: string): boolean {
  // `A:B:C:D:` (letters with nothing between) is a listing too.
  const letters = new Set([...text.trim().matchAll(/(?:^|[\n;；]|[。]\s*|(?<=(?<![A-Za-z])[A-J]\s*[:：]\s*))\s*[(（]?([A-J])[)）]?\s*[.．、:：)）]/g)].map((m) => m[1]));
  return letters.size > 1;
}

/** Answers given as option text: the whole output, a bold phrase, the concluding sentence, a short answer. */
export function optionTextAnswer(text: string, bold: readonly string[], options: readonly CmexamOption[], negatedQuestion: boolean): Reading | null {
  const whole = { start: 0, end: text.length };
  const trimmed = text.trim();
  const exact = optionTextEquals(trimmed, options) ?? optionTextList(trimmed, options);
  if (exact) return { rule: 'option-text', ...whole, letters: exact };
  // **二尖瓣狭窄** — the last bold phrase that is exactly one option's text (or `C. text`).
  for (let i = bold.length - 1; i >= 0; i--) {
    const letters = letterWithText(bold[i]!, options) ?? optionTextEquals(bold[i]!, options);
    if (letters) {
      const at = text.lastIndexOf(bold[i]!);
      return { rule: 'bold-option-text', start: Math.max(at, 0), end: Math.max(at, 0) + bold[i]!.length, letters };
    }
  }
  // An echo of the options, or an analysis of each, names every option: only a concluding sentence counts.
  const listing = isOptionListing(trimmed);
  const clean = (s: string) => (negatedQuestion ? s : s.replace(NOT_CHOSEN, ''));
  // The last sentence that concludes and names an option decides; two options named there is no answer.
  const sentences = [...text.matchAll(/[^。！？!?\n；;]+/g)];
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i]!;
    if (!CONCLUDES.test(s[0]) || (listing && /^\s*[(（]?[A-J][)）]?\s*[.．、:：)）]/.test(s[0]))) continue;
    const named = containedOptions(clean(s[0]), options);
    if (named.length === 0) continue;
    const list = optionTextList(clean(s[0]).replace(new RegExp(`^.*?(?:${CONCLUSION}|是|为)[，,：:]?`), ''), options);
    const letters = named.length === 1 ? named[0]!.letter : list;
    return { rule: 'conclusion-option-text', start: s.index, end: s.index + s[0].length, letters };
  }
  if (listing) return null;
  // A short answer that names one option, unless it says the option is not the answer.
  if (!negatedQuestion && NEGATION.test(clean(trimmed))) return null;
  const squashed = squash(clean(trimmed));
  const named = containedOptions(clean(trimmed), options);
  if (named.length === 1) {
    const own = squash(named[0]!.text);
    // `凝血障碍凝血障碍凝血障碍…`: degenerate repetition of one option.
    const repeats = squashed.split(own).length - 1;
    if ([...squashed].length <= 40) return { rule: 'option-text', ...whole, letters: named[0]!.letter };
    if (repeats >= 3 && repeats * own.length * 2 >= squashed.length) return { rule: 'repetition', ...whole, letters: named[0]!.letter };
  }
  return null;
}
