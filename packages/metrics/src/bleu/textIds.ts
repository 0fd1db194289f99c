// Text → token ids in one pass for the tokenizers that matter for speed (sacrebleu `zh`, `char`),
// without materializing token strings for Chinese characters. Non-Chinese runs that need the 13a
// regexes are tokenized once and cached. Output equals `vocab.ids(tokenizer(text))` (tested).
// Each text is written into a reusable per-slot buffer and returned as a view (no copy, no allocation
// of a backing store per text: allocating one typed array per text costs more than tokenizing it).
import { pyStrip, zhCharClasses, zhRunTokens, ZH_CHINESE, ZH_CHINESE_SPACE, ZH_SPECIAL, isPySpace } from '../tokenize/index.js';
import type { TokenVocab } from './ngrams.js';
import { ByteRunCache } from './byte-run-cache.js';

const RUN_CACHE_LIMIT = 200_000;

export class TextIds {
  private bufs: Int32Array[] = [];
  private readonly runCache = new Map<string, Int32Array>();
  /** ASCII runs of UTF-8 input → ids, looked up by their bytes (zhUtf8). */
  private readonly byteRuns: ByteRunCache;

  /** @param options.runCacheLimit runs the byte-keyed cache keeps before starting over (tests pass a small one). */
  constructor(
    private readonly vocab: TokenVocab,
    options: { runCacheLimit?: number } = {},
  ) {
    this.byteRuns = new ByteRunCache(options.runCacheLimit);
  }

  /** A buffer for `slot` with room for `len` ids (a text never has more tokens than UTF-16 units). */
  private buffer(slot: number, len: number): Int32Array {
    let buf = this.bufs[slot];
    if (buf === undefined || buf.length < len) buf = this.bufs[slot] = new Int32Array(Math.max(256, len * 2));
    return buf;
  }

  /** Ids of a special run (needs the 13a regexes), cached by run and padding. */
  private specialRun(run: string, left: boolean, right: boolean): Int32Array {
    const key = (left ? '1' : '0') + (right ? '1' : '0') + run;
    let ids = this.runCache.get(key);
    if (ids === undefined) {
      ids = this.vocab.ids(zhRunTokens(run, left, right));
      if (this.runCache.size >= RUN_CACHE_LIMIT) this.runCache.clear();
      this.runCache.set(key, ids);
    }
    return ids;
  }

  /**
   * sacrebleu `zh` tokens as ids (see zhTokens in tokenize/sacrebleu.ts for the reasoning). The view is
   * valid until the next call with the same slot.
   */
  zh(text: string, slot = 0): Int32Array {
    const classes = zhCharClasses();
    const vocab = this.vocab;
    const table = vocab.codePointTable();
    const line = pyStrip(text);
    const len = line.length;
    const buf = this.buffer(slot, len);
    let n = 0;
    let runStart = -1;
    let special = false;
    for (let i = 0; i <= len; i++) {
      const k = i < len ? classes[line.charCodeAt(i)]! : ZH_CHINESE_SPACE; // end of line closes a run
      if (k === ZH_CHINESE || k === ZH_CHINESE_SPACE) {
        if (runStart >= 0) {
          if (special) {
            const ids = this.specialRun(line.slice(runStart, i), runStart > 0, i < len);
            for (let j = 0; j < ids.length; j++) buf[n++] = ids[j]!;
          } else {
            buf[n++] = vocab.id(line.slice(runStart, i));
          }
          runStart = -1;
          special = false;
        }
        if (k === ZH_CHINESE) {
          const c = line.charCodeAt(i);
          let id = table === null ? vocab.idOfCodePoint(c) : table[c]!;
          if (id < 0) id = vocab.assignCodePoint(c);
          buf[n++] = id;
        }
      } else {
        if (runStart < 0) runStart = i;
        if (k === ZH_SPECIAL) special = true;
      }
    }
    return buf.subarray(0, n);
  }

