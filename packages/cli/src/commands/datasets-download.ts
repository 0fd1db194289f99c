// `medeval datasets download cmexam|huatuo`: fetch the official files listed by the dataset package
// (its `remoteFiles` manifest) with core's downloader, which checks sha256 and skips files already cached.
import { resolve } from 'node:path';
import { downloadFiles, PINS_FILE } from '@medeval/core/node';
import { stringOption } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import { InputError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

const DATASETS = ['cmexam', 'huatuo', 'cmmlu', 'cmb'] as const;

export const spec: CommandSpec = {
  name: 'datasets download',
  summary: 'download a dataset (cmexam, huatuo, cmmlu, cmb) with checksums into a local cache',
  usage: ['medeval datasets download cmexam|huatuo|cmmlu|cmb [--dir DIR] [--base-url URL]'],
  details: [
    'Downloads the files of the official release (CMExam: the GitHub repository\'s data/*.csv; Huatuo-26M: the test ' +
      'set and Lite from Hugging Face; CMMLU: the nine medical subjects, dev and test, pinned by git blob id; CMB: ' +
      'CMB-Exam test and val, the test answers and CMB-Clin, trusted on first use) into ' +
      'DIR/<dataset>/, verifies them, and skips files already there. ' +
      'Prints the local paths to pass as --data.',
  ],
  options: {
    dir: { type: 'string', value: 'DIR', description: 'cache folder', defaultText: '$MEDEVAL_DATA_DIR or ./medeval-data' },
    'base-url': { type: 'string', value: 'URL', description: 'download from a mirror: URL/<file name> instead of the official URLs' },
  },
  positionals: { min: 1, max: 1, name: 'DATASET (cmexam, huatuo, cmmlu or cmb)' },
  examples: ['medeval datasets download cmexam', 'medeval datasets download huatuo --dir ~/.cache/medeval'],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const name = args.positionals[0]!;
  if (!(DATASETS as readonly string[]).includes(name)) {
    throw new UsageError(`unknown dataset "${name}"; datasets: ${DATASETS.join(', ')}`, spec.name);
  }
  const root = stringOption(args.values, 'dir') ?? io.env.MEDEVAL_DATA_DIR ?? 'medeval-data';
  const baseUrl = stringOption(args.values, 'base-url');
  if (baseUrl !== undefined && !/^https?:\/\//i.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`, spec.name);
  const pkg =
    name === 'cmexam'
      ? await import('@medeval/datasets-cmexam')
      : name === 'cmmlu'
        ? await import('@medeval/datasets-cmmlu')
        : name === 'cmb'
          ? await import('@medeval/datasets-cmb')
          : await import('@medeval/datasets-huatuo');
  const dir = resolve(io.cwd, root, name);
  let files;
  try {
    files = await downloadFiles({
      files: pkg.remoteFiles.map((file) => ({
        ...file,
        // A mirror serves the same file names under one base URL.
        ...(baseUrl !== undefined ? { url: `${baseUrl.replace(/\/+$/, '')}/${file.name}` } : {}),
      })),
      cacheDir: dir,
      onFile: (event) => {
        if (event.state !== 'downloading') {
          const what = event.state === 'cached' ? 'already present' : `downloaded (${event.bytes ?? 0} bytes)`;
          io.stderr.write(`${event.name}: ${what}, ${VERIFICATION[event.verification ?? 'first-use']}\n`);
        }
        else io.stderr.write(`${event.name}: downloading...\n`);
      },
    });
  } catch (error) {
    throw new InputError(offlineHint(error as Error));
  }
  for (const file of files) io.stdout.write(`${file.path}\n`);
  if (name === 'cmmlu') io.stderr.write(`the data folder for --data: ${dir}\n`);
  return 0;
}

// Never "checksum ok" for a file nothing was checked against.
const VERIFICATION = {
  pinned: 'verified against its pinned checksum',
  recorded: 'matches the sha256 recorded at its first download',
  'first-use': `unverified (first use): its sha256 is recorded in ${PINS_FILE} and later downloads must match it`,
} as const;

function offlineHint(error: Error): string {
  // core's downloader already says "could not reach <host>: are you offline?"; add the mirror option.
  return /could not reach/.test(error.message) ? `${error.message}\n(a mirror serving the same file names works too: --base-url URL)` : error.message;
}
