// The files `medeval datasets download cmexam` fetches from the official repository. The val split's
// sha256 is pinned (measured on the published file); train and test are trust-on-first-use: the first
// download records their hash in the local cache and later downloads must match it.
export interface RemoteFile {
  name: 'train.csv' | 'val.csv' | 'test_with_annotations.csv';
  url: string;
  /** Expected sha256 (hex); absent = trust on first use. */
  sha256?: string;
  /** Data rows, for messages and checks after download. */
  rows: number;
}

const BASE = 'https://raw.githubusercontent.com/williamliujl/CMExam/main/data';

export const remoteFiles: RemoteFile[] = [
  { name: 'train.csv', url: `${BASE}/train.csv`, rows: 54497 },
  {
    name: 'val.csv',
    url: `${BASE}/val.csv`,
    sha256: '847dd9a0a765a2478efd9a2758a2547f6d54055f41b9448c362378c9f5318511',
    rows: 6811,
  },
  { name: 'test_with_annotations.csv', url: `${BASE}/test_with_annotations.csv`, rows: 6811 },
];

/** Licence note printed by the downloader. */
export const DATA_LICENSE =
  'CMExam (williamliujl/CMExam): repository licensed Apache-2.0; its README restricts the data to research use.';
