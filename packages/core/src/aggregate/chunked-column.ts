// Per-record columns of a run's aggregator, in chunks of 65,536 values: a million records grow no array of a
// million (each doubling of one left the previous copy, up to 8 MB, as old-generation garbage). Each chunk is
// as narrow as its values allow: the 0/1 items of accuracy and the slice codes of a few departments take one
// byte a record (a million records: 1 MB a column instead of 8 MB of JS array in the collected heap); a chunk
// is widened, once, by the first value it cannot hold.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const LOW = CHUNK - 1;
/** A null item in a one-byte chunk (the byte values 0–254 are the integers themselves). */
const NULL_BYTE = 255;

type ItemChunk = Uint8Array | Float64Array | unknown[];

/**
 * Metric items (any value; null for an unscorable record) appended one by one, read by index. Integers 0–254
 * and null take a byte; other numbers 8 bytes outside the collected heap; anything else a JS array slot.
 *
 * @example
 * const column = new ItemColumn();
 * column.push(1); column.push(null); column.push(0.25);
 * column.get(1) // → null; column.get(2) // → 0.25; column.length // → 3
 */
export class ItemColumn {
  private readonly chunks: ItemChunk[] = [];
  length = 0;

  push(value: unknown): void {
    const c = this.length >>> CHUNK_BITS;
    const j = this.length & LOW;
    if (c === this.chunks.length) this.chunks.push(new Uint8Array(CHUNK));
    let chunk = this.chunks[c]!;
    if (chunk instanceof Uint8Array) {
      if (value === null) {
        chunk[j] = NULL_BYTE;
        this.length++;
        return;
      }
      if (typeof value === 'number' && value >= 0 && value < NULL_BYTE && Number.isInteger(value) && !Object.is(value, -0)) {
        chunk[j] = value;
        this.length++;
        return;
      }
      chunk = this.chunks[c] = widen(chunk, j, typeof value === 'number' && !chunk.subarray(0, j).includes(NULL_BYTE));
    }
    if (chunk instanceof Float64Array) {
      if (typeof value === 'number') {
        chunk[j] = value;
        this.length++;
        return;
      }
      chunk = this.chunks[c] = Array.from(chunk.subarray(0, j)) as unknown[];
    }
    (chunk as unknown[]).push(value);
    this.length++;
  }

  get(i: number): unknown {
    const chunk = this.chunks[i >>> CHUNK_BITS]!;
    const value = chunk[i & LOW];
    if (chunk instanceof Uint8Array) return value === NULL_BYTE ? null : value;
    return value;
  }
}

/** The first `used` values of a one-byte chunk, as numbers 8 bytes each (no null among them) or as an array. */
function widen(chunk: Uint8Array, used: number, toNumbers: boolean): Float64Array | unknown[] {
  if (toNumbers) {
    const wide = new Float64Array(CHUNK);
    wide.set(chunk.subarray(0, used));
    return wide;
  }
  const wide: unknown[] = [];
  for (let k = 0; k < used; k++) wide.push(chunk[k] === NULL_BYTE ? null : chunk[k]);
  return wide;
}

/**
 * Non-negative integers (slice and cluster codes) appended one by one: a byte each while they are under 256,
 * 4 bytes each in a chunk that has met a larger one.
 *
 * @example
 * const codes = new IntColumn();
 * codes.push(3); codes.push(70_000);
 * codes.get(0) // → 3; codes.get(1) // → 70000
 */
export class IntColumn {
  private readonly chunks: Array<Uint8Array | Int32Array> = [];
  length = 0;

  push(value: number): void {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(new Uint8Array(CHUNK));
    let chunk = this.chunks[c]!;
    if (value > 255 && chunk instanceof Uint8Array) {
      chunk = this.chunks[c] = Int32Array.from(chunk);
    }
    chunk[this.length & LOW] = value;
    this.length++;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & LOW]!;
  }
}
