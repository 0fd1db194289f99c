// rouge-score 0.1.2's default tokenizer (tokenize.py): lowercase, every run of [^a-z0-9] becomes a
// space, split on whitespace, optionally Porter-stem tokens longer than 3 characters (use_stemmer),
// keep tokens matching ^[a-z0-9]+$. All Chinese is dropped — which is why rouge-score scores raw
// Chinese as 0; it is exported so users can see that.
import { porterStem } from './porter.js';

const NON_ALPHANUM = /[^a-z0-9]+/g;
const VALID = /^[a-z0-9]+$/;

export function rougeDefaultTokenize(text: string, useStemmer = false): string[] {
  // After the substitution only ASCII letters, digits and spaces remain, so splitting on ' ' equals \s+.
  let tokens = text.toLowerCase().replace(NON_ALPHANUM, ' ').split(' ');
  if (useStemmer) tokens = tokens.map((t) => (t.length > 3 ? porterStem(t) : t));
  return tokens.filter((t) => VALID.test(t));
}
