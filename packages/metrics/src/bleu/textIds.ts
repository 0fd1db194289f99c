// Text → token ids in one pass for the tokenizers that matter for speed (sacrebleu `zh`, `char`),
// without materializing token strings for Chinese characters. Non-Chinese runs that need the 13a
// regexes are tokenized once and cached. Output equals `vocab.ids(tokenizer(text))` (tested).
import { isPySpace, pyStrip, zhCharClasses, zhRunTokens, ZH_CHINESE, ZH_CHINESE_SPACE, ZH_SPECIAL } from '../tokenize/index.js';
import type { TokenVocab } from './ngrams.js';

const RUN_CACHE_LIMIT = 200_000;

export class TextIds {
  private buf = new Int32Array(256);
  private n = 0;
  private readonly runCache = new Map<string, Int32Array>();

  constructor(private readonly vocab: TokenVocab) {}

  private push(id: number): void {
    if (this.n === this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = id;
  }

  private pushRun(line: string, start: number, end: number, special: boolean): void {
    const run = line.slice(start, end);
    if (!special) {
      this.push(this.vocab.id(run));
      return;
    }
    const left = start > 0;
    const right = end < line.length;
    const key = (left ? '1' : '0') + (right ? '1' : '0') + run;
    let ids = this.runCache.get(key);
    if (ids === undefined) {
      ids = this.vocab.ids(zhRunTokens(run, left, right));
      if (this.runCache.size >= RUN_CACHE_LIMIT) this.runCache.clear();
      this.runCache.set(key, ids);
    }
    for (let i = 0; i < ids.length; i++) this.push(ids[i]!);
  }

  /** sacrebleu `zh` tokens as ids (see zhTokens in tokenize/sacrebleu.ts for the reasoning). */
  zh(text: string): Int32Array {
    this.n = 0;
    const classes = zhCharClasses();
    const line = pyStrip(text);
    const len = line.length;
    // A text has at most as many tokens as UTF-16 units, so one capacity check suffices.
    if (this.buf.length < len) this.buf = new Int32Array(len * 2);
    const table = this.vocab.codePointTable();
    let buf = this.buf;
    let n = 0;
    let runStart = -1;
    let special = false;
    for (let i = 0; i < len; i++) {
      const c = line.charCodeAt(i);
      const k = classes[c]!;
      if (k === ZH_CHINESE || k === ZH_CHINESE_SPACE) {
        if (runStart >= 0) {
          this.n = n;
          this.pushRun(line, runStart, i, special);
          n = this.n;
          buf = this.buf;
          runStart = -1;
          special = false;
        }
        if (k === ZH_CHINESE) {
          let id = table === null ? -1 : table[c]!;
          if (id < 0) id = table === null ? this.vocab.idOfCodePoint(c) : this.vocab.assignCodePoint(c);
          buf[n++] = id;
        }
      } else {
        if (runStart < 0) runStart = i;
        if (k === ZH_SPECIAL) special = true;
      }
    }
    this.n = n;
    if (runStart >= 0) this.pushRun(line, runStart, len, special);
    return this.buf.slice(0, this.n);
  }

  /** `char` tokens (code points without Python whitespace) as ids. */
  char(text: string): Int32Array {
    this.n = 0;
    const len = text.length;
    for (let i = 0; i < len; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          i++;
        }
      } else if (isPySpace(cp)) continue;
      this.push(this.vocab.idOfCodePoint(cp));
    }
    return this.buf.slice(0, this.n);
  }
}
