// Longest common subsequence over token sequences.
// Length only: bit-parallel (Hyyrö 2004), O(n·⌈m/32⌉) — 2,700-token texts take well under a millisecond.
// Reconstruction (rougeLsum, pltrdy's union LCS): the full O(n·m) table in a typed array, walked back
// with the reference implementation's own tie-breaking, iteratively (no recursion limit).

/** Map each distinct string to a dense integer id (shared by both sequences). */
export function internTokens(a: readonly string[], b: readonly string[]): { a: Int32Array; b: Int32Array; size: number } {
  const ids = new Map<string, number>();
  const conv = (xs: readonly string[]): Int32Array => {
    const out = new Int32Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const t = xs[i]!;
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      out[i] = id;
    }
    return out;
  };
  const ia = conv(a);
  const ib = conv(b);
  return { a: ia, b: ib, size: ids.size };
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The bit-parallel LCS kernel (Hyyrö): `masks[s * W + w]` holds the positions of symbol `s` in the shorter
 * sequence, `W` 32-bit words each; `a` (its first `na` ids) is the longer sequence. `scratch` (at least W
 * words) may be passed to avoid an allocation per call. The one implementation both the standalone
 * function below and the corpus scorer (pair-stats.ts) use.
 */
export function lcsFromMasks(a: ArrayLike<number>, na: number, masks: Uint32Array, W: number, scratch?: Uint32Array): number {
  if (W === 1) {
    let v = 0xffffffff;
    for (let i = 0; i < na; i++) {
      const mk = masks[a[i]!]!;
      if (mk === 0) continue;
      v = (((v >>> 0) + ((v & mk) >>> 0)) | (v & ~mk)) >>> 0;
    }
    return 32 - popcount32(v);
  }
  const V = scratch && scratch.length >= W ? scratch : new Uint32Array(W);
  V.fill(0xffffffff, 0, W);
  for (let i = 0; i < na; i++) {
    const base = a[i]! * W;
    let carry = 0;
    for (let w = 0; w < W; w++) {
      const v = V[w]!;
      const mk = masks[base + w]!;
      const sum = v + ((v & mk) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      V[w] = (sum | (v & ~mk)) >>> 0;
    }
  }
  let zeros = 0;
  for (let w = 0; w < W; w++) zeros += 32 - popcount32(V[w]!);
  return zeros;
}

/** LCS length of two id sequences whose ids are in [0, size). */
export function lcsLengthIds(a: Int32Array, b: Int32Array, size: number): number {
  // Put the shorter sequence in the bit vector.
  if (b.length > a.length) {
    const t = a;
    a = b;
    b = t;
  }
  const m = b.length;
  if (m === 0) return 0;
  const W = (m + 31) >>> 5;
  const masks = new Uint32Array(size * W);
  for (let j = 0; j < m; j++) masks[b[j]! * W + (j >>> 5)] |= 1 << (j & 31);
  return lcsFromMasks(a, a.length, masks, W);
}

/** LCS length of two string sequences. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const t = internTokens(a, b);
  return lcsLengthIds(t.a, t.b, t.size);
}

/** The DP table `t[i][j]` (row-major, (n+1)×(m+1)) of the reference `_lcs_table`. */
export function lcsTable(x: Int32Array, y: Int32Array): Uint16Array | Int32Array {
  const n = x.length;
  const m = y.length;
  const cols = m + 1;
  const t = Math.min(n, m) < 65535 ? new Uint16Array((n + 1) * cols) : new Int32Array((n + 1) * cols);
  for (let i = 1; i <= n; i++) {
    const xi = x[i - 1]!;
    const row = i * cols;
    const prev = row - cols;
    for (let j = 1; j <= m; j++) {
      if (xi === y[j - 1]!) t[row + j] = t[prev + j - 1]! + 1;
      else {
        const up = t[prev + j]!;
        const left = t[row + j - 1]!;
        t[row + j] = up > left ? up : left;
      }
    }
  }
  return t;
}

/** rouge-score `_backtrack_norec`: indices into `ref` of one LCS, ascending. */
export function lcsIndicesRougeScore(ref: Int32Array, can: Int32Array): number[] {
  const t = lcsTable(ref, can);
  const cols = can.length + 1;
  let i = ref.length;
  let j = can.length;
  const out: number[] = [];
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i * cols + j - 1]! > t[(i - 1) * cols + j]!) j--;
    else i--;
  }
  return out.reverse();
}

/** pltrdy / tensorflow `_recon_lcs`: the ids of `x` on one LCS (its own tie-breaking). */
export function lcsTokensPltrdy(x: Int32Array, y: Int32Array): number[] {
  const t = lcsTable(x, y);
  const cols = y.length + 1;
  let i = x.length;
  let j = y.length;
  const out: number[] = [];
  while (i > 0 && j > 0) {
    if (x[i - 1] === y[j - 1]) {
      out.push(x[i - 1]!);
      i--;
      j--;
    } else if (t[(i - 1) * cols + j]! > t[i * cols + j - 1]!) i--;
    else j--;
  }
  return out.reverse();
}
