// A Response whose body is already in memory as bytes. `new Response(bytes).json()` wraps the bytes in a
// WHATWG ReadableStream and reads them back through a reader: about 5× the CPU of decoding them directly,
// paid on every model call. This subclass keeps the bytes and decodes them directly; if someone asks for
// `body`, a plain Response over the bytes takes over (exact stream semantics). Status, headers and ok are
// the real Response's.

const decoder = new TextDecoder(); // UTF-8, BOM stripped, invalid bytes replaced: what fetch's text() does

export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array | null;
  readonly #url: string;
  readonly #init: ResponseInit;
  #used = false;
  /** A plain Response over the same bytes, made once `body` is asked for; from then on it answers. */
  #inner: Response | undefined;

  /** `bytes` null for a response without a body (204, 304...). */
  constructor(bytes: Uint8Array | null, init: ResponseInit, url = '') {
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
    this.#init = init;
  }

  override get url(): string {
    return this.#url;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#inner?.bodyUsed ?? false);
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === null) return null;
    return this.#delegate().body;
  }

  override async text(): Promise<string> {
    return this.#inner ? this.#inner.text() : decoder.decode(this.#take());
  }

  override async json(): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#inner ? this.#inner.arrayBuffer() : (this.#take().slice().buffer as ArrayBuffer);
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#inner ? new Uint8Array(await this.#inner.arrayBuffer()) : (this.#take().slice() as Uint8Array<ArrayBuffer>);
  }

  override async blob(): Promise<Blob> {
    return this.#inner ? this.#inner.blob() : new Blob([this.#take().slice() as Uint8Array<ArrayBuffer>], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    if (!this.#inner) this.#take(); // marks this one used, like any read
    return this.#delegate(true).formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    if (!this.#inner) return new BufferedResponse(this.#bytes, { ...this.#init, headers: this.headers }, this.#url);
    const copy = this.#inner.clone();
    Object.defineProperty(copy, 'url', { value: this.#url });
    return copy;
  }

  #take(): Uint8Array {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  #delegate(fresh = false): Response {
    if (fresh && !this.#inner) return new Response(this.#bytes as Uint8Array<ArrayBuffer> | null, { ...this.#init, headers: this.headers });
    // After a read through the fast path there is nothing left to stream.
    return (this.#inner ??= new Response(this.#used ? null : (this.#bytes as Uint8Array<ArrayBuffer> | null), { ...this.#init, headers: this.headers }));
  }
}
