// The `standard` protocol's answer extractor: finds what the model actually stated, and says `unparsed`
// or `empty` rather than guessing. Agrees with the golden answer-line regex wherever that regex matches,
// except that when several answer statements appear the LAST one wins (chain of thought revises itself).
import type { CmexamOption } from '../schema.js';
import { sortedLetters } from './answer-line.js';

export type StrictRule =
  | 'answer-statement'
  | 'answer-option-text'
  | 'choose-statement'
  | 'english'
  | 'boxed'
  | 'json'
  | 'letter-only'
  | 'letter-with-text'
  | 'option-text';

export interface StrictResult {
  /** Sorted letters (`C`, `ABD`), or null when nothing was extracted. */
  answer: string | null;
  status: 'ok' | 'unparsed' | 'empty';
  /** Which rule decided, for records and debugging. */
  rule?: StrictRule;
}

// Letters A–E with the separators models put between them (`A、B和C`, `A, C`, `A/B`).
const LETTERS = String.raw`[A-E](?:[ \t,，、和及与/]*[A-E])*`;
// A letter run must not continue into a word (`CT`, `B超`, `C出血量`): same rule as the golden regex.
const END = String.raw`(?![A-Za-z0-9\u4e00-\u9fff])`;
const OPEN = String.raw`[(（【\[]?\s*`;
const CLOSE = String.raw`\s*[)）】\]]?`;

/** Statements, each of which names the answer. All matches are collected; the last one wins. */
const STATEMENTS: Array<{ rule: StrictRule; re: RegExp }> = [
  {
    // 答案：C / 答案是C / 正确答案为 A、B / 【答案】C / 答案应选C / 答案：选项C
    rule: 'answer-statement',
    re: new RegExp(
      String.raw`答案\s*(?:[】\]]\s*[:：]?|(?:应该|应当|应)?\s*(?:[:：]|是|为|选择|选)\s*(?:[:：]|是|为|选择|选)?)\s*(?:选项)?\s*${OPEN}(${LETTERS})${CLOSE}${END}`,
      'g',
    ),
  },
  {
    // 故选D / 应选C / 所以选择B / 本题选A / 正确选项是C / 答：C (at a line start)
    rule: 'choose-statement',
    re: new RegExp(
      String.raw`(?:(?:故|应|所以|因此|因而|本题|综上|即|则)\s*(?:应)?\s*选(?:择)?|正确(?:的)?选项\s*(?:是|为|[:：])|(?:^|\n)\s*答\s*[:：])\s*[:：]?\s*(?:选项)?\s*${OPEN}(${LETTERS})${CLOSE}${END}`,
      'g',
    ),
  },
  {
    // The answer is C / Answer: B / the correct answer is (A) and (C) / final answer: option D
    rule: 'english',
    re: new RegExp(
      String.raw`\b(?:[Tt]he\s+)?(?:[Cc]orrect\s+|[Ff]inal\s+|[Bb]est\s+)?[Aa]nswer\s*(?:is|:|would\s+be|should\s+be)\s*:?\s*(?:[Oo]ption\s*|[Cc]hoice\s*)?[(\[]?([A-E](?:[)\]]?(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)[(\[]?[A-E])*)[)\]]?(?![A-Za-z0-9])(?!\s*(?:or|或)\b)`,
      'g',
    ),
  },
  { rule: 'boxed', re: new RegExp(String.raw`\\boxed\{\s*(?:\\text(?:bf)?\{)?\s*(${LETTERS})\s*\}?\s*\}`, 'g') },
];

