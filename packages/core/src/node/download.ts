// Fetching dataset files once: checksum verified (sha256, streamed), kept in a local cache directory,
// written atomically (temp file + rename), with a plain message when the network is unreachable.
// Dataset packages only declare their file lists; the CLI calls this.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { networkCode } from '../scheduler/errors.js';

export interface DownloadFile {
  /** File name inside cacheDir (may include sub-folders, never ".."). */
  name: string;
  url: string;
  /** Expected sha256 (hex). Without it, a present file is trusted and a new one is not verified. */
  sha256?: string;
}

export interface DownloadResult {
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  /** true when the file was already present and valid. */
  cached: boolean;
}

export interface DownloadOptions {
  files: DownloadFile[];
  cacheDir: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onFile?: (event: { name: string; state: 'cached' | 'downloading' | 'done'; bytes?: number }) => void;
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
  for (const file of options.files) {
    if (!file.name || file.name.split(/[\\/]/).includes('..') || file.name.startsWith('/')) {
      throw new DownloadError(`download: bad file name "${file.name}"`);
    }
    const path = join(options.cacheDir, file.name);
    const present = await existingHash(path);
    if (present && (!file.sha256 || present.sha256 === file.sha256.toLowerCase())) {
      options.onFile?.({ name: file.name, state: 'cached', bytes: present.bytes });
      results.push({ name: file.name, path, ...present, cached: true });
      continue;
    }
    options.onFile?.({ name: file.name, state: 'downloading' });
    const fetched = await fetchToFile(doFetch, file, path, options.signal);
    options.onFile?.({ name: file.name, state: 'done', bytes: fetched.bytes });
    results.push({ name: file.name, path, ...fetched, cached: false });
  }
  return results;
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
