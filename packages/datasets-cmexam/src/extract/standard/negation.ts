// Questions that ask for the option that does NOT hold (`不正确的是`, `错误的是`, `不包括`, `不属于`): there a
// model that calls an option wrong has chosen it.
const NEGATED = /(?:不正确|错误|不准确|不合理|不确切|不恰当|不妥|不符合|不属于|不包括|不是|不宜|不应|不能|不会|不可能|不需要|不常见|无关|除外|例外|不对|有误|不当|不相符|禁忌|\bEXCEPT\b|\bNOT\b)[^，。,]{0,8}(?:的是|是|为|有|者)?\s*[(（]?\s*[)）]?\s*[？?。:：]?\s*$/i;

/** True when the question asks for the incorrect / excluded option (judged on its last clause). */
export function isNegatedQuestion(question: string | undefined): boolean {
  if (!question) return false;
  const tail = question.trim().replace(/[\s_＿]+$/, '').slice(-30);
  return NEGATED.test(tail) || /不正确的是|错误的是|不包括|不属于|除外|不恰当的是|不符合的是|不是/.test(tail);
}
