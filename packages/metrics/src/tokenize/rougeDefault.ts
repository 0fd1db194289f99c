// rouge-score 0.1.2's default tokenizer (tokenize.py, use_stemmer=False): lowercase, every run of
// [^a-z0-9] becomes a space, split on whitespace, keep tokens matching ^[a-z0-9]+$. All Chinese is
// dropped — which is why rouge-score scores raw Chinese as 0; it is exported so users can see that.
// (The Porter-stemmer variant is not implemented; see docs/metrics-bleu.md.)

const NON_ALPHANUM = /[^a-z0-9]+/g;
const VALID = /^[a-z0-9]+$/;

export function rougeDefaultTokenize(text: string): string[] {
  // After the substitution only ASCII letters, digits and spaces remain, so splitting on ' ' equals \s+.
  return text
    .toLowerCase()
    .replace(NON_ALPHANUM, ' ')
    .split(' ')
    .filter((t) => VALID.test(t));
}
