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
    // Python strip(): [b, e) without leading and trailing whitespace. (No closure here: variables a closure
    // captures live in a heap context, and the hot loop below would read `bytes` from it.)
    let b = 0;
    while (b < n) {
      const at = codePointAt(bytes, b);
      if (at === 0) return toPair(this.zh(decodeCopy(bytes), slot), local);
      if (!isPySpace(at >>> 2)) break;
      b += at & 3;
    }
    let e = n;
    while (e > b) {
      let s = e - 1;
      while (s > b && (bytes[s]! & 0xc0) === 0x80) s--;
      const at = codePointAt(bytes, s);
      if (at === 0) return toPair(this.zh(decodeCopy(bytes), slot), local);
      if (!isPySpace(at >>> 2)) break;
      e = s;
    }
    const buf = this.buffer(slot, e - b);
    let count = 0;
    let i = b;
    while (i < e) {
      // Chinese characters (3 bytes each in UTF-8): the common case, one token each, in the tightest loop.
      const c0 = bytes[i]!;
      if (c0 >= 0xe0 && c0 < 0xf0 && i + 2 < n) {
        const c = ((c0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
        const k = classes[c]!;
        if (k === ZH_CHINESE) {
          let id = table === null ? vocab.idOfCodePoint(c) : table[c]!;
          if (id < 0) id = vocab.assignCodePoint(c);
          buf[count++] = local === undefined ? id : local.localId(id);
          i += 3;
          continue;
        }
        if (k === ZH_CHINESE_SPACE) {
          i += 3;
          continue;
        }
      }
      // A run of non-Chinese characters, up to the next Chinese character or the end of the line.
      const runStart = i;
      let special = false;
      let ascii = true;
      while (i < e) {
        const d0 = bytes[i]!;
        let c: number;
        let len: number;
        if (d0 < 0x80) {
          c = d0;
          len = 1;
        } else if (d0 >= 0xe0 && d0 < 0xf0 && i + 2 < n) {
          c = ((d0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
          len = 3;
        } else if (d0 >= 0xc2 && d0 < 0xe0 && i + 1 < n) {
          c = ((d0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
          len = 2;
        } else return toPair(this.zh(decodeCopy(bytes), slot), local); // 4-byte or invalid: the string path
        const k = classes[c]!;
        if (k === ZH_CHINESE || k === ZH_CHINESE_SPACE) break;
        if (len > 1) ascii = false;
        if (k === ZH_SPECIAL) special = true;
        i += len;
      }
      count = this.runIds(bytes, runStart, i, runStart > b, i < e, special, ascii, buf, count, local);
    }
    return buf.subarray(0, count);
  }

  /**
   * Writes the ids of the non-Chinese run `bytes[start, end)` into `buf` from `count`; returns the new count. `left`,
   * `right`: a Chinese character (not the line's edge) on that side, which pads the run for the 13a regexes.
   */
  private runIds(
    bytes: Uint8Array,
    start: number,
    end: number,
    left: boolean,
    right: boolean,
    special: boolean,
    ascii: boolean,
    buf: Int32Array,
    count: number,
    local: PairIds | undefined,
  ): number {
    const vocab = this.vocab;
    if (ascii && !special && end - start === 1) {
      // A one-character run (a digit, a Latin letter: most runs): its code point's id, as for a Chinese character.
      const id = vocab.idOfCodePoint(bytes[start]!);
      buf[count++] = local === undefined ? id : local.localId(id);
    } else if (ascii && end - start <= 256) {
      // Looked up by its bytes; only a run not seen before becomes a string. A plain run is one token whatever
      // surrounds it; a special one is tokenized with its padding (flags).
      const flags = special ? (left ? 2 : 0) | (right ? 1 : 0) : 4;
      const runs = this.byteRuns;
      let entry = runs.find(bytes, start, end, flags);
      if (entry < 0) {
        const run = String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
        entry = runs.add(bytes, start, end, flags, special ? vocab.ids(zhRunTokens(run, left, right)) : [vocab.id(run)]);
      }
      const ids = runs.ids();
      const last = runs.idsStart(entry) + runs.idsLength(entry);
      for (let j = runs.idsStart(entry); j < last; j++) buf[count++] = local === undefined ? ids[j]! : local.localId(ids[j]!);
    } else {
      const run = decodeCopy(bytes.subarray(start, end));
      if (special) {
        const ids = this.specialRun(run, left, right);
        for (let j = 0; j < ids.length; j++) buf[count++] = local === undefined ? ids[j]! : local.localId(ids[j]!);
      } else {
        const id = vocab.id(run);
        buf[count++] = local === undefined ? id : local.localId(id);
      }
    }
    return count;
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

/**
 * The BMP code point starting at byte `i` and its length in bytes, packed as `cp << 2 | length`; 0 for a 4-byte
 * sequence, a stray byte or a sequence cut short (the caller takes the string path).
 */
function codePointAt(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  const c0 = bytes[i]!;
  if (c0 < 0x80) return (c0 << 2) | 1;
  if (c0 >= 0xc2 && c0 < 0xe0 && i + 1 < n) return ((((c0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f)) << 2) | 2;
  if (c0 >= 0xe0 && c0 < 0xf0 && i + 2 < n) return ((((c0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f)) << 2) | 3;
  return 0;
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