const JSON_ANSWER = /"(?:answer|final_answer|答案|choice|option)s?"\s*:\s*(?:"([^"]*)"|\[([^\]]*)\])/gi;
const REFUSAL =
  /无法回答|无法确定|不能回答|无法作答|不能提供|无法提供|抱歉|对不起|作为(?:一个)?(?:AI|人工智能)|请咨询|I (?:cannot|can't|am unable)|as an AI/i;
const NEGATION = /不是|而非|并非|错误|不正确|不对|排除|不选|除外|以外|无关|不相关|不属于/;

/** Full-width letters and colons to ASCII-compatible forms; markdown emphasis removed. */
export function normalizeOutput(output: string): string {
  return output
    .replace(/[Ａ-Ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\*\*|__/g, '')
    .replace(/\u3000/g, ' ');
}

/** Option text compared without whitespace and list punctuation (`荆芥穗  淡豆豉` = `荆芥穗、淡豆豉`). */
function squash(text: string): string {
  return text.replace(/[\s、，,。.．；;：:!！?？"“”'‘’]+/g, '');
}

export function extractStrict(output: string | null, options: readonly CmexamOption[]): StrictResult {
  if (output === null || output.trim() === '') return { answer: null, status: 'empty' };
  const text = normalizeOutput(output);

  const statement = lastStatement(text, options);
  if (statement) return { answer: statement.answer, status: 'ok', rule: statement.rule };

  if (REFUSAL.test(text)) return { answer: null, status: 'unparsed' };

  const bare = bareAnswer(text, options);
  if (bare) return { answer: bare.answer, status: 'ok', rule: bare.rule };
  return { answer: null, status: 'unparsed' };
}

interface Found {
  index: number;
  answer: string;
  rule: StrictRule;
}

function lastStatement(text: string, options: readonly CmexamOption[]): Found | null {
  const found: Found[] = [];
  for (const { rule, re } of STATEMENTS) {
    for (const match of text.matchAll(re)) found.push({ index: match.index, answer: sortedLetters(match[1]!), rule });
  }
  for (const match of text.matchAll(JSON_ANSWER)) {
    const value = match[1] ?? match[2] ?? '';
    const answer = lettersOrOptionText(value, options);
    if (answer) found.push({ index: match.index, answer, rule: 'json' });
  }
  // `答案：C出血量` / `答案：白头翁` / `应为白头翁`: an answer word followed by an option's own text.
  for (const match of text.matchAll(/(?:答案\s*(?:是|为|[:：])|应为|应是|应该是|正确的是)\s*([^\n，。；]*)/g)) {
    const answer = letterWithText(match[1]!, options) ?? optionTextEquals(match[1]!, options);
    if (answer) found.push({ index: match.index, answer, rule: 'answer-option-text' });
  }
  if (found.length === 0) return null;
  // The last statement wins; at the same position the letter statement (found first) is kept.
  return found.reduce((last, f) => (f.index > last.index ? f : last));
}

/** JSON values: `"C"`, `"A, C"`, `["A","C"]`, or one option's text. */
function lettersOrOptionText(value: string, options: readonly CmexamOption[]): string | null {
  const trimmed = normalizeOutput(value).trim();
  if (/^[\s"',，、A-E]*$/.test(trimmed) && /[A-E]/.test(trimmed)) return sortedLetters(trimmed);
  return optionTextEquals(trimmed, options);
}

/** Outputs that are only an answer: `C`, `(C)`, `A、C`, `C. 出血量`, or exactly an option's text. */
function bareAnswer(text: string, options: readonly CmexamOption[]): Found | null {
  const trimmed = text.trim();
  const firstLine = trimmed.split('\n')[0]!.trim();
  const letterOnly = new RegExp(String.raw`^${OPEN}(${LETTERS})${CLOSE}\s*[.．。!！]?$`);
  for (const candidate of [trimmed, firstLine]) {
    const match = letterOnly.exec(candidate);
    if (match) return { index: 0, answer: sortedLetters(match[1]!), rule: 'letter-only' };
  }
  // A listing of several options (`A. … \n B. …`) is an analysis, not an answer.
  const listing = trimmed.split('\n').filter((line) => /^\s*[(（]?[A-E][)）]?\s*[.．、:：)）]/.test(line)).length > 1;
  if (!listing) {
    const withText = letterWithText(firstLine, options);
    if (withText) return { index: 0, answer: withText, rule: 'letter-with-text' };
  }
  if (NEGATION.test(trimmed)) return null;
  const byText = optionTextEquals(trimmed, options) ?? optionTextList(trimmed, options);
  return byText ? { index: 0, answer: byText, rule: 'option-text' } : null;
}

/** `C. 出血量`, `C 出血量。`, `C出血量`: a letter followed by that option's own text. */
function letterWithText(text: string, options: readonly CmexamOption[]): string | null {
  const match = /^\s*[(（]?([A-E])[)）]?\s*[.．、:：]?\s*(.+)$/s.exec(text);
  if (!match) return null;
  const option = options.find((o) => o.letter === match[1]);
  if (!option) return null;
  const rest = squash(match[2]!);
  const own = squash(option.text);
  return own !== '' && rest.startsWith(own) ? option.letter : null;
}

/** The whole text is one option's text (ignoring spaces and punctuation). */
function optionTextEquals(text: string, options: readonly CmexamOption[]): string | null {
  const target = squash(text);
  if (target === '') return null;
  const hits = options.filter((o) => squash(o.text) === target);
  return hits.length === 1 ? hits[0]!.letter : null;
}

/**
 * Short free text that contains exactly one option's text, or a list whose every item is an option's
 * text (`生活污水污染、工业废水污染` → AC). Texts contained in another option's text do not count twice.
 */
function optionTextList(text: string, options: readonly CmexamOption[]): string | null {
  const items = text.split(/[、，,；;\n]|和|及/).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length > 1) {
    const letters = items.map((item) => optionTextEquals(item, options));
    if (letters.every((l) => l !== null)) return sortedLetters(letters.join(''));
  }
  const squashed = squash(text);
  if ([...squashed].length > 40) return null;
  const contained = options.filter((o) => squash(o.text) !== '' && squashed.includes(squash(o.text)));
  const maximal = contained.filter(
    (o) => !contained.some((other) => other !== o && squash(other.text).includes(squash(o.text))),
  );
  return maximal.length === 1 ? maximal[0]!.letter : null;
}
