// Fast ROUGE-1/2/L sufficient statistics for many pairs (what `medeval rouge` does 100,000 times).
// Tokens become dense integer ids per pair; all buffers are reused across pairs, so scoring a pair
// allocates nothing. For the `char` tokenizer the ids come straight from code points (no strings).
import { isPySpace } from '../tokenize/whitespace.js';
import { lcsFromMasks } from './lcs.js';

export interface PairCounts {
  /** token counts of target (ref) and prediction (hyp) */
  nRef: number;
  nHyp: number;
  /** clipped unigram / bigram overlap (rouge-score multiset semantics) */
  uni: number;
  bi: number;
  lcs: number;
}


export class PairScorer {
  private ref = new Int32Array(256);
  private hyp = new Int32Array(256);
  private nRef = 0;
  private nHyp = 0;
  private k = 0;
  private cpSlot: Int32Array | null = null;
  private usedCps = new Int32Array(512);
  private counts = new Int32Array(256);
  private biCounts = new Int32Array(1 << 16);
  private masks = new Uint32Array(1024);
  private V = new Uint32Array(64);
  private ids = new Map<string, number>();

  /** Load a pair of texts as code points without Python whitespace (the `char` tokenizer). */
  loadChars(refText: string, hypText: string): void {
    const slot = (this.cpSlot ??= new Int32Array(0x110000).fill(-1));
    this.k = 0;
    let used = 0;
    const load = (s: string, which: 'ref' | 'hyp'): number => {
      let buf = which === 'ref' ? this.ref : this.hyp;
      if (buf.length < s.length) {
        buf = new Int32Array(s.length * 2);
        if (which === 'ref') this.ref = buf;
        else this.hyp = buf;
      }
      let n = 0;
      for (let i = 0; i < s.length; i++) {
        let cp = s.charCodeAt(i);
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
          const lo = s.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
            i++;
          }
        } else if (isPySpace(cp)) continue;
        let id = slot[cp]!;
        if (id < 0) {
          id = slot[cp] = this.k++;
          if (used === this.usedCps.length) {
            const grown = new Int32Array(used * 2);
            grown.set(this.usedCps);
            this.usedCps = grown;
          }
          this.usedCps[used++] = cp;
        }
        buf[n++] = id;
      }
      return n;
    };
    this.nRef = load(refText, 'ref');
    this.nHyp = load(hypText, 'hyp');
    for (let i = 0; i < used; i++) slot[this.usedCps[i]!] = -1;
  }

  /** Load a pair of token lists (any tokenizer). */
  loadTokens(refTokens: readonly string[], hypTokens: readonly string[]): void {
    const ids = this.ids;
    ids.clear();
    const load = (xs: readonly string[], which: 'ref' | 'hyp'): number => {
      let buf = which === 'ref' ? this.ref : this.hyp;
      if (buf.length < xs.length) {
        buf = new Int32Array(xs.length * 2);
        if (which === 'ref') this.ref = buf;
        else this.hyp = buf;
      }
      for (let i = 0; i < xs.length; i++) {
        let id = ids.get(xs[i]!);
        if (id === undefined) ids.set(xs[i]!, (id = ids.size));
        buf[i] = id;
      }
      return xs.length;
    };
    this.nRef = load(refTokens, 'ref');
    this.nHyp = load(hypTokens, 'hyp');
    this.k = ids.size;
  }

  /** Counts for the loaded pair. */
  counts12L(): PairCounts {
    return { nRef: this.nRef, nHyp: this.nHyp, uni: this.unigramOverlap(), bi: this.bigramOverlap(), lcs: this.lcs() };
  }

  private unigramOverlap(): number {
    const k = this.k;
    if (this.counts.length < k) this.counts = new Int32Array(k * 2);
    const c = this.counts;
    const ref = this.ref;
    const hyp = this.hyp;
    for (let i = 0; i < this.nRef; i++) c[ref[i]!]!++;
    let overlap = 0;
    for (let i = 0; i < this.nHyp; i++) {
      const id = hyp[i]!;
      if (c[id]! > 0) {
        overlap++;
        c[id]!--;
      }
    }
    for (let i = 0; i < this.nRef; i++) c[ref[i]!] = 0;
    return overlap;
  }

  private bigramOverlap(): number {
    const k = this.k;
    const nr = this.nRef - 1;
    const nh = this.nHyp - 1;
    if (nr <= 0 || nh <= 0) return 0;
    const ref = this.ref;
    const hyp = this.hyp;
    if (k * k > 1 << 22) {
      // Very large vocabularies (long texts): a Map keeps memory bounded.
      const m = new Map<number, number>();
      for (let i = 0; i < nr; i++) {
        const key = ref[i]! * k + ref[i + 1]!;
        m.set(key, (m.get(key) ?? 0) + 1);
      }
      let overlap = 0;
      for (let i = 0; i < nh; i++) {
        const key = hyp[i]! * k + hyp[i + 1]!;
        const c = m.get(key);
        if (c !== undefined && c > 0) {
          overlap++;
          m.set(key, c - 1);
        }
      }
      return overlap;
    }
    if (this.biCounts.length < k * k) this.biCounts = new Int32Array(k * k);
    const c = this.biCounts;
    for (let i = 0; i < nr; i++) c[ref[i]! * k + ref[i + 1]!]!++;
    let overlap = 0;
    for (let i = 0; i < nh; i++) {
      const key = hyp[i]! * k + hyp[i + 1]!;
      if (c[key]! > 0) {
        overlap++;
        c[key]!--;
      }
    }
    for (let i = 0; i < nr; i++) c[ref[i]! * k + ref[i + 1]!] = 0;
    return overlap;
  }

  /** Bit-parallel LCS length (Hyyrö): the shorter sequence is the bit vector. */
  private lcs(): number {
    let a = this.ref;
    let na = this.nRef;
    let b = this.hyp;
    let nb = this.nHyp;
    if (nb > na) {
      [a, b] = [b, a];
      [na, nb] = [nb, na];
    }
    if (nb === 0) return 0;
    const W = (nb + 31) >>> 5;
    const k = this.k;
    if (this.masks.length < k * W) this.masks = new Uint32Array(k * W * 2);
    const masks = this.masks;
    for (let j = 0; j < nb; j++) masks[b[j]! * W + (j >>> 5)] |= 1 << (j & 31);
    if (W > 1 && this.V.length < W) this.V = new Uint32Array(W * 2);
    const zeros = lcsFromMasks(a, na, masks, W, this.V);
    for (let j = 0; j < nb; j++) masks[b[j]! * W + (j >>> 5)] = 0;
    return zeros;
  }
}
