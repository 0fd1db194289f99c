// Fetching dataset files once: verified against a pin (sha256, or the git blob id of the file at a pinned
// commit), or trust on first use (the sha256 recorded at the first download, refused if it ever changes);
// kept in a local cache directory, written atomically (temp file + rename), with a plain message when the
// network is unreachable. Dataset packages only declare their file lists; the CLI calls this.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { networkCode } from '../scheduler/errors.js';

export interface DownloadFile {
  /** File name inside cacheDir (may include sub-folders, never ".."). */
  name: string;
  url: string;
  /** Expected sha256 (hex). */
  sha256?: string;
  /**
   * Expected git blob id (SHA-1 of `blob <size>\0<bytes>`, what `git hash-object` prints): pins a file as
   * it is at a given commit of its repository. Without a pin, trust on first use.
   */
  gitBlob?: string;
}

/** How a file was checked: against its pin, against the hash recorded at first use, or not at all (first use). */
export type Verification = 'pinned' | 'recorded' | 'first-use';

/** Where trust-on-first-use hashes are kept, inside the cache directory. */
export const PINS_FILE = '.medeval-pins.json';

export interface DownloadResult {
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  /** true when the file was already present and valid. */
  cached: boolean;
  verification: Verification;
}

export interface DownloadOptions {
  files: DownloadFile[];
  cacheDir: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onFile?: (event: { name: string; state: 'cached' | 'downloading' | 'done'; bytes?: number; verification?: Verification }) => void;
}

export class DownloadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DownloadError';
  }
}

export async function downloadFiles(options: DownloadOptions): Promise<DownloadResult[]> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const results: DownloadResult[] = [];
  const pinsPath = join(options.cacheDir, PINS_FILE);
  const recorded = await readPins(pinsPath);
  for (const file of options.files) {
    if (!file.name || file.name.split(/[\\/]/).includes('..') || file.name.startsWith('/')) {
      throw new DownloadError(`download: bad file name "${file.name}"`);
    }
    const path = join(options.cacheDir, file.name);
    const pinned = file.sha256 !== undefined || file.gitBlob !== undefined;
    const present = await existingHash(path);
    if (present) {
      if (pinned ? await matchesPin(path, present, file) : recorded[file.name] === undefined || recorded[file.name] === present.sha256) {
        const verification: Verification = pinned ? 'pinned' : recorded[file.name] ? 'recorded' : 'first-use';
        if (!pinned && !recorded[file.name]) await recordPin(pinsPath, recorded, file.name, present.sha256);
        options.onFile?.({ name: file.name, state: 'cached', bytes: present.bytes, verification });
        results.push({ name: file.name, path, ...present, cached: true, verification });
        continue;
      }
      if (!pinned) {
        throw new DownloadError(
          `${path}: sha256 ${present.sha256} does not match the one recorded at its first download (${recorded[file.name]}, in ${pinsPath}); ` +
            'the file changed: delete it (and its line in the pins file) only if you trust the new version',
        );
      }
    }
    options.onFile?.({ name: file.name, state: 'downloading' });
    const fetched = await fetchToFile(doFetch, file, path, options.signal, recorded[file.name]);
    const verification: Verification = pinned ? 'pinned' : recorded[file.name] ? 'recorded' : 'first-use';
    if (verification === 'first-use') await recordPin(pinsPath, recorded, file.name, fetched.sha256);
    options.onFile?.({ name: file.name, state: 'done', bytes: fetched.bytes, verification });
    results.push({ name: file.name, path, ...fetched, cached: false, verification });
  }
  return results;
}

/**
 * The git blob id of a file: SHA-1 over `blob <size>\0` and its bytes, what `git hash-object FILE` prints.
 *
 * @example
 * await gitBlobId('data/val.csv') // '9e7ca22b5c727749e364b196585d5c355ee2b38f' for CMExam's val.csv at fadb22c
 */
export async function gitBlobId(path: string): Promise<string> {
  const { size } = await stat(path);
  const hash = createHash('sha1').update(`blob ${size}\0`);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function matchesPin(path: string, present: { sha256: string }, file: DownloadFile): Promise<boolean> {
  if (file.sha256 && present.sha256 !== file.sha256.toLowerCase()) return false;
  if (file.gitBlob && (await gitBlobId(path)) !== file.gitBlob.toLowerCase()) return false;
  return true;
}

async function readPins(path: string): Promise<Record<string, string>> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return {};
    throw new DownloadError(`${path}: not a valid pins file (${(error as Error).message})`);
  }
}

async function recordPin(path: string, pins: Record<string, string>, name: string, sha256: string): Promise<void> {
  pins[name] = sha256;
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(pins, null, 2)}\n`);
}

async function existingHash(path: string): Promise<{ sha256: string; bytes: number } | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return { sha256: hash.digest('hex'), bytes: info.size };
  } catch {
    return undefined;
  }
}

async function fetchToFile(
  doFetch: typeof fetch,
  file: DownloadFile,
  path: string,
  signal: AbortSignal | undefined,
  recordedSha256: string | undefined,
): Promise<{ sha256: string; bytes: number }> {
  const host = hostOf(file.url);
  let response: Response;
  try {
    response = await doFetch(file.url, signal ? { signal } : {});
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    const code = networkCode(error);
    throw new DownloadError(
      `could not reach ${host}: are you offline? (${code ?? (error as Error)?.message ?? String(error)}) — ` +
        `or download ${file.url} yourself and put it at ${path}`,
      { cause: error },
    );
  }
  if (!response.ok || !response.body) {
    throw new DownloadError(`${file.url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  await mkdir(join(path, '..'), { recursive: true });
  const temp = `${path}.part-${process.pid}`;
  const handle = await open(temp, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      await handle.write(chunk);
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw new DownloadError(`${file.url}: download interrupted (${(error as Error).message})`, { cause: error });
  }
  await handle.close();
  const sha256 = hash.digest('hex');
  if (file.sha256 && sha256 !== file.sha256.toLowerCase()) {
    await rm(temp, { force: true });
    throw new DownloadError(`${file.url}: checksum mismatch (expected sha256 ${file.sha256.toLowerCase()}, got ${sha256}); the file was not saved`);
  }
  if (file.gitBlob) {
    const blob = await gitBlobId(temp);
    if (blob !== file.gitBlob.toLowerCase()) {
      await rm(temp, { force: true });
      throw new DownloadError(`${file.url}: checksum mismatch (expected git blob ${file.gitBlob.toLowerCase()}, got ${blob}); the file was not saved`);
    }
  }
  if (!file.sha256 && !file.gitBlob && recordedSha256 && sha256 !== recordedSha256) {
    await rm(temp, { force: true });
    throw new DownloadError(`${file.url}: sha256 ${sha256} differs from the one recorded at the first download (${recordedSha256}); the file was not saved`);
  }
  await rename(temp, path);
  return { sha256, bytes };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
