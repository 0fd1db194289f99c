// CMMLU's own answer extraction (`extract_choice` in haonan-li/CMMLU src/mp_utils.py), reproduced rule for
// rule with Python `re` semantics (search with re.M, `.` not matching newlines): the first character if it
// is a letter; then twelve single-match patterns in order; then two "recursive" patterns that keep the last
// of nested matches; then a weak `[^不]是` pattern; then "the only letter mentioned". It always returns a
// letter — when nothing matches, a random one, "to ensure fair comparison" (CMMLU's comment). CMMLU draws
// that letter with Python's unseeded `random.randint(0, 3)`; here it comes from a PRNG seeded by the run's
// seed and the sample id, so reruns agree (the expectation is the same; the draws are not Python's).

const CHOICES = ['A', 'B', 'C', 'D'] as const;
export type Choice = (typeof CHOICES)[number];

// [pattern, group] as in mp_utils.py, in order. `m` = Python's re.M (^ and $ at line breaks).
const SINGLE: Array<[RegExp, number]> = [
  [/答案(选项)?(是|为)：? ?([ABCD])/m, 3],
  [/答案(是|为)选项 ?([ABCD])/m, 2],
  [/故?选择?：? ?([ABCD])/m, 1],
  [/([ABCD]) ?选?项(是|为)?正确/m, 1],
  [/正确的?选项(是|为) ?([ABCD])/m, 2],
  [/答案(应该)?(是|为)([ABCD])/m, 3],
  [/选项 ?([ABCD]) ?(是|为)?正确/m, 1],
  [/选择答案 ?([ABCD])/m, 1],
  [/答案?：?([ABCD])/m, 1],
  [/([ABCD])(选?项)?是?符合题意/m, 1],
  [/答案选项：? ?([ABCD])/m, 1],
  [/答案(选项)?为(.*?)([ABCD])/m, 3],
];
const RECURSIVE: Array<[RegExp, number]> = [
  [/([ABCD])(.*?)当选/m, 1],
  [/([ABCD])(.*?)正确/m, 1],
];
const WEAK: Array<[RegExp, number]> = [[/[^不]是：? ?([ABCD])/m, 1]];
// re.match without re.M: anchored at the start; `$` at the end (or before a final newline, which
// [^ABCD]* consumes anyway).
const ONLY = /^[^ABCD]*([ABCD])[^ABCD]*$/;

export interface CmmluChoice {
  choice: Choice;
  /** Which step decided: `first-char`, `single:<n>`, `recursive:<n>`, `weak`, `only-mention` or `random`. */
  rule: string;
  /** The matched text (null for a random guess). */
  span: string | null;
}

/**
 * CMMLU's extract_choice. `random` supplies the fallback draw (an integer 0–3).
 *
 * @example
 * extractChoice('答案是：C', () => 0) // → { choice: 'C', rule: 'single:1', span: '答案是：C' }
 */
export function extractChoice(response: string, random: () => number): CmmluChoice {
  // response[0] (Python raises on an empty string; the task reports an empty output as `empty` first).
  const first = response[0];
  if (first !== undefined && (CHOICES as readonly string[]).includes(first)) return { choice: first as Choice, rule: 'first-char', span: first };
  for (let k = 0; k < SINGLE.length; k++) {
    const [pattern, group] = SINGLE[k]!;
    const m = pattern.exec(response);
    if (m) return { choice: m[group] as Choice, rule: `single:${k + 1}`, span: m[0] };
  }
  for (let k = 0; k < RECURSIVE.length; k++) {
    const [pattern, group] = RECURSIVE[k]!;
    let m = pattern.exec(response);
    if (m) {
      let answer = m[group]!;
      let span = m[0];
      // while m: answer = m.group(idx); m = re.search(pattern, m.group(0)[1:])
      while (m) {
        answer = m[group]!;
        span = m[0];
        m = pattern.exec(m[0].slice(1));
      }
      return { choice: answer as Choice, rule: `recursive:${k + 1}`, span };
    }
  }
  for (const [pattern, group] of WEAK) {
    const m = pattern.exec(response);
    if (m) return { choice: m[group] as Choice, rule: 'weak', span: m[0] };
  }
  const only = ONLY.exec(response);
  if (only) return { choice: only[1] as Choice, rule: 'only-mention', span: only[1]! };
  return { choice: CHOICES[random()]!, rule: 'random', span: null };
}
