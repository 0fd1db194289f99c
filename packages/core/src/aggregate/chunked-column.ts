// Per-record columns of a run's aggregator, in chunks of 65,536 values: a million records grow no array of a
// million (each doubling of one left the previous copy, up to 8 MB, as old-generation garbage), and integer
// codes take 4 bytes each instead of 8.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const LOW = CHUNK - 1;

/**
 * Values appended one by one, read by index.
 *
 * @example
 * const column = new ChunkedColumn<number>();
 * column.push(1); column.push(0);
 * column.get(1) // → 0; column.length // → 2
 */
export class ChunkedColumn<T> {
  private readonly chunks: T[][] = [];
  length = 0;

  push(value: T): void {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push([]);
    this.chunks[c]!.push(value);
    this.length++;
  }

  get(i: number): T {
    return this.chunks[i >>> CHUNK_BITS]![i & LOW]!;
  }
}

/**
 * Non-negative integers (slice and cluster codes) appended one by one, 4 bytes each.
 *
 * @example
 * const codes = new IntColumn();
 * codes.push(3);
 * codes.get(0) // → 3
 */
export class IntColumn {
  private readonly chunks: Int32Array[] = [];
  length = 0;

  push(value: number): void {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[c]![this.length & LOW] = value;
    this.length++;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & LOW]!;
  }
}