  /**
   * `zh(text, slot)` for a text given as its UTF-8 bytes (say a line of a file in shared memory), read
   * without decoding it to a JS string: the same ids. Decoding 27 MB of Chinese to UTF-16 costs more than
   * tokenizing it; here only the (short) non-Chinese runs become strings. The bytes must be valid UTF-8 (the
   * CLI checks its files); a text with a code point above U+FFFF, or invalid bytes, is decoded and goes
   * through `zh` (rare, and the same result). With `local`, each id is written as the pair's dense id
   * (`NgramMatcher.localId`), so the matcher needs no renumbering pass of its own.
   */
  zhUtf8(bytes: Uint8Array, slot = 0, local?: PairIds): Int32Array {
    const classes = zhCharClasses();
    const vocab = this.vocab;
    const table = vocab.codePointTable();
    const n = bytes.length;
    // The code point at i and its length; 0 for a 4-byte sequence or a stray byte (→ the string path).
    let cp = 0;
    const at = (i: number): number => {
      const c0 = bytes[i]!;
      if (c0 < 0x80) {
        cp = c0;
        return 1;
      }
      if (c0 >= 0xc2 && c0 < 0xe0 && i + 1 < n) {
        cp = ((c0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
        return 2;
      }
      if (c0 >= 0xe0 && c0 < 0xf0 && i + 2 < n) {
        cp = ((c0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
        return 3;
      }
      return 0;
    };
    // Python strip(): [b, e) without leading and trailing whitespace.
    let b = 0;
    while (b < n) {
      const len = at(b);
      if (len === 0) return toPair(this.zh(decodeCopy(bytes), slot), local);
      if (!isPySpace(cp)) break;
      b += len;
    }
    let e = n;
    while (e > b) {
      let s = e - 1;
      while (s > b && (bytes[s]! & 0xc0) === 0x80) s--;
      const len = at(s);
      if (len === 0) return toPair(this.zh(decodeCopy(bytes), slot), local);
      if (!isPySpace(cp)) break;
      e = s;
    }
    const buf = this.buffer(slot, e - b);
    let count = 0;
    let runStart = -1;
    let special = false;
    let ascii = true;
    let i = b;
    for (;;) {
      // The code point at i, decoded inline (this loop is the hot path); the end of the line closes a run.
      let k = ZH_CHINESE_SPACE;
      let c = 0;
      let len = 0;
      if (i < e) {
        const c0 = bytes[i]!;
        if (c0 < 0x80) {
          c = c0;
          len = 1;
        } else if (c0 >= 0xe0 && c0 < 0xf0 && i + 2 < n) {
          c = ((c0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
          len = 3;
        } else if (c0 >= 0xc2 && c0 < 0xe0 && i + 1 < n) {
          c = ((c0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
          len = 2;
        } else return toPair(this.zh(decodeCopy(bytes), slot), local);
        k = classes[c]!;
      }
      if (k === ZH_CHINESE || k === ZH_CHINESE_SPACE) {
        if (runStart >= 0) {
          if (ascii && !special && i - runStart === 1) {
            // A one-character run (a digit, a Latin letter: most runs): its code point's id, as for a Chinese character.
            const c1 = bytes[runStart]!;
            let id = table === null ? vocab.idOfCodePoint(c1) : table[c1]!;
            if (id < 0) id = vocab.assignCodePoint(c1);
            buf[count++] = local === undefined ? id : local.localId(id);
          } else if (ascii && i - runStart <= 256) {
            // Looked up by its bytes; only a run not seen before becomes a string. A plain run is one token
            // whatever surrounds it; a special one is tokenized with its padding (flags).
            const flags = special ? (runStart > b ? 2 : 0) | (i < e ? 1 : 0) : 4;
            const runs = this.byteRuns;
            let entry = runs.find(bytes, runStart, i, flags);
            if (entry < 0) {
              const run = String.fromCharCode.apply(null, bytes.subarray(runStart, i) as unknown as number[]);
              entry = runs.add(bytes, runStart, i, flags, special ? vocab.ids(zhRunTokens(run, runStart > b, i < e)) : [vocab.id(run)]);
            }
            const ids = runs.ids();
            const end = runs.idsStart(entry) + runs.idsLength(entry);
            for (let j = runs.idsStart(entry); j < end; j++) buf[count++] = local === undefined ? ids[j]! : local.localId(ids[j]!);
          } else {
            const run = decodeCopy(bytes.subarray(runStart, i));
            if (special) {
              const ids = this.specialRun(run, runStart > b, i < e);
              for (let j = 0; j < ids.length; j++) buf[count++] = local === undefined ? ids[j]! : local.localId(ids[j]!);
            } else {
              const id = vocab.id(run);
              buf[count++] = local === undefined ? id : local.localId(id);
            }
          }
          runStart = -1;
          special = false;
          ascii = true;
        }
        if (k === ZH_CHINESE) {
          let id = table === null ? vocab.idOfCodePoint(c) : table[c]!;
          if (id < 0) id = vocab.assignCodePoint(c);
          buf[count++] = local === undefined ? id : local.localId(id);
        }
      } else {
        if (runStart < 0) runStart = i;
        if (len > 1) ascii = false;
        if (k === ZH_SPECIAL) special = true;
      }
      if (i >= e) break;
      i += len;
    }
    return buf.subarray(0, count);
  }

  /** `char` tokens (code points without Python whitespace) as ids; view valid until the next call on `slot`. */
  char(text: string, slot = 0): Int32Array {
    const vocab = this.vocab;
    const len = text.length;
    const buf = this.buffer(slot, len);
    let n = 0;
    for (let i = 0; i < len; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          i++;
        }
      } else if (isPySpace(cp)) continue;
      buf[n++] = vocab.idOfCodePoint(cp);
    }
    return buf.subarray(0, n);
  }
}

/** Dense per-pair ids for global token ids (NgramMatcher.localId). */
export interface PairIds {
  localId(global: number): number;
}

/** Global ids rewritten in place as the pair's dense ids (the rare decoded path of zhUtf8). */
function toPair(ids: Int32Array, local: PairIds | undefined): Int32Array {
  if (local !== undefined) for (let j = 0; j < ids.length; j++) ids[j] = local.localId(ids[j]!);
  return ids;
}

// ignoreBOM keeps a U+FEFF that starts a slice: it is a character of the text there, not a file's BOM.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes as a string, through a copy (TextDecoder refuses views of shared memory). */
function decodeCopy(bytes: Uint8Array): string {
  return UTF8.decode(bytes.slice());
}
