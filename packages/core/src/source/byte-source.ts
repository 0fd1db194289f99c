// The shapes of dataset input: where bytes come from, and a stream of them with its name and hash.

/** A dataset location: a file path (Node/Deno), or in-memory text or bytes with a name for messages. */
export type DataSource =
  | string
  | { name: string; text: string }
  | { name: string; bytes: Uint8Array };

export interface ByteSource {
  /** File path or given name, used in every error message. */
  name: string;
  /** Streams the raw bytes; each call re-reads from the start. */
  chunks(): AsyncIterable<Uint8Array>;
  /** sha256 (hex) of all bytes, known after one full pass of `chunks()`. */
  sha256(): string | null;
}
