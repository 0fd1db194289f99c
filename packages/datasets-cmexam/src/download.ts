// The files `medeval datasets download cmexam` fetches: the official files as they are at a pinned commit of
// williamliujl/CMExam, each verified by its git blob id (SHA-1 of `blob <size>\0<bytes>`, as `git hash-object`
// prints it), so exactly the published bytes are accepted.
export interface RemoteFile {
  name: 'train.csv' | 'val.csv' | 'test_with_annotations.csv';
  url: string;
  /** The file's git blob id at CMEXAM_COMMIT. */
  gitBlob: string;
  /** Data rows, for messages and checks after download. */
  rows: number;
}

/** The commit of williamliujl/CMExam the files are pinned to. */
export const CMEXAM_COMMIT = 'fadb22c89beb1b7115dc36460ba792eb96b7b972';
const BASE = `https://raw.githubusercontent.com/williamliujl/CMExam/${CMEXAM_COMMIT}/data`;

export const remoteFiles: RemoteFile[] = [
  { name: 'train.csv', url: `${BASE}/train.csv`, gitBlob: 'be436732f2d242e01a9188c4969d1d86571bd283', rows: 54497 },
  { name: 'val.csv', url: `${BASE}/val.csv`, gitBlob: '9e7ca22b5c727749e364b196585d5c355ee2b38f', rows: 6811 },
  { name: 'test_with_annotations.csv', url: `${BASE}/test_with_annotations.csv`, gitBlob: 'e6521e67f44b0f958167c91113a2950cffa681a7', rows: 6811 },
];

/** Licence note printed by the downloader. */
export const DATA_LICENSE =
  'CMExam (williamliujl/CMExam): repository licensed Apache-2.0; its README restricts the data to research use.';
