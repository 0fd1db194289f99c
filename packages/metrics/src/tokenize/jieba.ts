// jieba on jieba-wasm 2.4.0 (jieba-rs), made equal to Python jieba 0.42.1 (default dictionary, HMM on)
// by one post-split rule. Loaded lazily: the wasm module is only imported when loadJieba() is called,
// so nothing pays for it unless jieba is used. Works in Node (CJS build reads the wasm with fs at import
// time — hence only a dynamic import), Deno (export condition "deno") and browsers ("browser"/"import").

export interface JiebaTokenizer {
  /** `list(jieba.cut(text))`: default mode, HMM on, whitespace tokens kept (`' '`, `'\u3000'`, `'\r\n'`). */
  cut(text: string): string[];
  /** `list(jieba.cut(text, HMM=False))`. */
  cutNoHmm(text: string): string[];
  /** `[t for t in jieba.cut(text) if t.strip()]`: whitespace-only tokens dropped. */
  cutNoSpace(text: string): string[];
}

interface JiebaWasmModule {
  cut(text: string, hmm?: boolean | null): string[];
}

// Python jieba yields these ASCII dictionary words whole; every other ASCII run with '-' is split.
const DICT_ASCII_WORDS = new Set(['AT&T', 'C#', 'c#', 'C++', 'c++']);
const ASCII_RUN = /^[A-Za-z0-9+#&._%-]+$/;
// finalseg.re_skip of Python jieba 0.42.1.
const RE_SKIP = /([a-zA-Z0-9]+(?:\.\d+)?%?)/;

/**
 * jieba-rs keeps ASCII runs such as `COVID-19`, `1-3`, `COX-1` whole; Python jieba sends them through
 * `finalseg.cut`, whose `re_skip.split` yields `COVID`, `-`, `19`. Apply the same split to such tokens.
 */
export function jiebaPostSplit(tokens: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const split = t.length > 1 && t.includes('-') && ASCII_RUN.test(t) && !DICT_ASCII_WORDS.has(t);
    if (split) {
      if (out === null) out = tokens.slice(0, i);
      for (const part of t.split(RE_SKIP)) if (part !== '') out.push(part);
    } else if (out !== null) out.push(t);
  }
  return out ?? tokens;
}

function isBlank(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c === 0x85 || c === 0xa0 ||
      c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
      c === 0x205f || c === 0x3000)) return false;
  }
  return true;
}

let loaded: JiebaTokenizer | null = null;
let loading: Promise<JiebaTokenizer> | null = null;

async function importJiebaWasm(): Promise<JiebaWasmModule> {
  // A dynamic import of the external package: evaluated (and the wasm read) only when jieba is used.
  const mod = (await import('jieba-wasm')) as unknown as Record<string, unknown>;
  if (typeof mod.cut === 'function') {
    // The browser ("web") build exports an init function as default that must run first.
    if (typeof mod.default === 'function' && typeof mod.__wasm === 'undefined') await (mod.default as () => Promise<unknown>)();
    return mod as unknown as JiebaWasmModule;
  }
  const def = mod.default as JiebaWasmModule | undefined;
  if (def && typeof def.cut === 'function') return def;
  throw new Error('jieba-wasm loaded but exports no cut() function');
}

function makeTokenizer(w: JiebaWasmModule): JiebaTokenizer {
  const cut = (text: string): string[] => (text === '' ? [] : jiebaPostSplit(w.cut(text, true)));
  return {
    cut,
    cutNoHmm: (text) => (text === '' ? [] : jiebaPostSplit(w.cut(text, false))),
    cutNoSpace: (text) => cut(text).filter((t) => !isBlank(t)),
  };
}

/**
 * Load jieba-wasm once (later calls share the same promise).
 *
 * @example
 * const jieba = await loadJieba(); // jieba-rs as WebAssembly, loaded once per process
 * jieba.cut('头痛三天'); // words
 */
export function loadJieba(): Promise<JiebaTokenizer> {
  if (loading === null) {
    loading = importJiebaWasm().then(
      (w) => (loaded = makeTokenizer(w)),
      (err: unknown) => {
        loading = null;
        throw new Error(`could not load jieba-wasm: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }
  return loading;
}

/** The jieba tokenizer if loadJieba() has completed, else null. */
export function loadedJieba(): JiebaTokenizer | null {
  return loaded;
}
