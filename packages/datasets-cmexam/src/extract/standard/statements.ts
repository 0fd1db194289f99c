// Statements that commit to an answer: `答案：C`, `故选A`, `<C>`, `\boxed{C}`, `{"answer": "C"}`,
// `The answer is C`, `因此，选项E正确`, `ABCDE选项都可以`, and statements that commit to no answer (`无正确答案`,
// a hedge `C或D`, an empty `<>`). All are collected with their positions; the caller keeps the last one.
import type { CmexamOption } from '../../schema.js';
import { letterTextPrefix, letterWithText, optionTextEquals, sortedLetters, squash } from './options.js';

export type StatementRule =
  | 'answer-statement'
  | 'answer-lines'
  | 'answer-option-text'
  | 'choose-statement'
  | 'template'
  | 'boxed'
  | 'json'
  | 'english'
  | 'all-of'
  | 'verdict-conclusion'
  | 'negated-answer'
  | 'no-answer'
  | 'hedge'
  | 'options-echo';

export interface Statement {
  rule: StatementRule;
  /** Index range in the normalized text. */
  start: number;
  end: number;
  /** Sorted letters, or null for a statement that commits to no answer. */
  letters: string | null;
  /** Among statements at the same position, the higher rank wins (a fuller reading of the same words). */
  rank: number;
}

/** Regex pieces for one question's letters. */
export interface LetterPatterns {
  /** One upper-case letter. */
  L: string;
  /** A run of letters with the separators models put between them (`A、B和C`, `A, C`, `A/B`). */
  LETS: string;
  /** The same, letters in either case (only after an explicit answer marker). */
  LETS_CI: string;
}

export function letterPatterns(letters: string): LetterPatterns {
  const L = `[${letters}]`;
  const CI = `[${letters}${letters.toLowerCase()}]`;
  const sep = String.raw`[ \t,，、和及与/&+]*`;
  return { L, LETS: `${L}(?:${sep}${L})*`, LETS_CI: `${CI}(?:${sep}${CI})*` };
}

// What may follow a letter run: not a word (`CT`, `B超`, `A型`), except words that continue an answer
// (`C选项`, `C项正确`, `C是正确的`, `ABC都对`).
const FOLLOW = String.raw`(?=$|[^A-Za-z0-9\u4e00-\u9fff]|选项|项|选|是|为|正确|对|都|均|最|符合|答案|这|此)`;
const OPEN = String.raw`[(（【\[<《"“'‘]?\s*`;
const CLOSE = String.raw`\s*[)）】\]>》"”'’]?`;
const EXAMPLE_BEFORE = /(?:例如|比如|譬如|格式|示例|样例|举例|\bfor example|\be\.g\.|\bformat(?: of)?\b|\bsuch as)[^。\n]{0,20}$/i;
const HEDGE_AFTER = /^\s*[，,]?\s*(?:(?:但|不过|然而)\s*)?(?:或者?|还是|\bor\b|也可能|或许|and\/or)/i;

/** Words that call a statement wrong, as negated questions and their answers use them. */
const WRONG = '不正确|错误|不准确|不恰当|不妥当?|不符合|不属于|不包括|有误|不合理|不确切';

export const CONCLUSION = String.raw`(?:因此|所以|故|综上(?:所述)?|总之|总结|最终|可见|由此可见|结论|综合(?:分析|考虑)?|答案(?:是|为)?)`;

/** The verdict on one option: `选项C正确`, `C项错误`, `E“大关节很少受累”是错误的`; group 1 letter, 2 positive, 3 negative. */
export function verdictPattern(p: LetterPatterns): RegExp {
  return new RegExp(
    String.raw`(?<![A-Za-z0-9])(?:选项\s*)?${OPEN}(${p.L})${CLOSE}(?:\s*选?项)?\s*(?:[“"「『][^”"」』\n]{0,60}[”"」』]|[（(][^）)\n]{0,40}[）)])?\s*[:：,，]?\s*(?:(?:的|这个|这一|这)?(?:说法|描述|表述|叙述|选项)\s*)?(?:是|为)?\s*(?:(正确|对的|符合题意|最合适|最佳|最符合|最恰当)|(错误|不正确|不对|不符合|不恰当|有误|不妥|错))(?!的(?:说法|描述|表述|是|应|为))`,
    'g',
  );
}

