// Token strings → dense integer ids, shared by a corpus (the n-gram matcher renumbers them per pair).

const TOKEN_LIMIT = 1 << 26;

/** Maps token strings to dense integer ids; single code points go through a flat array. */
export class TokenVocab {
  private readonly byCodePoint: Int32Array | null;
  private readonly byString = new Map<string, number>();
  private next = 0;

  /** `flat`: a 4 MB code-point table makes one-character tokens skip the Map (large corpora). */
  constructor(flat = false) {
    this.byCodePoint = flat ? new Int32Array(0x110000).fill(-1) : null;
  }

  id(token: string): number {
    const len = token.length;
    const table = this.byCodePoint;
    if (table !== null && (len === 1 || (len === 2 && token.codePointAt(0)! > 0xffff))) {
      const cp = token.codePointAt(0)!;
      let id = table[cp]!;
      if (id < 0) table[cp] = id = this.fresh();
      return id;
    }
    let id = this.byString.get(token);
    if (id === undefined) this.byString.set(token, (id = this.fresh()));
    return id;
  }

  /** The flat code-point → id table (-1 = unassigned), or null when the vocabulary is not flat. */
  codePointTable(): Int32Array | null {
    return this.byCodePoint;
  }

  /** Assigns an id to a code point that has none yet in the flat table. */
  assignCodePoint(cp: number): number {
    const id = this.fresh();
    this.byCodePoint![cp] = id;
    return id;
  }

  /** Id of a one-code-point token given as a code point. */
  idOfCodePoint(cp: number): number {
    const table = this.byCodePoint;
    if (table === null) return this.id(String.fromCodePoint(cp));
    let id = table[cp]!;
    if (id < 0) table[cp] = id = this.fresh();
    return id;
  }

  ids(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.id(tokens[i]!);
    return out;
  }

  private fresh(): number {
    if (this.next >= TOKEN_LIMIT) throw new Error(`more than ${TOKEN_LIMIT} distinct tokens`);
    return this.next++;
  }
}
