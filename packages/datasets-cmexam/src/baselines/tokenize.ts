// A Chinese tokenizer for BM25: character unigrams and bigrams of each CJK run (no word segmenter needed,
// robust to medical terms a dictionary lacks), lower-cased Latin/digit words kept whole (CT, AFP, 5-HT).
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*/g;

export function zhTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(RUNS)) {
    const run = match[0];
    if (/^[A-Za-z0-9]/.test(run)) {
      tokens.push(run.toLowerCase());
      continue;
    }
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      tokens.push(chars[i]!);
      if (i + 1 < chars.length) tokens.push(chars[i]! + chars[i + 1]!);
    }
  }
  return tokens;
}