const NO_ANSWER =
  /无正确答案|没有(?:一个)?正确(?:的)?(?:答案|选项)|(?:题目|本题|此题|该题)(?:本身)?(?:有误|有错|有问题|存在(?:错误|问题)|出错)|无法(?:确定|判断|选择|给出)(?:正确|唯一)?(?:的)?(?:答案|选项)|无法(?:作答|回答)|不能确定(?:答案|哪个|选项)|都不是正确答案|没有答案|\bnone of the (?:options|above|answers|choices)\b|cannot be determined|都有可能|(?:所有|全部|以上|各个?|这些|[二三四五六七八九十]个)选项(?:均|都)(?:不正确|错误)/g;

const JSON_ANSWER = /"(?:answer|final_answer|答案|choice|option|正确答案)s?"\s*:\s*(?:"([^"]*)"|\[([^\]]*)\]|(null))/gi;

/** Letters from a run like `A、B和C` / `a, c`. */
const lettersOf = (run: string) => sortedLetters(run.replace(/\band\b/gi, ''));

/** Every statement in `text`, in no particular order. */
export function findStatements(text: string, options: readonly CmexamOption[], p: LetterPatterns, negatedQuestion: boolean): Statement[] {
  const found: Statement[] = [];
  const push = (rule: StatementRule, start: number, end: number, letters: string | null, rank = 0) => {
    // `例如[正确答案]C<eoa>`, `in the format of [正确答案]A`: a quoted format example, not an answer.
    if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return;
    // A hedge right after a letter statement (`C或D`) commits to nothing; so does an answer marker followed
    // by the whole option list (`正确答案:A:体系解释;B:语法解释;C:…`), an echo of the question.
    const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
    if (letters !== null && HEDGE_AFTER.test(text.slice(end, end + 12))) found.push({ rule: 'hedge', start, end, letters: null, rank });
    else if (letters !== null && rule !== 'answer-lines' && echoesOptions(text.slice(end, lineEnd))) found.push({ rule: 'options-echo', start, end: lineEnd, letters: null, rank });
    else found.push({ rule, start, end, letters, rank });
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    for (const m of text.matchAll(re)) fn(m as RegExpExecArray);
  };

  // 答案：C / 答案是C / 正确答案应该是A和B / 【答案】C / 答案：选项C / 答案：c / 答案：C选项
  each(
    new RegExp(
      String.raw`答案\s*(?:[】\]]\s*[:：]?\s*|(?:(?:应该|应当|应|就|则|即|最终|确定|只能|可能|大概)?\s*(?:[:：]|是|为|选择|选定|选)\s*){1,3})(?:选项|选)?\s*${OPEN}(${p.LETS_CI})${CLOSE}${FOLLOW}`,
      'g',
    ),
    (m) => push('answer-statement', m.index, m.index + m[0].length, lettersOf(m[1]!)),
  );
  // 答案\nB / 答案：\n\nB. 二尖瓣狭窄 — the next line is the letter alone, or the letter with its option's own text.
  each(new RegExp(String.raw`答案\s*[:：]?[ \t]*\n\s*((${p.L})[^\n]*)(?=\n|$)`, 'g'), (m) => {
    const line = m[1]!.trim();
    const alone = new RegExp(String.raw`^${OPEN}${p.L}${CLOSE}[.．。]?$`).test(line);
    // …or followed by exactly that option's text (not `A. 主动脉瓣狭窄：错误`, a verdict on it).
    const withOwnText = /^[\s。.．]*$/.test(line.slice(letterTextPrefix(line, options).length)) && letterWithText(line, options) === m[2];
    if (alone || withOwnText) push('answer-statement', m.index, m.index + m[0].length, m[2]!);
  });
  // 正确答案：\nD：自由联想\nE：催眠疗法 — one option per line, each with its own text.
  each(new RegExp(String.raw`答案\s*[:：]?\s*\n((?:[ \t]*${p.L}\s*[:：.．、)）][^\n]*(?:\n|$))+)`, 'g'), (m) => {
    const lines = m[1]!.split('\n').filter((l) => l.trim() !== '');
    // Lines that judge their option (`A. 主动脉瓣狭窄：错误`) are an analysis, not a list of answers.
    if (lines.some((l) => /错误|不正确|不对|不符合|排除|正确|符合/.test(l.replace(letterTextPrefix(l, options), '')))) return;
    const letters = lines.map((l) => letterWithText(l, options));
    if (letters.every((l) => l !== null)) push('answer-lines', m.index, m.index + m[0].length, sortedLetters(letters.join('')), 1);
  });
  // 答案：C出血量 / 应为白头翁 / 最可能的诊断是二尖瓣狭窄: an answer word followed by an option's own text.
  each(/(?:答案\s*(?:是|为|[:：])|应为|应是|应该是|正确的是|诊断(?:应)?(?:为|是)|最可能(?:的)?(?:是|为))\s*([^\n，。；,;]*)/g, (m) => {
    const letters = letterWithText(m[1]!, options) ?? optionTextEquals(m[1]!, options);
    if (letters) push('answer-option-text', m.index, m.index + m[0].length, letters, -1);
  });
  // 故选D / 应选C / 选ABC / 所以选择B / 正确选项是C / 答：C / 答：<E>
  each(
    new RegExp(
      String.raw`(?:(?<![不未没可否勿别莫]|不要|不应|不能|不会|不该)(?:选择|选定|选)(?![项择题])\s*[:：]?\s*(?:选项|答案)?|正确(?:的)?选项\s*(?:应该|应)?\s*(?:是|为|[:：])\s*(?:选项)?|(?:正确的(?:是|为)|最佳(?:选项|答案)?(?:是|为)|最(?:符合|合适|恰当|可能|佳)的(?:选项|答案)?(?:是|为)|应该?是|我(?:认为|觉得|倾向于?|会选择?)(?:是|选)?)\s*(?:选项)?|(?:^|\n)\s*答\s*[:：]|结论\s*[:：])\s*${OPEN}(${p.LETS})${CLOSE}${FOLLOW}`,
      'g',
    ),
    (m) => push('choose-statement', m.index, m.index + m[0].length, lettersOf(m[1]!)),
  );
  // C是正确答案 / C为最佳选项 / C选项是正确的答案
  each(
    new RegExp(String.raw`(?<![A-Za-z0-9])(?:选项\s*)?${OPEN}(${p.LETS})${CLOSE}\s*(?:选项|项)?\s*(?:是|为|就是)\s*(?:本题的?)?(?:正确|最佳|最合适|最符合|最恰当|唯一正确)(?:的)?\s*(?:答案|选项)`, 'g'),
    (m) => push('choose-statement', m.index, m.index + m[0].length, lettersOf(m[1]!)),
  );
  // <C>, < A >, and the empty template <>
  // `<A><C>` (one template per letter) is one answer.
  each(new RegExp(String.raw`(?:<\s*(?:${p.LETS})?\s*(?:[.．:：、]\s*[^<>\n]{0,40})?>[\s,，、]*)+`, 'g'), (m) => {
    const letters = [...m[0].matchAll(new RegExp(String.raw`<\s*(${p.LETS})?`, 'g'))].map((t) => t[1] ?? '').join('');
    push('template', m.index, m.index + m[0].trimEnd().length, letters ? lettersOf(letters) : null);
  });
  // \boxed{C}, \boxed{C. 800}, \boxed{\text{C}}, \boxed{800} (an option's text), \boxed{} of something else: no answer
  each(/\\boxed\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, (m) => {
    const inner = m[1]!.replace(/\\(?:text|textbf|mathrm|mathbf)\s*\{([^{}]*)\}/g, '$1').trim();
    push('boxed', m.index, m.index + m[0].length, boxedLetters(inner, options, p));
  });
  // {"answer": "C"}, {"答案": ["A","C"]}, {"answer": "凝血障碍"}
  each(JSON_ANSWER, (m) => {
    const value = m[3] ? '' : (m[1] ?? m[2] ?? '');
    push('json', m.index, m.index + m[0].length, jsonLetters(value, options, p));
  });
  // The answer is C / The answers are A, B and C / Answer: (B) / the correct option is C / Option C is correct
  each(
    new RegExp(
      String.raw`(?:\b(?:[Tt]he\s+)?(?:[Cc]orrect\s+|[Ff]inal\s+|[Bb]est\s+|[Rr]ight\s+)?(?:[Aa]nswer|ANSWER|[Oo]ption|[Cc]hoice)s?\s*(?:is|are|:|would\s+be|should\s+be)\s*:?\s*(?:[Oo]ptions?\s*|[Cc]hoices?\s*)?)[(\[]?(${p.L}(?:[)\]]?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)[(\[]?${p.L})*)[)\]]?(?![A-Za-z0-9])`,
      'g',
    ),
    (m) => push('english', m.index, m.index + m[0].length, lettersOf(m[1]!)),
  );
  // answer: b — a lower-case letter only right after "answer:" and alone on its line (never "the answer is a …").
  each(new RegExp(String.raw`\b(?:[Ff]inal\s+)?(?:[Aa]nswer|ANSWER)\s*:\s*[(\[]?(${p.L.toLowerCase()})[)\]]?(?=\s*[.。]?\s*(?:$|\n))`, 'g'), (m) =>
    push('english', m.index, m.index + m[0].length, lettersOf(m[1]!.toUpperCase())),
  );
  each(new RegExp(String.raw`\b[Oo]ption\s+\(?(${p.L})\)?\s+is\s+(?:the\s+)?(?:correct|right|best)`, 'g'), (m) =>
    push('english', m.index, m.index + m[0].length, lettersOf(m[1]!)),
  );
  // ABCDE选项都可以 / A和B都正确 (two or more letters)
  each(
    new RegExp(String.raw`(?<![A-Za-z0-9])(${p.LETS})\s*(?:选项|项|几项|这几个选项|这几项)?\s*(?:都|均|全都|全部)\s*(?:可以|正确|对|是正确的|符合|适用|可选|应选)`, 'g'),
    (m) => {
      const letters = lettersOf(m[1]!);
      // In a negated question, "ABCD都正确" says which options are NOT the answer.
      if (letters.length >= 2 && !negatedQuestion) push('all-of', m.index, m.index + m[0].length, letters);
    },
  );
  // 因此，选项E正确 / 综上，C项是正确的 (and, in a negated question, 因此选项E是错误的)
  each(new RegExp(String.raw`${CONCLUSION}[^。\n！？!?]{0,12}?` + verdictPattern(p).source, 'g'), (m) => {
    const positive = m[2] !== undefined;
    if (positive || negatedQuestion) push('verdict-conclusion', m.index, m.index + m[0].length, m[1]!);
  });
  // In a negated question, naming the wrong statement is the answer: `不准确的说法是C`, `错误的选项为：B`,
  // `下列说法是错误的：\n\nA: …`. Only with a noun or 的是 after the verdict, so `A：错误\nB：…` stays a verdict.
  if (negatedQuestion) {
    each(
      new RegExp(
        String.raw`(?:(?:${WRONG})的?(?:说法|选项|表述|描述|叙述|一项)\s*(?:应该|应)?(?:是|为|有)?|(?:${WRONG})的(?:是|为|有)|(?:说法|选项|表述|描述)(?:是|为)(?:${WRONG})的)[ \t]*[:：]?[ \t]*(?:\n\s*)?(?:选项)?${OPEN}(${p.L})${CLOSE}${FOLLOW}`,
        'g',
      ),
      (m) => {
        // `错误的是：\nA：…\nC：…` lists several options: not one answer.
        const after = text.slice(m.index + m[0].length).split('\n').slice(1).find((l) => l.trim() !== '');
        if (after !== undefined && new RegExp(String.raw`^\s*${OPEN}${p.L}${CLOSE}\s*[:：.．、]`).test(after)) return;
        push('negated-answer', m.index, m.index + m[0].length, m[1]!);
      },
    );
  }
  each(NO_ANSWER, (m) => push('no-answer', m.index, m.index + m[0].length, null));
  return found;
}

/** The rest of a line right after an answer letter goes on listing other options (`:体系解释;B:语法解释;C:…`). */
function echoesOptions(rest: string): boolean {
  return /^[:：.．、]\s*[^;；\n]*[;；]\s*[A-J]\s*[:：.．、]/.test(rest);
}

function boxedLetters(inner: string, options: readonly CmexamOption[], p: LetterPatterns): string | null {
  const only = new RegExp(String.raw`^${OPEN}(${p.LETS})${CLOSE}[.．。]?$`).exec(inner);
  if (only) return lettersOf(only[1]!);
  const lead = new RegExp(String.raw`^${OPEN}(${p.L})${CLOSE}\s*[.．、:：]`).exec(inner);
  if (lead) return lead[1]!;
  return optionTextEquals(inner, options);
}

function jsonLetters(value: string, options: readonly CmexamOption[], p: LetterPatterns): string | null {
  const trimmed = value.trim();
  const bare = trimmed.replace(/["'\s]/g, '');
  if (new RegExp(String.raw`^[,，、]*${p.LETS}[,，、]*$`).test(bare)) return lettersOf(bare);
  if (squash(trimmed) === '') return null;
  return letterWithText(trimmed, options) ?? optionTextEquals(trimmed, options);
}
