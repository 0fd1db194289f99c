// Where the real files live, for `medeval datasets download huatuo` (the generic downloader in
// @medeval/core/node checks sha256 and caches). The test set's hash is pinned from the file the
// Huatuo-26M authors publish; Lite's is not pinned (trust on first use: the downloader records it).

export interface RemoteFile {
  /** File name inside the cache directory. */
  name: string;
  url: string;
  /** Full lowercase hex sha256; absent means trust-on-first-use. */
  sha256?: string;
}

const HF = 'https://huggingface.co/datasets/FreedomIntelligence';

export const huatuoTestFile: RemoteFile = {
  name: 'test_datasets.jsonl',
  url: `${HF}/huatuo26M-testdatasets/resolve/main/test_datasets.jsonl`,
  sha256: '79a587b05bbcdc9935b70c4a46c8c9db8b9b1d4e5150b78d6dcc3a6132a24050',
};

export const huatuoLiteFile: RemoteFile = {
  name: 'format_data.jsonl',
  url: `${HF}/Huatuo26M-Lite/resolve/main/format_data.jsonl`,
};

/** The files `medeval datasets download huatuo` fetches: the 6,000-line test set and Lite. */
export const remoteFiles: readonly RemoteFile[] = [huatuoTestFile, huatuoLiteFile];
