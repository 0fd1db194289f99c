// A Response whose body is already in memory as bytes. `new Response(bytes).json()` wraps the bytes in a
// WHATWG ReadableStream and reads them back through a reader: about 5× the CPU of decoding them directly,
// paid on every model call. This subclass keeps the bytes and only builds a stream if someone asks for
// `body`. Everything else (status, headers, ok) is the real Response's.

const decoder = new TextDecoder(); // UTF-8, BOM stripped, invalid bytes replaced: what fetch's text() does

export class BufferedResponse extends Response {
  #bytes: Uint8Array | null;
  #stream: ReadableStream<Uint8Array> | undefined;
  #used = false;
  readonly #url: string;
  readonly #init: ResponseInit;

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
    return this.#used;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === null) return null;
    const bytes = this.#bytes;
    this.#stream ??= new ReadableStream<Uint8Array>({
      pull: (controller) => {
        this.#used = true;
        controller.enqueue(bytes.slice());
        controller.close();
      },
      cancel: () => {
        this.#used = true;
      },
    });
    return this.#stream as ReadableStream<Uint8Array<ArrayBuffer>>;
  }

  override async text(): Promise<string> {
    return this.#stream ? this.#viaStream().text() : decoder.decode(this.#take());
  }

  override async json(): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#stream ? this.#viaStream().arrayBuffer() : (this.#take().slice().buffer as ArrayBuffer);
  }

  override async blob(): Promise<Blob> {
    return this.#stream ? this.#viaStream().blob() : new Blob([this.#take().slice() as Uint8Array<ArrayBuffer>], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return this.#viaStream().formData();
  }

  /** Node 22+ has Response.bytes(); offered here on every version. */
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#stream ? new Uint8Array(await this.#viaStream().arrayBuffer()) : (this.#take().slice() as Uint8Array<ArrayBuffer>);
  }

  override clone(): Response {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    if (this.#stream) {
      const [mine, theirs] = this.#stream.tee();
      this.#stream = mine;
      return new Response(theirs, { ...this.#init, headers: this.headers });
    }
    return new BufferedResponse(this.#bytes, { ...this.#init, headers: this.headers }, this.#url);
  }

  #take(): Uint8Array {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  /** Once `body` was handed out, reads go through that stream (it may be partly read or locked). */
  #viaStream(): Response {
    if (!this.#stream) return new Response(this.#take() as Uint8Array<ArrayBuffer>, { headers: this.headers });
    if (this.#used && this.#stream.locked === false) throw new TypeError('Body is unusable: Body has already been read');
    return new Response(this.#stream, { headers: this.headers });
  }
}
